// The file worker without a Worker: file-service.ts runs in this process; every message is copied
// with structuredClone (transferred buffers detached, as postMessage does) and delivered in a later
// task. For the standalone host's unit tests.
import type { FileWorkerPort } from '../../src/worker/file-client.js';
import { createFileService } from '../../src/worker/file-service.js';

export function inProcessFileWorker(): FileWorkerPort & { readonly received: string[] } {
  const service = createFileService();
  let stopped = false;
  let deliver: (data: unknown) => void = () => undefined;
  const received: string[] = [];
  return {
    received,
    listen(onMessage) {
      deliver = onMessage;
    },
    post(message, transfer) {
      const copy = structuredClone(message, { transfer }) as { type?: string };
      received.push(String(copy.type));
      setTimeout(() => {
        void service.handle(copy, (reply, replyTransfer) => {
          const data = structuredClone(reply, { transfer: replyTransfer ?? [] });
          setTimeout(() => {
            if (!stopped) deliver(data);
          }, 0);
        });
      }, 0);
    },
    terminate() {
      stopped = true;
    },
  };
}
