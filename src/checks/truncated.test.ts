import { describe, expect, it } from 'vitest'
import { messagesOf, realSentence } from './test-helpers.js'
import { truncated } from './truncated.js'

describe('truncated', () => {
  it('flags a text that ends mid-word', () => {
    expect(messagesOf(truncated, 'The article concl')).toEqual(['1:13-1:18: The text ends mid-word: `concl`'])
  })

  it('leaves a text that ends on a word or punctuation alone', () => {
    expect(messagesOf(truncated, 'The article concludes.')).toEqual([])
    expect(messagesOf(truncated, 'A headline without a full stop\n')).toEqual([])
  })

  // Sentences of a professional translation (WMT21 newstest2021 zh-en, ref.A: test/fixtures/real-mt/sentences.txt).
  it('leaves a text that ends in a name alone: a credit line, a headline with its source', () => {
    expect(messagesOf(truncated, `The heads met.\n\n${realSentence('ref.A', 650)}\n`)).toEqual([]) // Editor: Zhu Yanjing
    expect(messagesOf(truncated, `${realSentence('ref.A', 675)}\n`)).toEqual([]) // military parade - Xinhuanet
    expect(messagesOf(truncated, 'The article said that the minister concl')).toEqual(['1:36-1:41: The text ends mid-word: `concl`'])
  })
})
