// The email address check GOV.UK Notify makes before it accepts a message, restated so that a bad
// address is reported by name before anything is sent, instead of as a 400 half way through a run.
// It lives in the engine so that the checks before matching (checks.ts, `email-not-deliverable`)
// and the notify package's send plan refuse exactly the same addresses.
// Source: alphagov/notifications-utils, notifications_utils/recipient_validation/email_address.py
// (validate_email_address). The rules, in Notify's order:
// - the local part is one or more of  a-z A-Z 0-9 . ! # $ % & ' * + / = ? ^ _ ` { | } ~ -
// - then one @ and a domain that does not start with a dot and has no whitespace;
// - at most 320 characters in all, and never two dots in a row;
// - the domain, in its ASCII (punycode) form, is at most 253 characters with at least two labels;
//   each label is 1–63 letters or digits, with single or double hyphens only between them;
// - the last label (the top-level domain) is 2–63 letters, or a punycode label (xn--…).
// Notify first strips surrounding and "obscure" whitespace; here only surrounding whitespace is
// removed, so a zero-width space inside an address is reported rather than silently accepted.
// Pure: no Node or DOM API (the URL parser, for the punycode form, is in both).

const localPart = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const label = /^(xn|[a-z0-9]+)(--?[a-z0-9]+)*$/i;
const topLevel = /^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$/i;

/** Why Notify would refuse `address`, in plain words; null when it would accept it. */
export function emailAddressProblem(address: string): string | null {
  const email = address.trim();
  if (email === '') return 'the email address is empty';
  if (/\s/.test(email)) return 'the email address has a space in it';
  const at = email.lastIndexOf('@');
  if (at < 0) return 'the email address has no @';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '' || domain === '') return 'the email address needs text before and after the @';
  if (!localPart.test(local)) return 'the part before the @ has a character Notify does not accept';
  if (email.length > 320) return 'the email address is longer than 320 characters';
  if (email.includes('..')) return 'the email address has two dots in a row';
  if (domain.startsWith('.')) return 'the domain starts with a dot';
  const ascii = asciiDomain(domain);
  if (ascii === null) return 'the domain is not a valid domain name';
  const labels = ascii.split('.');
  if (ascii.length > 253) return 'the domain is longer than 253 characters';
  if (labels.length < 2) return `the domain "${domain}" has no top-level part (such as .uk or .com)`;
  if (labels.some((part) => part.length === 0 || part.length > 63 || !label.test(part))) {
    return 'the domain has a part that is empty, too long or has characters a domain cannot have';
  }
  if (!topLevel.test(labels[labels.length - 1]))
    return 'the domain does not end in a valid top-level domain (2 or more letters)';
  return null;
}

/** The domain as the web writes it in ASCII (`例え.テスト` → `xn--r8jz45g.xn--zckzah`), or null. */
function asciiDomain(domain: string): string | null {
  if (/^[\x21-\x7e]+$/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}
