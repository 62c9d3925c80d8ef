// The Node-only part of @mentor-matcher/notify (file system, network). The pure part never imports it.
export { parseApiKey } from './node/api-key.js';
export type { ApiKeyParts } from './node/api-key.js';
export { systemClock } from './node/clock.js';
export type { Clock } from './node/clock.js';
export { NotifyConfigError, NotifyRequestError, redact } from './node/notify-errors.js';
export { RateLimiter } from './node/rate-limiter.js';
export { readSendLog, sendLogEntrySchema, sendLogKey, SendLogWriter } from './node/send-log.js';
export type { SendLogContents, SendLogEntry } from './node/send-log.js';
export { createNotifyEmailClient, sendMessages } from './node/sender.js';
export type { EmailClient, SendEvent, SendOptions, SendReport } from './node/sender.js';
