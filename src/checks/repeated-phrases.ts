import { report } from './message.js'
import type { Check } from './options.js'
import { segments, type Token } from './tokens.js'
import { STOPWORDS } from './words.js'

/** The longest phrase looked for, in words. */
const MAX_WORDS = 40
/** How many words may stand between the two copies (`last weekend in Ukraine last weekend`). */
const MAX_GAP = 2

/** Compared without case, possessive and plural `s`, so `the content of the contents` counts. */
const keyOf = (token: Token): string => {
  let lower = token.value.toLowerCase()
  // (By hand: two regex replaces per word were a third of this check's time.)
  const apostrophe = lower.charAt(lower.length - 2)
  if (lower.endsWith('s') && (apostrophe === '’' || apostrophe === "'")) lower = lower.slice(0, -2)
  return lower.length > 3 && lower.endsWith('s') ? lower.slice(0, -1) : lower
}

/**
 * A run of two or more words said twice, at once or a few words apart (`to be fair and reasonable to be
 * fair and reasonable`, `last weekend in Ukraine last weekend`). Not reported: runs that end in a function
 * word (`hand in hand in`, `stated that … stated that`), copies with punctuation between them (parallel
 * clauses: `improve X, improve Y`), or more than one content word between them.
 * `expected` is the sentence without the second copy.
 */
export const repeatedPhrases: Check = () => (tree, file) => {
  const text = String(file.value)
  for (const segment of segments(tree, file)) {
    const keys = segment.tokens.map(keyOf)
    const next = nextSameKey(keys)
    // Whether the text between token i and token i + 1 holds punctuation (`,` `;` `:` a dash…); asked
    // only where a repeat is found.
    const punctuationAfter = (i: number): boolean => {
      const token = segment.tokens[i]!
      return /[^\s\p{L}\p{N}'’-]/u.test(text.slice(token.end, segment.tokens[i + 1]?.start ?? token.end))
    }
    let index = 0
    while (index < keys.length) {
      const found = longestRepeatAt(keys, next, punctuationAfter, index)
      if (!found) {
        index++
        continue
      }
      const { length, gap } = found
      const first = segment.tokens[index]!
      const secondStart = segment.tokens[index + length + gap]!
      const secondEnd = segment.tokens[index + 2 * length + gap - 1]!
      const without = (cutFrom: number): string => text.slice(segment.start, cutFrom) + text.slice(secondEnd.end, segment.end)
      // Without the second copy; with words between the copies, also without those words.
      const expected = [without(segment.tokens[index + length + gap - 1]!.end)]
      if (gap > 0) expected.push(without(segment.tokens[index + length - 1]!.end))
      report(file, {
        ruleId: 'repeated-phrase',
        reason: `Repeated phrase \`${text.slice(secondStart.start, secondEnd.end)}\``,
        start: first.start,
        end: secondEnd.end,
        expected,
      })
      index += 2 * length + gap
    }
  }
}

function sameRun(keys: string[], from: number, other: number, length: number): boolean {
  for (let offset = 1; offset < length; offset++) if (keys[from + offset] !== keys[other + offset]) return false
  return true
}

/** For each word, where the same word comes next (or -1): a second copy can only start there. */
function nextSameKey(keys: string[]): Int32Array {
  const next = new Int32Array(keys.length).fill(-1)
  const seen = new Map<string, number>()
  for (let index = keys.length - 1; index >= 0; index--) {
    next[index] = seen.get(keys[index]!) ?? -1
    seen.set(keys[index]!, index)
  }
  return next
}

/**
 * The longest run starting at `index` that is said again (length ≥ 2, at most MAX_GAP words between),
 * preferring no gap. Only the places where the same first word recurs are tried.
 */
function longestRepeatAt(keys: string[], next: Int32Array, punctuationAfter: (index: number) => boolean, index: number): { length: number; gap: number } | null {
  const maxLength = Math.min(MAX_WORDS, Math.floor((keys.length - index) / 2))
  const candidates: { length: number; gap: number }[] = []
  for (let other = next[index]!; other >= 0 && other <= index + maxLength + MAX_GAP; other = next[other]!) {
    for (let gap = 0; gap <= MAX_GAP; gap++) {
      const length = other - index - gap
      if (length >= 2 && length <= maxLength && other + length <= keys.length) candidates.push({ length, gap })
    }
  }
  candidates.sort((a, b) => b.length - a.length || a.gap - b.gap)
  for (const { length, gap } of candidates) {
    if (STOPWORDS.has(keys[index + length - 1]!)) continue
    const other = index + length + gap
    if (!sameRun(keys, index, other, length)) continue
    let contentWords = 0
    for (let at = index + length; at < other; at++) if (!STOPWORDS.has(keys[at]!)) contentWords++
    let punctuated = false
    for (let at = index + length - 1; at < other && !punctuated; at++) punctuated = punctuationAfter(at)
    if (contentWords <= 1 && !punctuated) return { length, gap }
  }
  return null
}
