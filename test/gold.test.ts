import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../src/clean.js'
import { checkAgainstGold, type Gold } from './helpers/gold.js'
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
