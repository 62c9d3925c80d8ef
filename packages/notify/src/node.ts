// The Node-only part of @mentor-matcher/notify (file system, network). The pure part never imports it.
export { parseApiKey } from './node/api-key.js';
export type { ApiKeyParts } from './node/api-key.js';
export { longestTimerMs, systemClock } from './node/clock.js';
export type { Clock } from './node/clock.js';
export { messageKey, resultIdentity } from './node/message-key.js';
export { createNotifyClient, notifyBaseUrlProblem } from './node/notify-client.js';
export type { NotifyApi, NotifyClientOptions } from './node/notify-client.js';
export {
  NotifyConfigError,
  NotifyRequestError,
  NotifyTimeoutError,
  parseRetryAfter,
  redact,
} from './node/notify-errors.js';
export type { FailureKind } from './node/notify-errors.js';
export { RateLimiter } from './node/rate-limiter.js';
export { priorFromLog, readSendLog, sendLogEntrySchema, SendLogWriter } from './node/send-log.js';
export type { LoggedMessage, SendLogContents, SendLogEntry } from './node/send-log.js';
export { sendMessages } from './node/sender.js';
export type { RefusedSend, SendEvent, SendOptions, SendReport } from './node/sender.js';
