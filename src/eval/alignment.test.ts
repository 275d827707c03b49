import { describe, expect, it } from 'vitest'
import { opcodes } from './alignment.js'

// Expected values printed by Python: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
describe('opcodes (difflib.SequenceMatcher)', () => {
  it.each([
    [
      'China -Russia ties',
      'China-Russia ties',
      [
        ['equal', 0, 5, 0, 5],
        ['delete', 5, 6, 5, 5],
        ['equal', 6, 18, 5, 17],
      ],
    ],
    [
      'abcXdef',
      'abYcdef',
      [
        ['equal', 0, 2, 0, 2],
        ['insert', 2, 2, 2, 3],
        ['equal', 2, 3, 3, 4],
        ['delete', 3, 4, 4, 4],
        ['equal', 4, 7, 4, 7],
      ],
    ],
    [
      'the Xi venue',
      'the exercise venue',
      [
        ['equal', 0, 4, 0, 4],
        ['replace', 4, 5, 4, 9],
        ['equal', 5, 6, 9, 10],
        ['insert', 6, 6, 10, 12],
        ['equal', 6, 12, 12, 18],
      ],
    ],
    [
      'Beijing.Patrueshev',
      'Beijing. Patrushev',
      [
        ['equal', 0, 8, 0, 8],
        ['insert', 8, 8, 8, 9],
        ['equal', 8, 13, 9, 14],
        ['delete', 13, 14, 14, 14],
        ['equal', 14, 18, 14, 18],
      ],
    ],
    ['same', 'same', [['equal', 0, 4, 0, 4]]],
    ['', 'new', [['insert', 0, 0, 0, 3]]],
  ])('%j → %j', (a, b, expected) => {
    expect(opcodes(a, b)).toEqual(expected)
  })
})
