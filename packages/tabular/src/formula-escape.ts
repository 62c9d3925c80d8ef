// CSV formula-injection defence, as OWASP recommends ("CSV Injection"): a text cell that a
// spreadsheet would read as a formula (it starts with = + - @, a tab or a carriage return) is
// written with a leading single quote, so Excel and LibreOffice show it as text.
//
// The escape is made reversible: a value that already starts with quotes followed by one of those
// characters gets one more quote. `unescapeFormula` removes exactly one, so writeCsv → readCsv with
// `unescapeFormulas` returns every string as it was, including ones that really start with "'=".

const TRIGGER = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

export function needsFormulaEscape(value: string): boolean {
  return TRIGGER.test(value);
}
