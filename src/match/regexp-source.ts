import type { Context } from '../model/rule.js'

// Regular-expression sources shared by the literal and the pattern matcher. Everything is compiled with
// the `u` flag, so `\p{…}` classes work and "word" means letters, marks and digits in any script.

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]'
const wordCharTest = new RegExp(`^${WORD_CHAR}$`, 'u')
export const isWordChar = (char: string | undefined): boolean => char !== undefined && wordCharTest.test(char)

/** Escapes the syntax characters (the only ones the `u` flag allows escaped outside a class). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/**
 * A literal phrase as a whole-word regex source: characters match literally, any run of whitespace
 * (a line break too) between words matches any other, and a word boundary is required on each side
 * that starts or ends with a word character.
 */
export function literalSource(text: string, options: { anyCase?: boolean } = {}): string {
  const escapeWord = options.anyCase ? anyCaseSource : escapeRegExp
  const body = text.trim().split(/\s+/u).map(escapeWord).join('\\s+')
  const chars = [...text.trim()]
  const left = isWordChar(chars[0]) ? `(?<!${WORD_CHAR})` : ''
  const right = isWordChar(chars[chars.length - 1]) ? `(?!${WORD_CHAR})` : ''
  return `${left}${body}${right}`
}

/** Letters as `[xX]` classes, so one part of a case-sensitive regex can ignore case. */
function anyCaseSource(word: string): string {
  return [...word]
    .map((char) => {
      const lower = char.toLowerCase()
      const upper = char.toUpperCase()
      return lower !== upper && [...lower].length === 1 && [...upper].length === 1 ? `[${escapeRegExp(lower)}${escapeRegExp(upper)}]` : escapeRegExp(char)
    })
    .join('')
}

const alternatives = (phrases: string[]): string => phrases.map((phrase) => literalSource(phrase, { anyCase: true })).join('|')

/**
 * Context as lookarounds around a match: `after` / `notAfter` test the words right before it, `before` /
 * `notBefore` the words right after it, separated from it by whitespace only; any case matches.
 */
export function contextSources(context: Context): { prefix: string; suffix: string } {
  let prefix = ''
  let suffix = ''
  if (context.after) prefix += `(?<=(?:${alternatives(context.after)})\\s+)`
  if (context.notAfter) prefix += `(?<!(?:${alternatives(context.notAfter)})\\s+)`
  if (context.before) suffix += `(?=\\s+(?:${alternatives(context.before)}))`
  if (context.notBefore) suffix += `(?!\\s+(?:${alternatives(context.notBefore)}))`
  return { prefix, suffix }
}

const LEADING_WORD = /[\p{L}\p{M}\p{N}_]*/uy

/** The leading run of word characters (whole code points, astral ones too), lower-cased: variants that can match at one place share it. */
export function leadingWordKey(text: string, from = 0): string {
  LEADING_WORD.lastIndex = from
  return (LEADING_WORD.exec(text)?.[0] ?? '').toLowerCase()
}
