// Text from the input (names, cell values, file names) made safe to print on a terminal. A cell can
// hold anything a spreadsheet or a CSV file can: ESC sequences that recolour, move the cursor or set
// the window title (CSI, OSC), a carriage return that overwrites the line, or bidirectional
// overrides that show `gpj.exe` as `exe.jpg` (CVE-2021-42574, "Trojan Source"). Each such character
// is shown as a visible escape (`\x1B`, `\u202E`) instead, so nothing is lost from the message.

// C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional controls: LRM, RLM,
// ALM, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's purpose
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function escapeOf(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control and bidirectional-override character replaced by a visible escape. */
export function printable(text: string): string {
  return text.replace(unsafe, escapeOf);
}
