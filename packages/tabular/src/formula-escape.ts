// CSV formula-injection defence (OWASP "CSV Injection"), escaping only what a spreadsheet would
// evaluate. A text cell is a formula risk when, after any leading single quotes, it starts with:
//   - `=` or `@` (Excel evaluates `@SUM(A1)` and `@handle`-like text that names a function);
//   - a tab or a carriage return (OWASP: some importers drop them and evaluate what follows);
//   - `+` or `-`, unless what follows is a plain number: digits, then only digits, spaces, `.` and
//     `,`. So `-5`, `-3.5`, `+1,000` and the phone number `+44 7700 900123` stay as typed (Excel
//     reads them as a number or as text, never runs them), while `-2+3`, `+A1`, `- none` and
//     `-cmd|'/c calc'!A0` (DDE) are escaped.
// A risky value is written with a leading single quote, which Excel and LibreOffice hide and show as
// text. The escape is reversible: `unescapeFormula` removes the quote exactly when `escapeFormula`
// would have added it, so writeCsv → readCsv with `unescapeFormulas` returns every string as it was,
// including ones that really start with "'=" or "'-5".

const PLAIN_SIGNED_NUMBER = /^[+-]\d[\d .,]*$/;
const riskyFirstCharacters = "'=@\t\r+-";

/** Whether a spreadsheet would evaluate `value` (see above), ignoring leading single quotes. */
export function needsFormulaEscape(value: string): boolean {
  // Most cells start with none of the characters below: answered without a regular expression.
  if (!riskyFirstCharacters.includes(value.charAt(0))) return false;
  const rest = value.replace(/^'+/, '');
  const first = rest.charAt(0);
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true;
  if (first === '+' || first === '-') return !PLAIN_SIGNED_NUMBER.test(rest);
  return false;
}

/** `value` with a leading `'` when it is a formula risk; otherwise unchanged. */
export function escapeFormula(value: string): string {
  return needsFormulaEscape(value) ? `'${value}` : value;
}

/** The inverse of escapeFormula: removes the one quote it would have added. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && needsFormulaEscape(value.slice(1)) ? value.slice(1) : value;
}
