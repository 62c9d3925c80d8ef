export { main, generalUsage } from './main.js';
export type { CliIo } from './io.js';
export { exitCodes } from './exit-codes.js';
