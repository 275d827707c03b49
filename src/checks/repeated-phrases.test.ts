import { describe, expect, it } from 'vitest'
import { repeatedPhrases } from './repeated-phrases.js'
import { messagesOf, runCheck } from './test-helpers.js'

describe('repeated-phrase', () => {
  it('flags a phrase said twice at once', () => {
    expect(messagesOf(repeatedPhrases, 'promote global governance to be fair and reasonable to be fair and reasonable.')).toEqual([
      '1:27-1:78: Repeated phrase `to be fair and reasonable`',
    ])
  })

  it('flags a phrase said twice a few words apart', () => {
    expect(messagesOf(repeatedPhrases, 'He spoke to Sullivan last weekend in Ukraine last weekend.')).toEqual(['1:22-1:58: Repeated phrase `last weekend`'])
    expect(messagesOf(repeatedPhrases, 'He announced the content of the contents of his talk.')).toEqual(['1:14-1:41: Repeated phrase `the contents`'])
  })

  it('gives the sentence without the repeat as expected', () => {
    const [message] = runCheck(repeatedPhrases, 'Visit from March 20th to 22nd from March 20th to 22nd. Then go.').messages
    expect(message).toMatchObject({ ruleId: 'repeated-phrase', expected: ['Visit from March 20th to 22nd.'] })
  })

  it('leaves idioms, parallel clauses and distant repeats alone', () => {
    expect(
      messagesOf(
        repeatedPhrases,
        'They move forward hand in hand in world affairs. We improve global governance, improve global development. ' +
          'The ministry stated that Wang Yi stated that peace matters. The two foreign ministers of the two countries met.',
      ),
    ).toEqual([])
  })
})
