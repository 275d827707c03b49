import { describe, expect, it } from 'vitest'
import { repeatedWords } from './repeated-words.js'
import { messagesOf, runCheck } from './test-helpers.js'

describe('repeated-word', () => {
  it('flags a word said twice, as an mtclean message', () => {
    expect(messagesOf(repeatedWords, 'and inject new new sides into it')).toEqual(['1:12-1:19: Unexpected repeated `new`, remove one occurrence'])
    expect(runCheck(repeatedWords, 'new new').messages[0]).toMatchObject({ ruleId: 'repeated-word', source: 'mtclean', expected: ['new'] })
  })

  it('allows the repeats English uses', () => {
    expect(messagesOf(repeatedWords, 'The best exhibition they had had since. He said that that was fine. Duran Duran played.')).toEqual([])
  })
})
