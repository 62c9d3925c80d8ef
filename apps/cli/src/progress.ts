// Progress on stderr, only once a run has taken longer than a second, so quick runs stay silent.
// A terminal gets one line that updates in place; a pipe or log gets a line per phase and per 10%.
import type { Progress } from '@mentor-matcher/engine';
import type { CliIo } from './io.js';

export interface ProgressReporter {
  readonly update: (progress: Progress) => void;
  readonly done: () => void;
}

export function createProgress(io: CliIo, quiet: boolean): ProgressReporter {
  if (quiet) return { update: () => {}, done: () => {} };
  const start = io.now();
  let last = '';
  let shown = false;
  return {
    update: (progress) => {
      if (io.now() - start < io.progressAfterMs) return;
      const percent = Math.max(0, Math.min(100, Math.floor(progress.fraction * 100)));
      const line = `${progress.phase} ${io.stderrIsTty ? percent : Math.floor(percent / 10) * 10}%`;
      if (line === last) return;
      last = line;
      shown = true;
      io.stderr(io.stderrIsTty ? `\r\u001b[K${line}` : `${line}\n`);
    },
    done: () => {
      if (shown && io.stderrIsTty) io.stderr('\r\u001b[K');
    },
  };
}
