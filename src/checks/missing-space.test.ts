import { describe, expect, it } from 'vitest'
import { missingSpace } from './missing-space.js'
import { messagesOf, realSentence, runCheck } from './test-helpers.js'

describe('missing-space', () => {
  it('flags a sentence glued to the next', () => {
    expect(messagesOf(missingSpace, 'He met Wang Yi in Beijing.Patrueshev said so.')).toEqual(['1:19-1:37: Missing space after `.`'])
    expect(messagesOf(missingSpace, 'It was "bright, frank."In terms of exports it grew.')).toEqual(['1:17-1:26: Missing space after `."`'])
    expect(messagesOf(missingSpace, 'They met on Monday (September 18).Chinese officials came.')).toEqual(['1:31-1:42: Missing space after `.`'])
  })

  it('flags two lower-case words joined by a full stop', () => {
    expect(messagesOf(missingSpace, 'the development of bilateral relations.power.')).toEqual(['1:30-1:45: Missing space after `.`'])
  })

  it('suggests the text with the space', () => {
    const [message] = runCheck(missingSpace, 'in Beijing.Patrueshev said').messages
    expect(message).toMatchObject({ ruleId: 'missing-space', expected: ['Beijing. Patrueshev'] })
  })

  it('leaves abbreviations, numbers and addresses alone', () => {
    expect(messagesOf(missingSpace, 'The U.S. and e.g. the E.U. met at 9 a.m. on No. 1 Road for 3.5 hours; see www.zaobao.com.sg or a Ph.D. thesis.')).toEqual(
      [],
    )
  })

  // A sentence of a professional translation (WMT21 newstest2021 zh-en, ref.A: test/fixtures/real-mt/sentences.txt).
  it('leaves a web address joined to a source name by a hyphen alone', () => {
    expect(messagesOf(missingSpace, realSentence('ref.A', 1141))).toEqual([]) // …-Shidian Net-Hunan Daily-www.voc.com.cn
    expect(messagesOf(missingSpace, 'the co-operation.Power grew')).toEqual(['1:5-1:23: Missing space after `.`'])
  })
})
