import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createChecker } from '../src/checks/index.js'
import { cleanText } from '../src/engine/clean.js'
import { scoreFile, summarize, type Gold, type MessageSpan } from '../src/eval/score.js'
import { PROJECT, projectRuleSet, SEEDS } from './helpers/project.js'

// The human annotation of the seeds (a copy of the reference kept with the project) is the definition
// of done, scored by the port of the reference scorer (src/eval/score.ts): every required edit made in an
// accepted wording, nothing changed outside the annotated edits, no `keep` span touched; the checks point
// at the annotated problems without noise.
const GOLD = path.join(PROJECT, 'test/fixtures/seeds-gold')
const golds = readdirSync(GOLD)
  .filter((name) => name.endsWith('.gold.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(GOLD, name), 'utf8')) as Gold)
const checker = createChecker(projectRuleSet())
const spansOf = (source: string): MessageSpan[] =>
  checker.check(source).messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset ?? 0
    return { start, end: Math.max(start, place?.end.offset ?? start), ruleId: message.ruleId ?? '?' }
  })
const scores = golds.map((gold) => {
  const source = readFileSync(path.join(SEEDS, gold.file), 'utf8')
  return { gold, messages: spansOf(source).length, ...scoreFile(source, cleanText(source, projectRuleSet()).output, gold, spansOf(source)) }
})

describe('the rule set against the seed annotation', () => {
  it('has an annotation for every seed', () => {
    expect(golds.map((gold) => gold.file)).toEqual(
      readdirSync(SEEDS)
        .filter((name) => name.endsWith('.txt'))
        .sort(),
    )
  })

  for (const score of scores) {
    it(`${score.gold.file}: every required edit made, nothing else changed, every keep span untouched`, () => {
      expect({ misses: score.misses, wrong: score.wrong, trapsBroken: score.trapsBroken }).toEqual({ misses: [], wrong: [], trapsBroken: 0 })
    })
  }
})

describe('the checks against the seed annotation', () => {
  const summary = summarize(scores)

  it('points at at least 95% of the annotated problems', () => {
    expect(summary.flagRecall).toBeGreaterThanOrEqual(0.95)
  })

  it('makes at most 2 messages per 1,000 words that touch no annotated problem', () => {
    expect({ noise: scores.flatMap((score) => score.noiseItems), perThousand: summary.noisePer1kWords <= 2 }).toEqual({ noise: [], perThousand: true })
  })

  it('draws at most one message on the native English seed', () => {
    expect(scores.find((score) => score.gold.file.startsWith('004'))!.messages).toBeLessThanOrEqual(1)
  })
})
