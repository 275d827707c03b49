import { words } from './tokens.js'
import { report } from './message.js'
import type { Check } from './options.js'

const ESSENCE = /[.!?]Essence$/u
const MASK = /\*{2,}/gu

/**
 * Leftovers of the machine translation: `Essence` glued to a full stop that ends a paragraph, and `**`
 * masks where the service dropped a word.
 */
export const artifacts: Check = () => (tree, file) => {
  for (const { value, start } of words(tree, file)) {
    if (!value.endsWith('Essence')) continue
    const essence = ESSENCE.exec(value)
    if (essence) {
      report(file, {
        ruleId: 'mt-artifact',
        reason: '`Essence` after the full stop is a machine-translation artifact',
        start: start + essence.index + 1,
        end: start + value.length,
        expected: [''],
      })
    }
  }
  const text = String(file.value)
  for (const mask of text.matchAll(MASK)) {
    report(file, {
      ruleId: 'mt-artifact',
      reason: `\`${mask[0]}\` masks a word the translation dropped`,
      start: mask.index,
      end: mask.index + mask[0].length,
    })
  }
}
