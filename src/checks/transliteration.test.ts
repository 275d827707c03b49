import { describe, expect, it } from 'vitest'
import { transliterationKey } from './transliteration.js'

describe('transliterationKey', () => {
  it('folds the consonants Chinese transliteration confuses', () => {
    expect(['Ravorov', 'Rafrov', 'Lavrov'].map(transliterationKey)).toEqual(['RFRF', 'RFRF', 'RFRF'])
    expect(['Saravin', 'Sullivan'].map(transliterationKey)).toEqual(['SRFN', 'SRFN'])
    expect(['Culba', 'Kuleba'].map(transliterationKey)).toEqual(['KRP', 'KRP'])
    expect(['Patrueshev', 'Patrushev'].map(transliterationKey)).toEqual(['PTRSF', 'PTRSF'])
  })

  it('keeps different names apart', () => {
    expect(transliterationKey('Blinken')).not.toBe(transliterationKey('Brillings'))
    expect(transliterationKey('Moscow')).not.toBe(transliterationKey('Macron'))
  })
})
