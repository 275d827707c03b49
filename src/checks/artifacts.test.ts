import { describe, expect, it } from 'vitest'
import { artifacts } from './artifacts.js'
import { messagesOf } from './test-helpers.js'

describe('mt-artifact', () => {
  it('flags Essence glued after a full stop, and ** masks', () => {
    expect(messagesOf(artifacts, 'It was earlier than expected.Essence\n\n** Chang Wang Yi said the information is ** on the site, copyright**.')).toEqual([
      '1:30-1:37: `Essence` after the full stop is a machine-translation artifact',
      '3:1-3:3: `**` masks a word the translation dropped',
      '3:42-3:44: `**` masks a word the translation dropped',
      '3:67-3:69: `**` masks a word the translation dropped',
    ])
  })

  it('leaves the word Essence and single asterisks alone', () => {
    expect(messagesOf(artifacts, 'The Essence of the talks was trade. It was expected. Essence matters. A footnote*.')).toEqual([])
  })
})
