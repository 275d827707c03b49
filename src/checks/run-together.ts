import { report } from './message.js'
import type { Check } from './options.js'
import { words } from './tokens.js'
import { SENTENCE_STARTERS } from './words.js'

const CAMEL = /^(\p{L}*\p{Ll}\p{Ll})(\p{Lu}\p{Ll}+)$/u

/** Whether a letter after the first may be a capital (any non-ASCII character may): the cheap test before CAMEL. */
function hasCapitalAfterFirst(word: string): boolean {
  for (let index = 1; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if ((code >= 65 && code <= 90) || code > 127) return true
  }
  return false
}

/**
 * Two words run together (`promotionThe`, `RussiaThe`, `issuesIt`): a lower-case letter then a
 * capitalised word that starts sentences, or two dictionary words. Names listed as known (`YouTube`,
 * `WeChat`, `PetroChina`) and words like `iPhone` or `McDonald` are left alone, and so is a capitalised
 * word joined to a capitalised English word that does not start sentences: the way brands are written
 * (`XinhuaNet`, `ScienceDaily`, `TheLand`, `WinterChampion`), where a name run together (`SealWu`) is not.
 */
export const runTogether: Check =
  ({ knowledge }) =>
  (tree, file) => {
    for (const { value, start } of words(tree, file)) {
      if (value.length < 4 || !hasCapitalAfterFirst(value)) continue
      const parts = CAMEL.exec(value)
      if (!parts || knowledge.isListedName(value)) continue
      const [, left, right] = parts as unknown as [string, string, string]
      const startsSentence = SENTENCE_STARTERS.has(right)
      if (!startsSentence && !(knowledge.isKnown(left) && knowledge.isKnown(right))) continue
      if (!startsSentence && /^\p{Lu}/u.test(left) && knowledge.isKnown(right.toLowerCase())) continue
      report(file, {
        ruleId: 'run-together',
        reason: `\`${value}\` looks like two words run together`,
        start,
        end: start + value.length,
        expected: startsSentence ? [`${left}. ${right}`, `${left} ${right}`] : [`${left} ${right}`],
      })
    }
  }
