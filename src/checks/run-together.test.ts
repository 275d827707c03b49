import { describe, expect, it } from 'vitest'
import { runTogether } from './run-together.js'
import { messagesOf, realSentence, runCheck } from './test-helpers.js'

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
    expect(message).toMatchObject({
      ruleId: 'run-together',
      source: 'mtclean',
      actual: 'promotionThe',
      expected: ['promotion. The', 'promotion The'],
      url: 'docs/checks.md#run-together',
    })
  })

  it('leaves CamelCase names alone', () => {
    expect(messagesOf(runTogether, 'An iPhone at McDonald, on YouTube and WeChat, from PetroChina.')).toEqual([])
  })

  it('flags a name run together, and two lower-case words', () => {
    expect(messagesOf(runTogether, 'The host SealWu sang. The economicDevelopment grew.')).toEqual([
      '1:10-1:16: `SealWu` looks like two words run together',
      '1:27-1:46: `economicDevelopment` looks like two words run together',
    ])
  })

  // Sentences of a professional translation (WMT21 newstest2021 zh-en, ref.A: test/fixtures/real-mt/sentences.txt).
  it('leaves brand names written in CamelCase alone', () => {
    expect(messagesOf(runTogether, realSentence('ref.A', 1282))).toEqual([]) // … Online New Economy - XinhuaNet
    expect(messagesOf(runTogether, realSentence('ref.A', 1294))).toEqual([]) // the Honor of Kings WinterChampion Cup
    expect(messagesOf(runTogether, realSentence('ref.A', 1857))).toEqual([]) // Hyundai, Dow Chemical Industry, Shiseido, TheLand
  })
})
