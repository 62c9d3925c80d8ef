export { defaultFieldNames } from './field-names.js';
export type { FieldNames } from './field-names.js';
// The check moved to the engine (its checks before matching use it too); still exported here.
export { emailAddressProblem } from '@mentor-matcher/engine';
export {
  buildMessageFile,
  buildMessages,
  expandMessages,
  kindFor,
  messageFileSchema,
  messageKinds,
  messageListSchema,
  messagesSchema,
  personTextSchema,
  recipientSchema,
} from './messages.js';
export type {
  BuildMessagesOptions,
  MessageFile,
  MessageKind,
  MessageList,
  Messages,
  PersonText,
  Recipient,
} from './messages.js';
export {
  buildCompactMessageFile,
  compactMessageFile,
  compactMessageFileSchema,
  messagesFromNotifyFile,
  notifyFileSchema,
  notifyFileText,
  resolveMessageFile,
} from './notify-file.js';
export type { CompactMessageFile, NotifyFile } from './notify-file.js';
export { emailAddressColumn, mailMergeTable, notifyBulkTables } from './tables.js';
export { planSends } from './plan.js';
export type {
  InvalidRecipient,
  PlannedSend,
  PlanOptions,
  PriorLookup,
  PriorSend,
  SendCounts,
  SendPlan,
  Templates,
} from './plan.js';
