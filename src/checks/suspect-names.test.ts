import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { suspectNames } from './suspect-names.js'
import { messagesOf, runCheck } from './test-helpers.js'

describe('suspect-name', () => {
  it('flags unknown words close in spelling or sound to a canonical form or gazetteer name', () => {
    expect(messagesOf(suspectNames, 'Russian Foreign Minister Lavroff met Blinkan and Kulebo.')).toEqual([
      '1:26-1:33: `Lavroff` is not a known word: possibly Lavrov (sound)',
      '1:38-1:45: `Blinkan` is not a known word: possibly Blinken (sound)',
      '1:50-1:56: `Kulebo` is not a known word: possibly Kuleba (transliteration)',
    ])
    expect(runCheck(suspectNames, 'He met Lavroff.').messages[0]).toMatchObject({
      ruleId: 'suspect-name',
      source: 'mtclean',
      actual: 'Lavroff',
      expected: ['Lavrov'],
    })
  })

  it('flags the pinyin of a gazetteer name kept by the translation', () => {
    expect(messagesOf(suspectNames, 'French President Ma Kelong said. Then Makelong left.')).toEqual([
      '1:18-1:27: `Ma Kelong` is not a known word: possibly Macron (pinyin)',
      '1:39-1:47: `Makelong` is not a known word: possibly Macron (pinyin)',
    ])
  })

  it('leaves known words, names, variants and unknown words close to nothing alone', () => {
    expect(messagesOf(suspectNames, 'Wang Yi met Lavrov, Ravorov and Bao Chengke; Song Wendi spoke.')).toEqual([])
  })

  it('reads a possessive as its name', () => {
    expect(messagesOf(suspectNames, "Wang Yi's statement and Kuleba’s reply.")).toEqual([])
    expect(messagesOf(suspectNames, "Lavroff's statement.")).toEqual(["1:1-1:10: `Lavroff's` is not a known word: possibly Lavrov (sound)"])
  })

  it('lists unknown words that resemble nothing with `unknown`', () => {
    expect(messagesOf(suspectNames, 'Bao Chengke spoke of xqzt.', { unknown: true })).toEqual([
      '1:5-1:12: Unknown word `Chengke`',
      '1:22-1:26: Unknown word `xqzt`',
    ])
  })

  it('never takes romanised Chinese for a garbled foreign name (sentences of WMT21 newstest2021 zh-en, ref.A)', () => {
    for (const line of realSentences()) expect(messagesOf(suspectNames, line), line).toEqual([])
  })

  it('leaves a short pinyin word and a given name after a Chinese surname alone', () => {
    expect(messagesOf(suspectNames, 'Defence Minister Pali said so.')).toEqual([])
    expect(messagesOf(suspectNames, 'Mr. Zheng Lavroff and Lavroff spoke.')).toEqual(['1:23-1:30: `Lavroff` is not a known word: possibly Lavrov (sound)'])
  })

  it('reports a rarer spelling of the corpus with the commoner one', () => {
    const corpus = new Map([['Bosonaro', { rarer: 'Bosonaro', commoner: 'Bolsonaro', rarerCount: 1, commonerCount: 12 }]])
    expect(messagesOf(suspectNames, 'President Bosonaro spoke.', { corpus })).toEqual([
      '1:11-1:19: `Bosonaro` is not a known word: possibly Bolsonaro (spelled so 1×, Bolsonaro 12× in the corpus)',
    ])
  })
})

/** The lines of the fixture of real sentences, without its header. */
function realSentences(): string[] {
  const text = readFileSync(new URL('../../test/fixtures/real-mt/names.txt', import.meta.url), 'utf8')
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
}
