import { describe, expect, it } from 'vitest'
import { runTogether } from './run-together.js'
import { messagesOf, runCheck } from './test-helpers.js'

describe('run-together', () => {
  it('flags two words run together', () => {
    expect(messagesOf(runTogether, 'to promote the promotionThe world. Some RussiaThe relationship. On issuesIt is vivid.')).toEqual([
      '1:16-1:28: `promotionThe` looks like two words run together',
      '1:41-1:50: `RussiaThe` looks like two words run together',
      '1:68-1:76: `issuesIt` looks like two words run together',
    ])
  })

  it('suggests the split, with a full stop when the second word starts sentences', () => {
    const [message] = runCheck(runTogether, 'the promotionThe world').messages
    expect(message).toMatchObject({ ruleId: 'run-together', source: 'mtclean', actual: 'promotionThe', expected: ['promotion. The', 'promotion The'], url: 'docs/checks.md#run-together' })
  })

  it('leaves CamelCase names alone', () => {
    expect(messagesOf(runTogether, 'An iPhone at McDonald, on YouTube and WeChat, from PetroChina.')).toEqual([])
  })
})
