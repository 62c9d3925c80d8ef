// The match worker without a Worker: the service runs in this process and every message is copied
// with structuredClone and delivered in a later task, as postMessage would. For the pane's
// workflows in unit tests (src/ui/commands.test.ts).
import { createSolver } from '@mentor-matcher/solver';
import { createMatchService } from '../../src/worker/match-service.js';

export interface InProcessWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
  /** Requests received, by type. */
  readonly received: string[];
}

export function inProcessWorker(): InProcessWorker {
  const service = createMatchService(() => createSolver());
  let stopped = false;
  const worker: InProcessWorker = {
    onmessage: null,
    onerror: null,
    received: [],
    postMessage(message) {
      const copy = structuredClone(message) as { type?: string };
      worker.received.push(String(copy.type));
      setTimeout(() => {
        void service.handle(copy, (reply) => {
          const data = structuredClone(reply);
          setTimeout(() => {
            if (!stopped) worker.onmessage?.({ data });
          }, 0);
        });
      }, 0);
    },
    terminate() {
      stopped = true;
    },
  };
  return worker;
}
