// Lookups by text that came from a table or a rule set (a header, a cell, a field name). On an
// ordinary object `record["constructor"]`, `record["toString"]` and `"__proto__" in record` find
// Object.prototype's members, and assigning `record["__proto__"]` replaces the prototype: a role
// cell reading "constructor" once crashed a run with "roles is not iterable". Records keyed by such
// text are made with `emptyRecord` (no prototype) and read with `ownValue`, which also guards
// records that callers build themselves.

/** An object with no prototype, for keys that come from the input. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record[key]` when `key` is the record's own property; undefined otherwise (never an inherited member). */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A prototype-free copy of `record`. */
export function ownCopy<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(emptyRecord<T>(), record);
}
