// The Web Worker that reads the files chosen on the standalone page (file-service.ts), so that
// parsing a big workbook, or refusing a zip bomb, never blocks the page.
import '../zod-without-eval.js';
import { createFileService } from './file-service.js';

const service = createFileService();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  void service.handle(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
