import { describe, expect, it } from 'vitest';
import { emailAddressProblem } from './email-address.js';

describe('emailAddressProblem (Notify’s own check)', () => {
  it.each([
    'ada@example.gov.uk',
    'Firstname-o’surname@example.com'.replace('’', "'"),
    'first.last+tag@sub.domain.org',
    "o'neil@digital.cabinet-office.gov.uk",
    'x@xn--r8jz45g.xn--zckzah',
    'a@例え.テスト',
    '  padded@example.com ',
  ])('accepts %s', (email) => {
    expect(emailAddressProblem(email)).toBeNull();
  });

  it.each([
    ['', 'the email address is empty'],
    ['jane.doe@gov', 'the domain "gov" has no top-level part (such as .uk or .com)'],
    ['jane doe@example.com', 'the email address has a space in it'],
    ['jane.example.com', 'the email address has no @'],
    ['@example.com', 'the email address needs text before and after the @'],
    ['jane@', 'the email address needs text before and after the @'],
    ['ja"ne@example.com', 'the part before the @ has a character Notify does not accept'],
    ['a@b@example.com', 'the part before the @ has a character Notify does not accept'],
    ['jane..doe@example.com', 'the email address has two dots in a row'],
    ['jane@.example.com', 'the domain starts with a dot'],
    ['jane@-example.com', 'the domain has a part that is empty, too long or has characters a domain cannot have'],
    ['jane@exa_mple.com', 'the domain has a part that is empty, too long or has characters a domain cannot have'],
    ['jane@example.c', 'the domain does not end in a valid top-level domain (2 or more letters)'],
    ['jane@example.123', 'the domain does not end in a valid top-level domain (2 or more letters)'],
    [`${'a'.repeat(310)}@example.com`, 'the email address is longer than 320 characters'],
    [`a@${'b'.repeat(64)}.com`, 'the domain has a part that is empty, too long or has characters a domain cannot have'],
  ])('refuses %j: %s', (email, reason) => {
    expect(emailAddressProblem(email)).toBe(reason);
  });
});
