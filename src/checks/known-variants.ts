import { cleanText } from '../engine/clean.js'
import { formatLocation } from '../model/errors.js'
import { report } from './message.js'
import type { Check } from './options.js'
import type { VFileMessage } from 'vfile-message'

/**
 * The rule a known-variant message names: a span a comment disables for that rule (`<!-- mtclean-disable
 * lavrov -->`) is quiet for the message too, since the rule will not fix it there.
 */
export const fixingRuleOf = new WeakMap<VFileMessage, string>()

/** Known variants of an entity that a rule will fix (`Ravorov` → `Lavrov`), reported as fixable by that rule. */
export const knownVariants: Check =
  ({ ruleSet }) =>
  (_tree, file) => {
    for (const change of cleanText(String(file.value), ruleSet).applied) {
      if (change.rule.kind !== 'entity') continue
      const message = report(file, {
        ruleId: 'known-variant',
        reason: `\`${change.before}\` is a known variant of \`${change.after}\`: fixable by rule ${change.rule.id} (${formatLocation(change.rule.location)})`,
        start: change.start,
        end: change.end,
        expected: [change.after],
      })
      fixingRuleOf.set(message, change.rule.id)
    }
  }
