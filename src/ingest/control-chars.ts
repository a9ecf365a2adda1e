/**
 * C0 control characters other than tab, line feed and carriage return, plus DEL and the C1 range:
 * characters that never belong in a name, id or answer and that would garble a terminal or a log line.
 * Defined once here; `CONTROL_CHARS` has the global flag for replacing, `hasControlChars` tests.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function hasControlChars(text: string): boolean {
  CONTROL_CHARS.lastIndex = 0;
  return CONTROL_CHARS.test(text);
}
