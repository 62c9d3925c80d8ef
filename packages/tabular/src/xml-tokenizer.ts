// A small XML tokenizer for the few SpreadsheetML parts a reader needs (workbook, relationships,
// shared strings, styles, worksheets). DOMParser does not exist in Node or in Web Workers, and a
// full XML library is far more than these machine-written parts need.
//
// It reports start tags, end tags and text; element names lose their namespace prefix (`x:c` → `c`)
// because some writers prefix the SpreadsheetML namespace. It rejects a DOCTYPE outright: a
// workbook never needs one, and refusing it rules out entity-expansion attacks. Attributes are
// returned as a flat [name, value, name, value, …] array, so no object is ever keyed by a name
// taken from the file.

export interface XmlHandler {
  open(name: string, attributes: readonly string[], selfClosing: boolean): void;
  close(name: string): void;
  /** Character data (entities decoded, line ends normalised), CDATA included. */
  text(value: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function tokenizeXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  // Open elements, so that a truncated part (a zip entry cut short) is an error, not a silent half.
  const open: string[] = [];
  const tracking: XmlHandler = {
    open(name, attributes, selfClosing) {
      if (!selfClosing) open.push(name);
      handler.open(name, attributes, selfClosing);
    },
    close(name) {
      handler.close(name);
    },
    text(value) {
      handler.text(value);
    },
  };
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) handler.text(decodeXmlText(xml.slice(i, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      i = skipPast(xml, '?>', lt, 'processing instruction');
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) i = skipPast(xml, '-->', lt, 'comment');
      else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError('a CDATA section is not closed', lt);
        handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else throw new XmlSyntaxError('a DOCTYPE or DTD is not allowed', lt);
    } else if (next === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XmlSyntaxError('an end tag is not closed', lt);
      const name = localName(xml.slice(lt + 2, gt).trim());
      const expected = open.pop();
      if (expected !== name) {
        throw new XmlSyntaxError(
          expected === undefined ? `</${name}> closes nothing` : `</${name}> closes <${expected}>`,
          lt,
        );
      }
      handler.close(name);
      i = gt + 1;
    } else {
      i = readStartTag(xml, lt, tracking);
    }
  }
  if (open.length > 0) throw new XmlSyntaxError(`the part ends inside <${open[open.length - 1]}>`, n);
}

function skipPast(xml: string, terminator: string, from: number, what: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new XmlSyntaxError(`a ${what} is not closed`, from);
  return end + terminator.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function readStartTag(xml: string, lt: number, handler: XmlHandler): number {
  const n = xml.length;
  let i = lt + 1;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */) break;
    i++;
  }
  const name = xml.slice(lt + 1, i);
  if (name === '') throw new XmlSyntaxError('a tag has no name', lt);
  const attributes: string[] = [];
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) throw new XmlSyntaxError(`the tag <${name}> is not closed`, lt);
    const c = xml.charCodeAt(i);
    if (c === 0x3e) {
      handler.open(localName(name), attributes, false);
      return i + 1;
    }
    if (c === 0x2f) {
      if (xml.charCodeAt(i + 1) !== 0x3e) throw new XmlSyntaxError(`the tag <${name}> is malformed`, i);
      handler.open(localName(name), attributes, true);
      handler.close(localName(name));
      return i + 2;
    }
    const eq = xml.indexOf('=', i);
    if (eq < 0) throw new XmlSyntaxError(`an attribute of <${name}> has no value`, i);
    const attributeName = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && isSpace(xml.charCodeAt(q))) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'")
      throw new XmlSyntaxError(`the attribute ${attributeName} of <${name}> is not quoted`, q);
    const close = xml.indexOf(quote, q + 1);
    if (close < 0) throw new XmlSyntaxError(`the attribute ${attributeName} of <${name}> is not closed`, q);
    attributes.push(attributeName, decodeXmlText(xml.slice(q + 1, close)));
    i = close + 1;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of attribute `name` (exact, or any prefix with that local name, e.g. `r:id` for `id`). */
export function attribute(attributes: readonly string[], name: string, prefixed = false): string | undefined {
  for (let k = 0; k < attributes.length; k += 2) {
    const candidate = attributes[k];
    if (prefixed ? candidate.endsWith(`:${name}`) : candidate === name) return attributes[k + 1];
  }
  return undefined;
}

const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the five predefined entities and character references; normalises CRLF and CR to LF as XML 1.0 §2.11 requires. */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 0x23) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(body) ?? whole;
  });
}

/** Escapes text for element content or a double-quoted attribute. */
export function encodeXmlText(text: string): string {
  if (!/[&<>"]/.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
