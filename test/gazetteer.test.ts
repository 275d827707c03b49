import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cedictNames } from '../src/checks/cedict-names.js'
import { createChecker } from '../src/checks/index.js'
import { PROJECT, projectRuleSet } from './helpers/project.js'

// The shipped gazetteer (rules/gazetteer.yaml) with the shipped rules: names that no rule covers.
const suspects = (text: string): string[] =>
  createChecker(projectRuleSet())
    .check(text)
    .messages.filter((message) => message.ruleId === 'suspect-name')
    .map((message) => `${message.actual} → ${message.expected?.join(' / ')}`)

describe('suspect names against the shipped gazetteer', () => {
  it('recognises the pinyin of gazetteer names kept by a translation', () => {
    expect(suspects('French President Ma Kelong met Shaliwen and Peisikefu in Moscow.')).toEqual([
      'Ma Kelong → Macron',
      'Shaliwen → Sullivan',
      'Peisikefu → Peskov',
    ])
  })

  it('recognises garbled spellings that no rule lists', () => {
    expect(suspects('Talks between Lavroff, Blinkan and Kulebo went on.')).toEqual(['Lavroff → Lavrov', 'Blinkan → Blinken', 'Kulebo → Kuleba'])
  })

  it('has a few hundred entries, each with its Chinese name', () => {
    const { gazetteer } = projectRuleSet()
    expect(gazetteer.length).toBeGreaterThan(300)
    expect(gazetteer.every((entry) => /\p{Script=Han}/u.test(entry.zh))).toBe(true)
    expect(new Set(gazetteer.map((entry) => entry.name)).size).toBe(gazetteer.length)
  })

  it('knows thousands of CC-CEDICT names with their Chinese forms, with the licence beside them', () => {
    const names = cedictNames()
    expect(names.length).toBeGreaterThan(5000)
    expect(names.every((entry) => /\p{Script=Han}/u.test(entry.zh) && /^[a-z]+( [a-z]+)*$/.test(entry.pinyin))).toBe(true)
    expect(names.find((entry) => entry.zh === '马克龙')).toMatchObject({ name: 'Macron', full: 'Emmanuel Macron', category: 'person' })
    expect(names.find((entry) => entry.zh === '宜兰县')).toMatchObject({ name: 'Yilan County', category: 'place' })
    expect(readFileSync(path.join(PROJECT, 'data/cedict/LICENSE.md'), 'utf8')).toContain('CC BY-SA 4.0')
  })

  it('points at the pinyin of a CC-CEDICT name and leaves its names alone', () => {
    expect(suspects('The Kekexili reserve lies near Golmud and Jiangjin District.')).toEqual(['Kekexili → Hoh Xil'])
  })
})
