// The process entry point (bin/mentor-matcher.js imports the built copy of this file).
import { main } from './main.js';
import type { CliIo } from './io.js';

let interrupt: AbortController | undefined;

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  now: () => Date.now(),
  stderrIsTty: process.stderr.isTTY === true,
  progressAfterMs: 1_000,
  // Installed on demand: a command that cannot stop cleanly keeps Ctrl-C's default (exit at once).
  interruptSignal: () => {
    if (!interrupt) {
      const controller = new AbortController();
      interrupt = controller;
      process.on('SIGINT', () => {
        if (controller.signal.aborted) process.exit(130);
        process.stderr.write('\nStopping after the emails in flight (Ctrl-C again to quit at once)…\n');
        controller.abort();
      });
    }
    return interrupt.signal;
  },
};

process.exitCode = await main(process.argv.slice(2), io);
