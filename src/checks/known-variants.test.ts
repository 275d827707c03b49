import { describe, expect, it } from 'vitest'
import { knownVariants } from './known-variants.js'
import { messagesOf, runCheck } from './test-helpers.js'

describe('known-variant', () => {
  it('reports a variant that a rule will fix, with the rule', () => {
    expect(messagesOf(knownVariants, 'Minister Ravorov met Brillings.')).toEqual([
      '1:10-1:17: `Ravorov` is a known variant of `Lavrov`: fixable by rule lavrov (rules/test.yaml:3:5)',
      '1:22-1:31: `Brillings` is a known variant of `Blinken`: fixable by rule blinken (rules/test.yaml:8:5)',
    ])
    expect(runCheck(knownVariants, 'Ravorov').messages[0]).toMatchObject({ expected: ['Lavrov'] })
  })
})
