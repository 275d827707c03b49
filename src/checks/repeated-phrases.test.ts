import { describe, expect, it } from 'vitest'
import { repeatedPhrases } from './repeated-phrases.js'
import { messagesOf, realSentence, runCheck } from './test-helpers.js'

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

  it('reads a hyphen spaced on one side as a split compound, one spaced on both as a dash', () => {
    expect(messagesOf(repeatedPhrases, 'Asia in the Asia -Pacific region of Asia -Pacific "in Asia Pacific."')).toEqual([
      '1:13-1:50: Repeated phrase `Asia -Pacific`',
    ])
    expect(messagesOf(repeatedPhrases, 'sung by the National Grand Theatre Choir - the National Grand Theatre Orchestra played')).toEqual([])
  })

  it('leaves a list alone: punctuation inside the run', () => {
    expect(messagesOf(repeatedPhrases, 'It deducts 2 points, 1 point, 1 point for the third choice.')).toEqual([])
  })

  it('never offers a cut that leaves a word twice', () => {
    const [message] = runCheck(repeatedPhrases, 'He announced the content of the contents of his talk.').messages
    expect(message!.expected).toEqual(['He announced the content of his talk.'])
  })

  it('still flags copies joined by a conjunction alone, and a repeated name with no label between', () => {
    expect(messagesOf(repeatedPhrases, 'We must do flood control and flood control. He studied at Troy University in Troy University.')).toEqual([
      '1:12-1:43: Repeated phrase `flood control`',
      '1:59-1:93: Repeated phrase `Troy University`',
    ])
  })

  // Sentences of a professional translation (WMT21 newstest2021 zh-en, ref.A: test/fixtures/real-mt/sentences.txt).
  it('leaves parallel phrasing of real news alone', () => {
    for (const line of [
      329, // the great journey of the great rejuvenation (a modifier of two words)
      582, // Writer: Yue Chuan Editor Yue Chuan (a byline)
      753, // built by the people for the people (parallel prepositional phrases)
      1736, // Guangdong Province Film Administration and Hubei Province Film Administration (a conjunction)
      1759, // red book series, red food series, red cultural series (a list)
    ]) {
      expect(messagesOf(repeatedPhrases, realSentence('ref.A', line)), `ref.A line ${line}`).toEqual([])
    }
  })
})
