/**
 * A change's text as a reviewer should see it: line breaks as ⏎, and spaces as ␣ where they matter (a
 * change of whitespace only, or spaces at either end), so `China -Russia` → `China-Russia` can be seen.
 */
export function visibleWhitespace(text: string): string {
  const shown = text.replace(/\r?\n/g, '⏎')
  if (shown.trim() === '') return shown.replace(/ /g, '␣')
  return shown.replace(/^ +| +$/g, (spaces) => '␣'.repeat(spaces.length))
}

const isWhitespace = (char: string): boolean => /\s/u.test(char)

/**
 * The rest of the words a change touches: the text up to the nearest whitespace on each side, from its
 * context. (A scan: `/\S*$/` retries from every position of the context and was a tenth of rendering.)
 */
export function touchingWords(context: { before: string; after: string }): { left: string; right: string } {
  let start = context.before.length
  while (start > 0 && !isWhitespace(context.before[start - 1]!)) start--
  let end = 0
  while (end < context.after.length && !isWhitespace(context.after[end]!)) end++
  return { left: context.before.slice(start), right: context.after.slice(0, end) }
}
