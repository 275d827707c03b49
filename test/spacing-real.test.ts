import { describe, expect, it } from 'vitest'
import { realSentence } from '../src/checks/test-helpers.js'
import { cleanText } from '../src/engine/clean.js'
import { projectRuleSet } from './helpers/project.js'

// The shipped spacing rules on real news (WMT21 newstest2021 zh-en: test/fixtures/real-mt/sentences.txt):
// headline separators, suspended hyphens and spaced ranges stay; a comma's misplaced space moves.
const spacingChanges = (text: string): string[] =>
  cleanText(text, projectRuleSet())
    .applied.filter((change) => change.rule.category === 'spacing')
    .map((change) => `${change.rule.id}: ${JSON.stringify(change.before)} -> ${JSON.stringify(change.after)}`)

describe('spacing rules on real news', () => {
  it('never join a headline to its source', () => {
    expect(spacingChanges(realSentence('ref.A', 224))).toEqual([]) // … so far this year -Ecns.cn
    expect(spacingChanges(realSentence('Online-W', 1421))).toEqual([]) // … of shares -Economic Observation Network-Professional …
    expect(spacingChanges(realSentence('ref.A', 1748))).toEqual([]) // … Expo - News Today -Hunan Daily - www.voc.com.cn
    expect(spacingChanges(realSentence('ref.A', 1141))).toEqual([]) // …-Shidian Net-Hunan Daily-www.voc.com.cn
  })

  it('leave a suspended hyphen alone', () => {
    expect(spacingChanges(realSentence('Facebook-AI', 1633))).toEqual([]) // especially low- and middle-income countries
  })

  it('move a space that belongs after a comma', () => {
    expect(spacingChanges(realSentence('Online-G', 918))).toContain('comma-space: " ," -> ", "') // in China ,that is to say
  })
})
