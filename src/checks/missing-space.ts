import { report } from './message.js'
import type { Check } from './options.js'
import { GLUED_STOP, looksLikeTwoSentences, mayHoldStop, segments, words } from './tokens.js'

/**
 * A sentence glued to the next (`Beijing.Patrueshev`, `frank."In`, `18).Chinese`), or two words
 * joined by a full stop (`relations.power`). Abbreviations (`U.S.`, `e.g.`, `a.m.`, `Ph.D.`), numbers
 * (`3.5`), `No. 1` and web addresses (`www.zaobao.com.sg`) are not reported.
 */
export const missingSpace: Check = () => (tree, file) => {
  const text = String(file.value)
  const flag = (stop: number, end: number, start: number): void => {
    const closing = /^[.!?]?["”’)\]]*/u.exec(text.slice(stop))![0]
    report(file, {
      ruleId: 'missing-space',
      reason: `Missing space after \`${closing}\``,
      start,
      end,
      expected: [`${text.slice(start, stop + closing.length)} ${text.slice(stop + closing.length, end)}`],
    })
  }
  // Joins that retext already split into two sentences.
  for (const segment of segments(tree, file)) {
    if (segment.glued !== 'sentence' || segment.joinAt === undefined) continue
    flag(segment.joinAt, segment.tokens[0]!.end, lastWordStart(text, segment.joinAt))
  }
  // Joins inside one word node.
  for (const { value, start } of words(tree, file)) {
    if (!mayHoldStop(value)) continue
    for (const stop of value.matchAll(GLUED_STOP)) {
      const left = value.slice(0, stop.index)
      const right = value.slice(stop.index + 1).replace(/^["”’]/u, '')
      // `expected.Essence` is reported by the mt-artifact check.
      if (right === 'Essence' || !looksLikeTwoSentences(left, right)) continue
      flag(start + stop.index, start + value.length, start)
    }
  }
}

function lastWordStart(text: string, index: number): number {
  let start = index
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--
  return start
}
