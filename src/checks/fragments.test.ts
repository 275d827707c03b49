import { describe, expect, it } from 'vitest'
import { fragments } from './fragments.js'
import { messagesOf, realSentence } from './test-helpers.js'

describe('fragment', () => {
  it('flags what a broken join leaves', () => {
    expect(messagesOf(fragments, 'inject new sides into bilateral relations.power.')).toEqual([
      '1:43-1:49: `power.` is not a sentence: a fragment left by a broken join?',
    ])
    expect(messagesOf(fragments, 'improve development for the principles.Progress contributions.\n\nNext one.')).toEqual([
      '1:40-1:63: `Progress contributions.` is not a sentence: a fragment left by a broken join?',
    ])
    expect(messagesOf(fragments, 'to be fair and reasonable.Development.')).toEqual([
      '1:27-1:39: `Development.` is not a sentence: a fragment left by a broken join?',
    ])
  })

  it('does not flag a glued sentence that has a verb, nor ordinary short sentences', () => {
    expect(messagesOf(fragments, 'They met in Moscow.The talks were held in private. Development. Thanks.')).toEqual([])
    expect(messagesOf(fragments, 'Signals that have weight.The U.S. President met him. China.U.S. officials said so.')).toEqual([])
    expect(messagesOf(fragments, 'It was posted on www.mid.ru. See also zaobao.com.sg.')).toEqual([])
  })

  // A sentence of a professional translation (WMT21 newstest2021 zh-en, ref.A: test/fixtures/real-mt/sentences.txt).
  it('leaves a web address joined to a source name by a hyphen alone', () => {
    expect(messagesOf(fragments, realSentence('ref.A', 1141))).toEqual([]) // …-Hunan Daily-www.voc.com.cn
  })
})
