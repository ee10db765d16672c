// Text a user typed, made safe to show back: no control characters (a terminal would obey
// `ESC ] 0 ; … BEL` and retitle itself) and no bidirectional overrides (they disguise text).

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without control characters (tabs and newlines stay). */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}
