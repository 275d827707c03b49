import { describe, expect, it } from 'vitest'
import { testKnowledge } from './test-helpers.js'

const closest = (text: string, kind?: 'person'): string | null => {
  const match = testKnowledge().knowledge.closestName(text, kind)
  return match ? `${match.name.display} (${match.how})` : null
}

describe('the model of names', () => {
  it('knows CC-CEDICT names as words: Chinese places and foreign people alike', () => {
    const { knowledge } = testKnowledge()
    expect(['Jiangjin', 'Yilan', 'Merkel', 'Golmud'].map((word) => knowledge.isKnown(word))).toEqual([true, true, true, true])
  })

  it('compares romanised Chinese only by the exact pinyin of a foreign name of three syllables or more', () => {
    expect(closest('Ma Kelong')).toBe('Macron (pinyin)')
    expect(closest('Kekexili')).toBe('Hoh Xil (pinyin)')
    expect(closest('Hongsen')).toBeNull() // 洪森 Hun Sen has two syllables: as often a Chinese given name
    expect(closest('Wang Lili')).toBeNull()
    expect(closest('Lavrovi')).toBe('Lavrov (sound)')
  })

  it('compares a syllable run with foreign names by the transliteration skeleton, any other word by sound and spelling', () => {
    expect(closest('Kulebo')).toBe('Kuleba (transliteration)')
    expect(closest('Lavroff')).toBe('Lavrov (sound)')
    expect(closest('Ravorov')).toBe('Lavrov (transliteration)') // Chinese does not tell l from r
    expect(closest('Ravorovski')).toBeNull()
  })

  it('suggests a name of the kind asked for', () => {
    expect(closest('Makelong', 'person')).toBe('Macron (pinyin)')
    expect(closest('Kekexili', 'person')).toBeNull()
  })
})
