import { describe, expect, it } from 'vitest'
import { messagesOf } from './test-helpers.js'
import { truncated } from './truncated.js'

describe('truncated', () => {
  it('flags a text that ends mid-word', () => {
    expect(messagesOf(truncated, 'The article concl')).toEqual(['1:13-1:18: The text ends mid-word: `concl`'])
  })

  it('leaves a text that ends on a word or punctuation alone', () => {
    expect(messagesOf(truncated, 'The article concludes.')).toEqual([])
    expect(messagesOf(truncated, 'A headline without a full stop\n')).toEqual([])
  })
})
