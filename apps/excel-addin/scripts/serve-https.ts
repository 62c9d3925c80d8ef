// `npm run start:excel`: build, then serve over https://localhost:3000 with office-addin-dev-certs
// certificates, for sideloading into Excel. Never waits forever for a certificate install.
import { buildApp } from './build-app.js';
import { createStaticServer, listen } from './static-server.js';

const port = Number(process.env.PORT ?? 3000);
const certificateTimeoutMs = 60_000;

async function certificates(): Promise<import('node:https').ServerOptions> {
  const devCerts = await import('office-addin-dev-certs');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no certificate after ${certificateTimeoutMs / 1000} s`)), certificateTimeoutMs);
  });
  try {
    return await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let https: import('node:https').ServerOptions;
try {
  https = await certificates();
} catch (error) {
  console.error(`
Could not get a trusted localhost certificate (${error instanceof Error ? error.message : String(error)}).

  Install one yourself, then run this again:
    npx office-addin-dev-certs install
  (it asks for your password or an administrator prompt to trust the certificate).
  In a container or CI there is nothing to trust it with: use \`npm start\` for the standalone page.
`);
  process.exit(1);
}
const dist = await buildApp();
await listen(createStaticServer(dist, https), port);
console.log(`
Mentor Matcher is running at https://localhost:${port}/ for Excel.

  Sideload it:
    - Excel on Windows or Mac:  npx office-addin-debugging start apps/excel-addin/manifest.json
    - Excel on the web:         Insert > Add-ins > Upload My Add-in, and choose apps/excel-addin/manifest.xml
  Then open it from Home > Match mentors.

Press Ctrl+C to stop.
`);
