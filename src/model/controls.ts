// Control characters (C0 but tab and line feed, DEL, C1, and the Unicode line and paragraph separators)
// in text bound for a terminal: an escape sequence in a file name, a text or a rule's note could clear
// the screen or redraw what a reviewer approves.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g

/** Each control character as a visible `\uXXXX` (line feeds and tabs stay; a caller that needs one line escapes `\n` too). */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
