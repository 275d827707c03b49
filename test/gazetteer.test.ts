import { describe, expect, it } from 'vitest'
import { createChecker } from '../src/checks/index.js'
import { projectRuleSet } from './helpers/project.js'

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
})
