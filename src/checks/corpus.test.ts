import { describe, expect, it } from 'vitest'
import { SpellingCounter } from './corpus.js'

describe('corpus spellings', () => {
  it('pairs a rare spelling with a much commoner one a letter away', () => {
    const counter = new SpellingCounter()
    counter.add('Bolsonaro said. Bolsonaro left. Brazilian President Bolsonaro. Bosonaro spoke.')
    expect(counter.spellings()).toEqual([{ rarer: 'Bosonaro', commoner: 'Bolsonaro', rarerCount: 1, commonerCount: 3 }])
  })

  it('leaves romanised Chinese, other forms of a word and evenly split spellings alone', () => {
    const counter = new SpellingCounter()
    counter.add('Zhang Hongshen, Hongshen, Hongshen and Zhang Hongsen. Taiwan, Taiwan, Taiwan, Taiwanese.')
    counter.add('Lavrov met Lavrof. Lavrov left.')
    counter.add('Ministry of Defense, Defense, Defense and Defence; Centre, Center, Center, Center.')
    expect(counter.spellings()).toEqual([])
  })

  it('counts a possessive as its word', () => {
    const counter = new SpellingCounter()
    counter.add("Kuleba's, Kuleba’s and Kuleba")
    expect(counter.counts.get('Kuleba')).toBe(3)
  })
})
