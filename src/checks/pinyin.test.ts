import { describe, expect, it } from 'vitest'
import { isChinesePersonName, pinyinSyllables, shapeOf } from './pinyin.js'

describe('pinyin', () => {
  it('splits a word into the fewest pinyin syllables, or says it is not pinyin', () => {
    expect(pinyinSyllables('Qiaoli')).toEqual(['qiao', 'li'])
    expect(pinyinSyllables('Jiangjin')).toEqual(['jiang', 'jin'])
    expect(pinyinSyllables("Xi'an")).toEqual(['xi', 'an'])
    expect(pinyinSyllables('Lvzi')).toEqual(['lv', 'zi'])
    expect(pinyinSyllables('Ravorov')).toBeNull()
    expect(pinyinSyllables('Bosonaro')).toBeNull()
    expect(pinyinSyllables('Markle')).toBeNull()
  })

  it('tells a Chinese name from the syllable run of a transliteration', () => {
    expect(['Yilan', 'Hongsen', 'Lili', 'Xuefeng'].map(shapeOf)).toEqual(['chinese', 'chinese', 'chinese', 'chinese'])
    expect(['Sikefu', 'Shaoyigu', 'Kulebo', 'Makelong'].map(shapeOf)).toEqual(['transliteration', 'transliteration', 'transliteration', 'transliteration'])
    expect(['Ravorov', 'Lavroff'].map(shapeOf)).toEqual(['other', 'other'])
  })

  it('knows a Chinese surname followed by a one- or two-syllable given name', () => {
    expect(isChinesePersonName(['Hu', 'Qiaoli'])).toBe(true)
    expect(isChinesePersonName(['Zhang', 'Hongsen'])).toBe(true)
    expect(isChinesePersonName(['Wang', 'Li', 'Li'])).toBe(true)
    expect(isChinesePersonName(['Ma', 'Kelongfu'])).toBe(false)
    expect(isChinesePersonName(['Prince', 'Harry'])).toBe(false)
    expect(isChinesePersonName(['Hu', 'Ravorov'])).toBe(false)
  })
})
