import { report } from './message.js'
import type { Check } from './options.js'
import { segments, type Token } from './tokens.js'
import { FINITE_VERBS, RELATIVE_PRONOUNS } from './words.js'

/** A main-clause finite verb: from the list, or a past tense in -ed, and not right after `that`/`which`. */
function hasMainVerb(tokens: Token[]): boolean {
  return tokens.some((token, index) => {
    const word = token.value.toLowerCase()
    const isVerb = FINITE_VERBS.has(word) || (word.length > 4 && /[^e]ed$|eed$/u.test(word))
    return isVerb && !RELATIVE_PRONOUNS.has(tokens[index - 1]?.value.toLowerCase() ?? '')
  })
}

/**
 * A fragment left by a broken join: what follows a full stop with no space after it (`relations.power.`,
 * `principles.Progress contributions.`, `reasonable.Development.`) and has no main verb.
 */
export const fragments: Check = () => (tree, file) => {
  const text = String(file.value)
  for (const segment of segments(tree, file)) {
    if (!segment.glued || hasMainVerb(segment.tokens)) continue
    // `expected.Essence` is an MT artifact, reported as such; `China.U.S.` ends in an abbreviation that
    // retext took for a sentence end.
    const only = segment.tokens.length === 1 ? segment.tokens[0]!.value : undefined
    if (only === 'Essence' || only?.includes('.')) continue
    const start = segment.tokens[0]!.start
    const end = Math.max(segment.end, segment.tokens[segment.tokens.length - 1]!.end)
    report(file, {
      ruleId: 'fragment',
      reason: `\`${text.slice(start, end).trim()}\` is not a sentence: a fragment left by a broken join?`,
      start,
      end,
    })
  }
}
