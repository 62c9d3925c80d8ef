import { describe, expect, it } from 'vitest';
import { notifyBaseUrlProblem } from './notify-client.js';

describe('notifyBaseUrlProblem', () => {
  it('accepts https anywhere and plain http only to this machine', () => {
    for (const url of [
      'https://api.notifications.service.gov.uk',
      'http://localhost:8080',
      'http://127.0.0.1:1234',
      'http://[::1]:99',
    ]) {
      expect(notifyBaseUrlProblem(url)).toBeNull();
    }
  });

  it('refuses plain http to another machine, other schemes, credentials and non-URLs', () => {
    expect(notifyBaseUrlProblem('http://notify.example.com')).toBe(
      'must use https (plain http is allowed only to localhost, 127.0.0.1 or [::1]), got http://notify.example.com',
    );
    expect(notifyBaseUrlProblem('http://127.0.0.1.example.com')).toMatch(/^must use https/);
    expect(notifyBaseUrlProblem('ftp://example.com')).toBe('must be an https URL, got ftp');
    expect(notifyBaseUrlProblem('https://user:pw@example.com')).toBe('must not contain a user name or password');
    expect(notifyBaseUrlProblem('http://')).toBe('"http://" is not a URL');
  });
});
