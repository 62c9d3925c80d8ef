// Getting the localhost certificate for sideloading, without ever waiting forever: installing it
// can hang on a password prompt nobody sees (a container, CI, a remote shell).
import type { ServerOptions } from 'node:https';

export const certificateTimeoutMs = 60_000;

export class CertificateUnavailableError extends Error {
  constructor(reason: string) {
    super(`Could not get a trusted localhost certificate (${reason}).`);
    this.name = 'CertificateUnavailableError';
  }
}

export async function certificatesWithin(
  get: () => Promise<ServerOptions>,
  timeoutMs = certificateTimeoutMs,
): Promise<ServerOptions> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CertificateUnavailableError(`no certificate after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([get(), timeout]);
  } catch (error) {
    if (error instanceof CertificateUnavailableError) throw error;
    throw new CertificateUnavailableError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

export const whatToDo = `
  Install one yourself, then run this again:
    npx office-addin-dev-certs install
  (it asks for your password or an administrator prompt to trust the certificate).
  In a container or CI there is nothing to trust it with: use \`npm start\` for the standalone page.
`;
