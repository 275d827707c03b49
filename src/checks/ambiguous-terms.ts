import type { EntityRule } from '../model/rule.js'
import { report } from './message.js'
import type { Check } from './options.js'
import { words } from './tokens.js'

const ARTICLES = new Set(['a', 'an', 'the'])

/**
 * Nouns that follow a leader's name after an article in English news (`the Xi administration`, `a Xi
 * speech`): there the article belongs to the noun and the name is a name. A short closed list, written by
 * hand: no package lists them.
 */
const ATTRIBUTIVE_NOUNS = new Set(
  'administration government era regime leadership doctrine thought years camp team visit visits speech speeches family trip meeting summit'.split(' '),
)

/** A term garble known in some contexts: the word, and what the rule knows about it. */
interface AmbiguousWord {
  rule: EntityRule
  /** Words after which the word is a name, not the garble (`Jinping`), from the rule's `notBefore`. */
  nameAfter: Set<string>
  /** Words after which the rule itself fixes it (`venue`), from its `before`. */
  fixedBefore: Set<string>
  /** Longer variants of the rule that start with the word (`Xi exercise`): the rule's own business. */
  longer: string[]
}

const lower = (words: string[] | undefined): string[] => (words ?? []).map((word) => word.toLowerCase())

/** The capitalised one-word variants of term rules that hold only in a context (`Xi` = exercise after `combat`). */
function ambiguousWords(rules: readonly { kind: string }[]): Map<string, AmbiguousWord> {
  const found = new Map<string, AmbiguousWord>()
  for (const rule of rules) {
    if (rule.kind !== 'entity') continue
    const entity = rule as EntityRule
    if (entity.category !== 'term') continue
    for (const variant of entity.variants) {
      if (!/^\p{Lu}\p{L}*$/u.test(variant.text) || Object.keys(variant.context).length === 0) continue
      const same = entity.variants.filter((other) => other.text === variant.text)
      found.set(variant.text, {
        rule: entity,
        nameAfter: new Set(same.flatMap((other) => lower(other.context.notBefore))),
        fixedBefore: new Set(same.flatMap((other) => lower(other.context.before))),
        longer: entity.variants.filter((other) => other.text.startsWith(`${variant.text} `)).map((other) => other.text.toLowerCase()),
      })
    }
  }
  return found
}

/**
 * A word that a term rule fixes only in the contexts it lists (`combat Xi` is `combat exercise`), found
 * after an article in a context no rule lists (`the Xi will be held`): an article before `Xi` never makes
 * it the president. Pointed at, never rewritten: a person decides, and may add the context to the rule.
 */
export const ambiguousTerms: Check = ({ ruleSet }) => {
  const ambiguous = ambiguousWords(ruleSet.rules)
  return (tree, file) => {
    if (ambiguous.size === 0) return
    const text = String(file.value)
    const tokens = words(tree, file)
    tokens.forEach((token, index) => {
      const known = ambiguous.get(token.value)
      const previous = tokens[index - 1]
      if (!known || !previous || !ARTICLES.has(previous.value.toLowerCase())) return
      if (!/^\s+$/u.test(text.slice(previous.end, token.start))) return
      const next = tokens[index + 1]
      const nextWord = next && /^\s+$/u.test(text.slice(token.end, next.start)) ? next.value.toLowerCase() : ''
      if (known.nameAfter.has(nextWord) || known.fixedBefore.has(nextWord) || ATTRIBUTIVE_NOUNS.has(nextWord)) return
      if (known.longer.some((variant) => `${token.value} ${nextWord}`.toLowerCase().startsWith(variant))) return
      report(file, {
        ruleId: 'ambiguous-term',
        reason: `\`${token.value}\` after \`${previous.value}\` is not a name: possibly \`${known.rule.canonical}\` (rule ${known.rule.id} fixes it only in the contexts it lists)`,
        start: token.start,
        end: token.end,
        expected: [known.rule.canonical],
      })
    })
  }
}
