import { report } from './message.js'
import type { Check } from './options.js'
import { segments, type Token } from './tokens.js'
import { STOPWORDS } from './words.js'

/** The longest phrase looked for, in words. */
const MAX_WORDS = 40
/** How many words may stand between the two copies (`last weekend in Ukraine last weekend`). */
const MAX_GAP = 2

/** Compared without case and plural `s`, so `the content of the contents` counts. */
const keyOf = (token: Token): string => {
  const lower = token.value.toLowerCase().replace(/[’']s$/u, '')
  return lower.length > 3 ? lower.replace(/s$/u, '') : lower
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
    // Whether the text between token i and token i + 1 holds punctuation (`,` `;` `:` a dash…); asked
    // only where a repeat is found.
    const punctuationAfter = (i: number): boolean => {
      const token = segment.tokens[i]!
      return /[^\s\p{L}\p{N}'’-]/u.test(text.slice(token.end, segment.tokens[i + 1]?.start ?? token.end))
    }
    let index = 0
    while (index < keys.length) {
      const found = longestRepeatAt(keys, punctuationAfter, index)
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

function longestRepeatAt(keys: string[], punctuationAfter: (index: number) => boolean, index: number): { length: number; gap: number } | null {
  const first = keys[index]
  for (let length = Math.min(MAX_WORDS, Math.floor((keys.length - index) / 2)); length >= 2; length--) {
    if (STOPWORDS.has(keys[index + length - 1]!)) continue
    for (let gap = 0; gap <= MAX_GAP; gap++) {
      const other = index + length + gap
      if (other + length > keys.length) break
      // The second copy must start with the same word: most places fail here, before any comparing.
      if (keys[other] !== first || !sameRun(keys, index, other, length)) continue
      const between = keys.slice(index + length, other)
      const contentWords = between.filter((key) => !STOPWORDS.has(key)).length
      let punctuated = false
      for (let at = index + length - 1; at < other && !punctuated; at++) punctuated = punctuationAfter(at)
      if (contentWords <= 1 && !punctuated) return { length, gap }
    }
  }
  return null
}
