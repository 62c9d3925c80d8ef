// A Notify API key is `<key name>-<service id (uuid)>-<secret (uuid)>`. Only its shape is checked,
// and no message ever includes any part of it.
import { NotifyConfigError } from './notify-errors.js';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const keyPattern = new RegExp(`^.+-(${uuid})-(${uuid})$`, 'i');

export interface ApiKeyParts {
  readonly serviceId: string;
  readonly secret: string;
}

export function parseApiKey(key: string, from: string): ApiKeyParts {
  const match = keyPattern.exec(key.trim());
  if (!match) {
    throw new NotifyConfigError(
      `${from} does not look like a GOV.UK Notify API key ` +
        '(expected "key name-<service id>-<secret>", ending with two 36-character ids)',
    );
  }
  return { serviceId: match[1], secret: match[2] };
}
