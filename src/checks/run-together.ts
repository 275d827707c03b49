import { toString } from 'nlcst-to-string'
import { visit } from 'unist-util-visit'
import { report } from './message.js'
import type { Check } from './options.js'
import { SENTENCE_STARTERS } from './words.js'

const CAMEL = /^(\p{L}*\p{Ll}\p{Ll})(\p{Lu}\p{Ll}+)$/u

/**
 * Two words run together (`promotionThe`, `RussiaThe`, `issuesIt`): a lower-case letter then a
 * capitalised word that starts sentences, or two dictionary words. Names listed as known (`YouTube`,
 * `WeChat`, `PetroChina`) and words like `iPhone` or `McDonald` are left alone.
 */
export const runTogether: Check = ({ knowledge }) => (tree, file) => {
  visit(tree, 'WordNode', (node) => {
    const value = toString(node)
    const parts = CAMEL.exec(value)
    if (!parts || knowledge.isListedName(value)) return
    const [, left, right] = parts as unknown as [string, string, string]
    const startsSentence = SENTENCE_STARTERS.has(right)
    if (!startsSentence && !(knowledge.isKnown(left) && knowledge.isKnown(right))) return
    const start = node.position!.start.offset!
    report(file, {
      ruleId: 'run-together',
      reason: `\`${value}\` looks like two words run together`,
      start,
      end: start + value.length,
      expected: startsSentence ? [`${left}. ${right}`, `${left} ${right}`] : [`${left} ${right}`],
    })
  })
}
