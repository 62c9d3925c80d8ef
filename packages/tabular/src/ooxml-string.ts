// SpreadsheetML's own string escape (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): `_xHHHH_` stands for
// the UTF-16 code unit HHHH. Excel uses it for characters XML 1.0 cannot carry (control characters,
// lone surrogates) and for carriage returns, which XML would turn into line feeds; a literal `_x` that
// looks like an escape is itself written with its underscore escaped (`_x005F_`).

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlString(value: string): string {
  if (!value.includes('_x')) return value;
  return value.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Characters XML 1.0 forbids or would alter: C0 controls except tab and line feed, carriage return,
// U+FFFE/U+FFFF, and surrogates that are not part of a pair; plus the `_` that starts an escape look-alike.
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching these control characters is the point
  /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

// eslint-disable-next-line no-control-regex -- as above: a quick test for the same characters
const MIGHT_NEED_ESCAPE = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF_]/;

export function encodeOoxmlString(value: string): string {
  if (!MIGHT_NEED_ESCAPE.test(value)) return value;
  return value.replace(NEEDS_ESCAPE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
