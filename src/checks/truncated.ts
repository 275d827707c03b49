import { report } from './message.js'
import type { Check } from './options.js'

/** A text that stops in the middle of a word (`The article concl`): no closing punctuation, unknown last word. */
export const truncated: Check = ({ knowledge }) => (_tree, file) => {
  const text = String(file.value)
  const last = /(\p{L}+)\s*$/u.exec(text)
  if (!last || knowledge.isKnown(last[1]!)) return
  report(file, {
    ruleId: 'truncated',
    reason: `The text ends mid-word: \`${last[1]}\``,
    start: last.index,
    end: last.index + last[1]!.length,
  })
}
