import { report } from './message.js'
import type { Check } from './options.js'
import { segments, type Token } from './tokens.js'
import { STOPWORDS } from './words.js'

/**
 * Punctuation between two words: anything but letters, digits, apostrophes and hyphens, or a dash (a
 * hyphen spaced on both sides). A hyphen spaced on one side is a split compound (`Asia -Pacific`).
 */
const PUNCTUATION = /[^\s\p{L}\p{N}'’-]|\s-+\s/u

/** Words that join two parallel phrases: `close contacts and secondary close contacts`. */
const CONJUNCTIONS = new Set(['and', 'or', 'nor', 'but'])

/** Prepositions that open parallel phrases: `by the people for the people`. */
const PREPOSITIONS = new Set(
  'of in on at to for from by with into onto upon about against among between through toward towards under over within without'.split(' '),
)

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
 * clauses: `improve X, improve Y`) or inside the run (a list: `University, Nanjing Medical University,
 * Nanjing`), or more than one content word between them; and, for copies a few words apart, what real
 * news writes on purpose (see `parallelPhrasing`).
 * `expected` is the sentence without the second copy, never one that the cut leaves with a word twice.
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
      return PUNCTUATION.test(text.slice(token.end, segment.tokens[i + 1]?.start ?? token.end))
    }
    const capitalised = (i: number): boolean => /^\p{Lu}/u.test(segment.tokens[i]!.value)
    let index = 0
    while (index < keys.length) {
      const found = longestRepeatAt(keys, next, punctuationAfter, index, capitalised)
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
      const lastKept = [index + length + gap - 1]
      if (gap > 0) lastKept.push(index + length - 1)
      // A cut that leaves a word twice (`the content of of his talk`) is broken text: not offered.
      const after = keys[index + 2 * length + gap]
      const expected = lastKept.filter((kept) => keys[kept] !== after).map((kept) => without(segment.tokens[kept]!.end))
      report(file, {
        ruleId: 'repeated-phrase',
        reason: `Repeated phrase \`${text.slice(secondStart.start, secondEnd.end)}\``,
        start: first.start,
        end: secondEnd.end,
        ...(expected.length > 0 ? { expected } : {}),
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
function longestRepeatAt(
  keys: string[],
  next: Int32Array,
  punctuationAfter: (index: number) => boolean,
  index: number,
  capitalised: (index: number) => boolean,
): { length: number; gap: number } | null {
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
    // Punctuation between the copies (parallel clauses), or inside the run: parts of a list
    // (`University, Nanjing Medical University, Nanjing`, `2 points, 1 point, 1 point`).
    let punctuated = false
    for (let at = index; at < other && !punctuated; at++) punctuated = punctuationAfter(at)
    if (contentWords <= 1 && !punctuated && !(gap > 0 && parallelPhrasing(keys, punctuationAfter, capitalised, index, length, gap))) return { length, gap }
  }
  return null
}

/**
 * Whether two copies a few words apart are phrasing news writes on purpose (seen in a professional
 * translation of Chinese news, WMT21): the copies
 * - joined by a conjunction with other words beside it: `close contacts and secondary close contacts`,
 *   `the red industry and the red cultural industry` (copies joined by the conjunction alone, `flood
 *   control and flood control`, are still a repeat);
 * - a name with capitalised words between: a byline (`Writer: Yue Chuan Editor Yue Chuan`);
 * - a modifier of two different words: `the great journey of the great rejuvenation`;
 * - parallel phrases after two prepositions: `by the people for the people` (not a name).
 */
function parallelPhrasing(
  keys: string[],
  punctuationAfter: (index: number) => boolean,
  capitalised: (index: number) => boolean,
  index: number,
  length: number,
  gap: number,
): boolean {
  const other = index + length + gap
  const between = keys.slice(index + length, other)
  if (keys.slice(index, other).some((key) => CONJUNCTIONS.has(key)) && between.some((key) => !CONJUNCTIONS.has(key))) return true
  const all = (from: number, to: number): boolean => {
    for (let at = from; at < to; at++) if (!capitalised(at)) return false
    return true
  }
  if (all(index, index + length) && all(index + length, other)) return true
  const afterSecond = keys[other + length]
  const modifiesTwoWords = afterSecond !== undefined && !STOPWORDS.has(afterSecond) && !punctuationAfter(other + length - 1)
  if (modifiesTwoWords && !STOPWORDS.has(between[0]!) && afterSecond !== between[0]) return true
  // (Not a name: `at Troy University in Troy University` names one place twice.)
  return gap === 1 && PREPOSITIONS.has(between[0]!) && index > 0 && PREPOSITIONS.has(keys[index - 1]!) && !capitalised(index)
}
