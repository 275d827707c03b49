import { describe, expect, it } from 'vitest'
import { spaceBeforePunctuation } from './space-before-punctuation.js'
import { messagesOf, runCheck } from './test-helpers.js'

describe('space-before-punctuation', () => {
  it('flags a space before a comma and around a possessive apostrophe', () => {
    expect(messagesOf(spaceBeforePunctuation, 'operations near Alaska , He said China ’s pressure and China’ s might')).toEqual([
      '1:17-1:25: Unexpected space in `Alaska ,`',
      '1:34-1:42: Unexpected space in `China ’s`',
      '1:56-1:64: Unexpected space in `China’ s`',
    ])
    expect(runCheck(spaceBeforePunctuation, 'near Alaska , He').messages[0]).toMatchObject({ expected: ['Alaska,'] })
  })

  it('leaves ellipses, dashes and quotes alone', () => {
    expect(messagesOf(spaceBeforePunctuation, 'being destroyed ... (We believe) - and "quoted" - the students’ seats.')).toEqual([])
  })
})
