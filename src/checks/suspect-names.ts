import { report } from './message.js'
import type { Root } from 'nlcst'
import type { VFile } from 'vfile'
import type { NameMatch } from './knowledge.js'
import type { Check, CheckOptions } from './options.js'
import { isChinesePersonName, isChineseSurname } from './pinyin.js'
import { segments, type Token } from './tokens.js'

const NAME_LIKE = /^\p{Lu}[\p{L}'’-]*$/u
const ACRONYM = /^\p{Lu}{2,5}s?$/u
const WORDLIKE = /^[\p{L}][\p{L}'’-]*$/u
// Words before a name that say it is a person's (`Kremlin spokesman X`, `Cambodian Prime Minister X`).
const PERSON_TITLE =
  /^(?:president|minister|premier|chancellor|spokes(?:man|woman|person)|secretary|ambassador|envoy|senator|governor|mayor|general|king|queen|prince|princess|mr|mrs|ms|dr|chairman|chairwoman|director|leader|said|says|told)$/iu
const NATIONALITY = /^\p{Lu}\p{Ll}+(?:ian|ese|ish|ean|ic|ch)$/u

/**
 * Unknown capitalised words (not English, not a canonical form, variant, known name or gazetteer name)
 * that are likely garbles: spelled a letter apart from a much commoner spelling in the corpus checked
 * (`Bosonaro` beside `Bolsonaro`), or close to a known name as the model of names compares them (see
 * `Knowledge.closestName`: romanised Chinese only by the exact pinyin of a foreign name, `Ma Kelong` →
 * Macron). "possibly …", with the name in `expected`. A Chinese person's name (`Hu Qiaoli`) is never a
 * garble. It never rewrites. With `unknown`, unknown words that resemble nothing are listed too.
 */
export const suspectNames: Check = (options) => (tree, file) => suspectNamesIn(tree, file, options)

const UNKNOWN = 1
const NAMED = 2

/** Whether a word is an unknown word-like one, and whether it looks like a name: asked once per word. */
const traitsOf = (word: string, knowledge: CheckOptions['knowledge']): number =>
  (WORDLIKE.test(word) && !knowledge.isKnown(word) ? UNKNOWN : 0) | (NAME_LIKE.test(word) ? NAMED : 0)

/** The note a suspect-name message carries: what backs it (`evidence: pinyin`), read back by `suggest`. */
export const EVIDENCE_NOTE = /^evidence: (\w+)$/

const stripPossessive = (word: string): string => word.replace(/['’]s$/u, '')

function suspectNamesIn(tree: Root, file: VFile, { knowledge, unknown, corpus }: CheckOptions): void {
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
        const before = tokens.slice(Math.max(0, index - 2), index).map((token) => token.value)
        checkGroup(
          group,
          group.filter((_, offset) => traits[index + offset]! & UNKNOWN),
          before,
        )
      }
      index = end
    }
  }

  function checkGroup(group: Token[], unknownTokens: Token[], before: string[]): void {
    const text = String(file.value)
    const spanText = (from: number, to: number): string => text.slice(group[from]!.start, group[to]!.end)
    const words = group.map((token) => stripPossessive(token.value))
    for (const token of unknownTokens) {
      const at = group.indexOf(token)
      // The exact pinyin of a foreign name first, with a neighbour or two (`Ma Kelong` inside `French
      // President Ma Kelong`), then the corpus's commoner spelling, then the word alone.
      const windows: [number, number][] = [
        [at - 1, at],
        [at, at + 1],
        [at - 1, at + 1],
        [at - 2, at],
        [at, at + 2],
        [at, at],
      ]
      let found: { from: number; to: number; match: NameMatch } | undefined
      for (const [from, to] of windows) {
        if (from < 0 || to >= group.length) continue
        const match = knowledge.closestName(spanText(from, to))
        if (match && match.how === 'pinyin' && (!found || match.distance < found.match.distance)) found = { from, to, match }
      }
      const spelling = corpus?.get(stripPossessive(token.value))
      // The commoner spelling backs the rarer's correction when it is a listed name, or an unknown word ten
      // times as common (two spellings of a foreign name can both be right: `Kronshtadt`, `Kronstadt`); an
      // English common word does not (`Palley` is no slip of `Valley`, `Defence` as right as `Defense`).
      const backed =
        spelling &&
        !knowledge.isCommonWord(spelling.commoner) &&
        (knowledge.isListedName(spelling.commoner) || (!knowledge.isKnown(spelling.commoner) && spelling.commonerCount >= 10 * spelling.rarerCount))
      if (!found && spelling && backed && NAME_LIKE.test(token.value)) {
        suspect(
          token.start,
          token.end,
          spelling.commoner,
          `spelled so ${spelling.rarerCount}×, ${spelling.commoner} ${spelling.commonerCount}× in the corpus`,
          'corpus',
        )
        continue
      }
      // A given name after a Chinese surname (`Zhang Hongsen`) is one, not a garble; misspelled
      // (`Zheng Thixin` for Zheng Shixin), it is still no foreign name.
      const givenName = (at > 0 && isChineseSurname(words[at - 1]!)) || (at > 1 && isChinesePersonName(words.slice(at - 2, at + 1)))
      const named = NAME_LIKE.test(token.value) && !ACRONYM.test(token.value) && !givenName && !isChinesePersonName(words.slice(at, at + 2))
      if (!found && named) {
        const match = knowledge.closestName(token.value, personContext([...before, ...words.slice(0, at)]) ? 'person' : undefined)
        if (match) found = { from: at, to: at, match }
      }
      if (found) suspect(group[found.from]!.start, group[found.to]!.end, found.match.name.display, found.match.how, found.match.how)
      else if (unknown) {
        report(file, { ruleId: 'unknown-word', reason: `Unknown word \`${token.value}\``, start: token.start, end: token.end })
      }
    }
  }

  function suspect(start: number, end: number, name: string, why: string, evidence: string): void {
    const actual = String(file.value).slice(start, end)
    report(file, {
      ruleId: 'suspect-name',
      reason: `\`${actual}\` is not a known word: possibly ${name} (${why})`,
      start,
      end,
      expected: [name],
      note: `evidence: ${evidence}`,
    })
  }
}

/** Whether the words just before a name say it is a person's: a title or a nationality word. */
function personContext(wordsBefore: string[]): boolean {
  const last = wordsBefore.slice(-2)
  return last.some((word) => PERSON_TITLE.test(word) || NATIONALITY.test(word))
}
