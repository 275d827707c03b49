import { report } from './message.js'
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import type { Check, CheckOptions } from './options.js'
import { segments, type Token } from './tokens.js'

const NAME_LIKE = /^\p{Lu}[\p{L}'’-]*$/u
const ACRONYM = /^\p{Lu}{2,5}s?$/u
const WORDLIKE = /^[\p{L}][\p{L}'’-]*$/u

/**
 * Unknown capitalised words (not English, not a canonical form, variant, known name or gazetteer name)
 * that are close in spelling or sound to a known name, or whose letters are the pinyin of a gazetteer
 * entry's Chinese name (`Ma Kelong` → Macron): "possibly …", with the name in `expected`. It never
 * rewrites. With `unknown`, unknown words that resemble nothing are listed too.
 */
export const suspectNames: Check = (options) => (tree, file) => suspectNamesIn(tree, file, options)

const UNKNOWN = 1
const NAMED = 2

/** Whether a word is an unknown word-like one, and whether it looks like a name: asked once per word. */
const traitsOf = (word: string, knowledge: CheckOptions['knowledge']): number =>
  (WORDLIKE.test(word) && !knowledge.isKnown(word) ? UNKNOWN : 0) | (NAME_LIKE.test(word) ? NAMED : 0)

function suspectNamesIn(tree: Root, file: VFile, { knowledge, unknown }: CheckOptions): void {
  for (const segment of segments(tree, file)) {
    const tokens = segment.tokens
    const traits = tokens.map((token) => traitsOf(token.value, knowledge))
    let index = 0
    while (index < tokens.length) {
      // A group: capitalised words separated by single spaces (`Ma Kelong`, `Asia Danian`).
      let end = index + 1
      if (traits[index]! & NAMED) {
        while (end < tokens.length && traits[end]! & NAMED && tokens[end]!.start - tokens[end - 1]!.end === 1) end++
      }
      let anyUnknown = false
      for (let at = index; at < end && !anyUnknown; at++) anyUnknown = (traits[at]! & UNKNOWN) !== 0
      if (anyUnknown) {
        const group = tokens.slice(index, end)
        checkGroup(group, group.filter((_, offset) => traits[index + offset]! & UNKNOWN))
      }
      index = end
    }
  }

  function checkGroup(group: Token[], unknownTokens: Token[]): void {
    const text = String(file.value)
    const spanText = (from: number, to: number): string => text.slice(group[from]!.start, group[to]!.end)
    for (const token of unknownTokens) {
      const at = group.indexOf(token)
      // The word with a neighbour or two (`Ma Kelong` inside `French President Ma Kelong`), then alone.
      const windows: [number, number][] = [[at - 1, at], [at, at + 1], [at - 1, at + 1], [at - 2, at], [at, at + 2]]
      let found: { from: number; to: number; match: NonNullable<ReturnType<typeof knowledge.closestName>> } | undefined
      for (const [from, to] of windows) {
        if (from < 0 || to >= group.length) continue
        const match = knowledge.closestName(spanText(from, to))
        if (match && match.how === 'pinyin' && (!found || match.distance < found.match.distance)) found = { from, to, match }
      }
      const named = NAME_LIKE.test(token.value) && !ACRONYM.test(token.value)
      if (!found && named) {
        const match = knowledge.closestName(token.value)
        if (match) found = { from: at, to: at, match }
      }
      if (found) suspect(group[found.from]!.start, group[found.to]!.end, found.match.name.display, found.match.how)
      else if (unknown) {
        report(file, { ruleId: 'unknown-word', reason: `Unknown word \`${token.value}\``, start: token.start, end: token.end })
      }
    }
  }

  function suspect(start: number, end: number, name: string, how: string): void {
    const actual = String(file.value).slice(start, end)
    report(file, {
      ruleId: 'suspect-name',
      reason: `\`${actual}\` is not a known word: possibly ${name} (${how})`,
      start,
      end,
      expected: [name],
    })
  }
}
