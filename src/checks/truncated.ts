import { report } from './message.js'
import type { Check } from './options.js'

/**
 * A text that stops in the middle of a word (`The article concl`): no closing punctuation, unknown last
 * word, not capitalised. A capitalised last word is a name: news ends with bylines, credit lines and
 * headlines with their source (`Editor: Zhu Yanjing`, `military parade - Xinhuanet`).
 */
export const truncated: Check =
  ({ knowledge }) =>
  (_tree, file) => {
    // Only the end of the text matters: searching all of it for `(\p{L}+)\s*$` took longer than some checks.
    const text = String(file.value).trimEnd()
    const tailStart = Math.max(0, text.length - 200)
    let last = /\p{L}+$/u.exec(text.slice(tailStart))
    // A last word longer than the tail (not English, but say so right): look at the whole text.
    if (last && last.index === 0 && tailStart > 0) last = /\p{L}+$/u.exec(text.slice(0))
    if (!last || /^\p{Lu}/u.test(last[0]) || knowledge.isKnown(last[0])) return
    report(file, {
      ruleId: 'truncated',
      reason: `The text ends mid-word: \`${last[0]}\``,
      start: text.length - last[0].length,
      end: text.length,
    })
  }
