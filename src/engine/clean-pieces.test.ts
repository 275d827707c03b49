import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanText } from './clean.js'
import { cleanInPieces, type PieceSizes } from './clean-pieces.js'
import type { RuleSet } from '../match/rule-set.js'
import { compileRules } from '../rules/compile.js'
import { loadRuleSet, parseRuleSource } from '../rules/load.js'

const projectRules = loadRuleSet([path.resolve(import.meta.dirname, '../../rules')])
const seeds = path.resolve(import.meta.dirname, '../../seeds')
const seedText = readdirSync(seeds)
  .sort()
  .map((name) => readFileSync(path.join(seeds, name), 'utf8'))
  .join('\n')

/** The pieces joined, and their changes as `start-end→after (rule)`, beside the same of the whole text cleaned at once. */
function bothWays(text: string, ruleSet: RuleSet, sizes: PieceSizes): { pieces: [string, string[]]; whole: [string, string[]]; count: number } {
  const pieces = [...cleanInPieces(text, ruleSet, sizes)]
  const describe = (change: { start: number; end: number; after: string; rule: { id: string } }): string =>
    `${change.start}-${change.end}→${change.after} (${change.rule.id})`
  const whole = cleanText(text, ruleSet)
  return {
    pieces: [pieces.map((piece) => piece.output).join(''), pieces.flatMap((piece) => piece.applied.map(describe))],
    whole: [whole.output, whole.applied.map(describe)],
    count: pieces.length,
  }
}

describe('cleanInPieces', () => {
  it('gives the output and the changes of the whole text, on the seeds cut into pieces of 2,000 characters', () => {
    const text = seedText.repeat(3)
    const { pieces, whole, count } = bothWays(text, projectRules, { piece: 2000, margin: 300 })
    expect(count).toBeGreaterThan(20)
    expect(whole[1].length).toBeGreaterThan(300)
    expect(pieces).toEqual(whole)
  })

  it('keeps a text no longer than a piece and its margin in one piece, and an empty text in one empty piece', () => {
    expect([...cleanInPieces('Ravorov met.\n', projectRules, { piece: 10, margin: 5 })].map((piece) => piece.output)).toEqual(['Lavrov met.\n'])
    expect([...cleanInPieces('', projectRules)]).toEqual([{ start: 0, end: 0, output: '', applied: [] }])
  })

  it('does not end a piece inside a change: a variant whose words are on two lines', () => {
    const ruleSet = compileRules(
      parseRuleSource('entities:\n  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [United Zard]}\n', 'rules/x.yaml').rules,
    )
    // Each line is 9 characters: with pieces of 20, the first line start past 20 is inside "United\nZard".
    const text = 'aaaaaaaa\nbbbbbbbb\nUnited\nZard\ncccccccc\ndddddddd\nUnited\r\nZard eeee\n'
    const { pieces, whole, count } = bothWays(text, ruleSet, { piece: 20, margin: 5 })
    expect(count).toBeGreaterThan(1)
    expect(pieces).toEqual(whole)
    expect(pieces[0]).toBe('aaaaaaaa\nbbbbbbbb\nLianhe Zaobao\ncccccccc\ndddddddd\nLianhe Zaobao eeee\n')
  })

  it('sees the context before a piece: a variant that needs the word on the line before', () => {
    const ruleSet = compileRules(
      parseRuleSource('entities:\n  - {id: exercise, canonical: exercise, category: term, variants: [{text: Xi, after: joint}]}\n', 'rules/x.yaml').rules,
    )
    const text = `${'x'.repeat(30)}\nthe joint\nXi was held; Xi said.\n${'y'.repeat(30)}\n`
    const { pieces, whole } = bothWays(text, ruleSet, { piece: 40, margin: 12 })
    expect(pieces).toEqual(whole)
    expect(pieces[0]).toContain('joint\nexercise was held; Xi said.')
  })

  it('resolves collisions as the whole text does: the longest change wins across what would be a piece end', () => {
    const ruleSet = compileRules(
      parseRuleSource(
        "patterns:\n  - {id: ab, category: spacing, pattern: 'ab', replace: 'X'}\n  - {id: bab, category: spacing, pattern: 'b\\na+b', replace: 'Y'}\n",
        'rules/x.yaml',
      ).rules,
    )
    const text = 'zzzzab\naab zzzz\nzzzz ab\nzzzzzz\n'.repeat(4)
    const { pieces, whole } = bothWays(text, ruleSet, { piece: 8, margin: 4 })
    expect(pieces).toEqual(whole)
  })
})
