import { cleanText } from '../clean.js'
import { formatLocation } from '../errors.js'
import { report } from './message.js'
import type { Check } from './options.js'

/** Known variants of an entity that a rule will fix (`Ravorov` → `Lavrov`), reported as fixable by that rule. */
export const knownVariants: Check = ({ ruleSet }) => (_tree, file) => {
  for (const change of cleanText(String(file.value), ruleSet).applied) {
    if (change.rule.kind !== 'entity') continue
    report(file, {
      ruleId: 'known-variant',
      reason: `\`${change.before}\` is a known variant of \`${change.after}\`: fixable by rule ${change.rule.id} (${formatLocation(change.rule.location)})`,
      start: change.start,
      end: change.end,
      expected: [change.after],
    })
  }
}
