// The Web Worker entry: the engine and the wasm solver run here so Excel's pane never freezes.
import '../zod-without-eval.js';
import { createSolver } from '@mentor-matcher/solver';
import { createMatchService } from './match-service.js';

const service = createMatchService(() => createSolver());
const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  void service.handle(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
