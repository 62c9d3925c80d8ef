// Everything a command touches outside its arguments, so that tests run commands in-process and
// read what they printed.
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against this. */
  readonly cwd: string;
  readonly now: () => number;
  /** A TTY gets one updating progress line; anything else gets plain lines. */
  readonly stderrIsTty: boolean;
  /** Progress appears only for runs longer than this (ms). */
  readonly progressAfterMs: number;
  /** A signal that fires on Ctrl-C; asked for only by commands that can stop cleanly. */
  readonly interruptSignal: () => AbortSignal;
}

export function withRedaction(io: CliIo, secrets: readonly string[]): CliIo {
  const wanted = secrets.filter((s) => s.length >= 8);
  const redact = (text: string) => wanted.reduce((out, s) => out.split(s).join('[redacted]'), text);
  return { ...io, stdout: (t) => io.stdout(redact(t)), stderr: (t) => io.stderr(redact(t)) };
}
