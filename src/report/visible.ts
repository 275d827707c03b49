/**
 * A change's text as a reviewer should see it: line breaks as ⏎, and spaces as ␣ where they matter (a
 * change of whitespace only, or spaces at either end), so `China -Russia` → `China-Russia` can be seen.
 */
export function visibleWhitespace(text: string): string {
  const shown = text.replace(/\r?\n/g, '⏎')
  if (shown.trim() === '') return shown.replace(/ /g, '␣')
  return shown.replace(/^ +| +$/g, (spaces) => '␣'.repeat(spaces.length))
}
