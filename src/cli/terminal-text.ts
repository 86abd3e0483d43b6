/**
 * User text (spec and registry content, file names, answers) printed by the CLI must not drive the
 * terminal: an ESC sequence in a task id could clear the screen (`\e[2J`), retitle the window
 * (`\e]0;…\a`), hide text or fake a line. Control characters become visible escapes.
 */

// C0 controls (newline and tab too: every printed message is one line), DEL, C1 controls, and the
// bidirectional overrides/isolates that reorder what is shown ("Trojan Source").
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** `text` with every control character written as an escape (`\e`, `\n`, `\x07`, `\u202e`), safe to print on one line. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// JSON.stringify already escapes C0; these it leaves raw.
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the control characters JSON.stringify leaves raw written as `\uXXXX` (the same JSON value). */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
