import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createChecker } from '../src/checks/index.js'
import { cleanText } from '../src/clean.js'
import { checkAgainstGold, flagsAgainstGold, type Gold } from './helpers/gold.js'
import { PROJECT, projectRuleSet, SEEDS } from './helpers/project.js'

// The human annotation of the seeds (a copy of the reference kept with the project) is the definition
// of done for the rule set: every required edit made in an accepted wording, nothing changed outside
// the annotated edits, no `keep` span touched.
const GOLD = path.join(PROJECT, 'test/fixtures/seeds-gold')
const golds = readdirSync(GOLD)
  .filter((name) => name.endsWith('.gold.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(GOLD, name), 'utf8')) as Gold)

describe('the rule set against the seed annotation', () => {
  it('has an annotation for every seed', () => {
    expect(golds.map((gold) => gold.file)).toEqual(readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort())
  })

  for (const gold of golds) {
    it(`${gold.file}: every required edit made, nothing else changed, every keep span untouched`, () => {
      const source = readFileSync(path.join(SEEDS, gold.file), 'utf8')
      const { applied } = cleanText(source, projectRuleSet())
      expect(checkAgainstGold(source, applied, gold)).toEqual({ missed: [], wrong: [], brokenKeeps: [] })
    })
  }
})

describe('the checks against the seed annotation', () => {
  // The same measures as the reference scorer: a gold flag is hit when a message overlaps it; noise is a
  // message that touches no gold flag and no gold edit, per 1,000 words.
  const checker = createChecker(projectRuleSet())
  const results = golds.map((gold) => {
    const source = readFileSync(path.join(SEEDS, gold.file), 'utf8')
    return { gold, ...flagsAgainstGold(source, checker.check(source).messages, gold) }
  })

  it('points at at least 95% of the annotated problems', () => {
    const flags = results.reduce((sum, result) => sum + result.flags, 0)
    const hit = results.reduce((sum, result) => sum + result.hit, 0)
    expect({ missed: results.flatMap((result) => result.missed), recall: hit / flags >= 0.95 }).toEqual({ missed: [], recall: true })
  })

  it('makes at most 2 messages per 1,000 words that touch no annotated problem', () => {
    const noise = results.flatMap((result) => result.noise)
    const words = results.reduce((sum, result) => sum + result.words, 0)
    expect({ noise, perThousand: (1000 * noise.length) / words <= 2 }).toEqual({ noise: [], perThousand: true })
  })

  it('draws at most one message on the native English seed', () => {
    expect(results.find((result) => result.gold.file.startsWith('004'))!.messages).toBeLessThanOrEqual(1)
  })
})
