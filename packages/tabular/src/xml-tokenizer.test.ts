import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOoxmlString, encodeOoxmlString } from './ooxml-string.js';
import { attribute, decodeXmlText, encodeXmlText, tokenizeXml, XmlSyntaxError } from './xml-tokenizer.js';

function events(xml: string): string[] {
  const out: string[] = [];
  tokenizeXml(xml, {
    open: (name, attributes, selfClosing) =>
      out.push(`<${name}${attributes.length ? ` ${attributes.join('|')}` : ''}${selfClosing ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (value) => out.push(value),
  });
  return out;
}

describe('tokenizeXml', () => {
  it('reports tags, attributes and text, dropping namespace prefixes from element names', () => {
    expect(events('<?xml version="1.0"?><x:a r:id="1" b=\'two\'>hi<b/></x:a>')).toEqual([
      '<a r:id|1|b|two>',
      'hi',
      '<b/>',
      '</b>',
      '</a>',
    ]);
  });

  it('allows > inside attribute values', () => {
    expect(events('<numFmt formatCode="[>=100]0"/>')[0]).toBe('<numFmt formatCode|[>=100]0/>');
  });

  it('skips comments and passes CDATA through as text', () => {
    expect(events('<a><!-- x<y --><![CDATA[<&>]]></a>')).toEqual(['<a>', '<&>', '</a>']);
  });

  it('rejects a DOCTYPE', () => {
    expect(() => events('<!DOCTYPE a><a/>')).toThrow(XmlSyntaxError);
  });

  it('rejects a document that ends inside an element', () => {
    expect(() => events('<a><b>text')).toThrow('the part ends inside <b>');
  });

  it('rejects an end tag that does not match', () => {
    expect(() => events('<a><b></a>')).toThrow('</a> closes <b>');
  });

  it('rejects an unclosed tag', () => {
    expect(() => events('<a b="1"')).toThrow('the tag <a> is not closed');
  });

  it('finds attributes by name or by local name after a prefix', () => {
    expect(attribute(['r:id', 'rId3', 'name', 'S'], 'id', true)).toBe('rId3');
    expect(attribute(['r:id', 'rId3'], 'id')).toBeUndefined();
  });
});

describe('XML and SpreadsheetML text', () => {
  it('decodes entities and normalises line ends', () => {
    expect(decodeXmlText('a&amp;b&#x1F600;&#10;\r\nc&unknown;')).toBe('a&b😀\n\nc&unknown;');
  });

  it('round-trips any string through encodeXmlText and decodeXmlText', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(decodeXmlText(encodeXmlText(s.replace(/\r/g, '')))).toBe(s.replace(/\r/g, ''));
      }),
    );
  });

  it('round-trips any UTF-16 string, lone surrogates included, through the _xHHHH_ escape', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('_', 'x', '0', 'D', '_x000D_'),
            fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
          ),
        }),
        (s) => {
          expect(decodeOoxmlString(encodeOoxmlString(s))).toBe(s);
        },
      ),
    );
  });

  it('escapes carriage returns and control characters, which XML cannot carry', () => {
    expect(encodeOoxmlString('a\r\nb\u0001')).toBe('a_x000D_\nb_x0001_');
  });
});
