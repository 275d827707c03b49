import { describe, expect, it } from 'vitest'
import type { Change } from '../change.js'
import type { RuleInfo } from '../rules/types.js'
import { applyChanges, overlaps } from './apply.js'

const rule = (id: string, order: number): RuleInfo => ({ id, kind: 'pattern', category: 'spacing', location: { file: 'x', line: 1, column: 1 }, order, examples: [] })
const change = (text: string, start: number, end: number, after: string, id = 'r', order = 0): Change => ({ start, end, before: text.slice(start, end), after, rule: rule(id, order) })
const summary = (result: ReturnType<typeof applyChanges>): unknown => ({
  output: result.output,
  applied: result.applied.map((each) => each.rule.id),
  skipped: result.skipped.map((skip) => `${skip.change.rule.id} lost to ${skip.by?.rule.id}`),
})

describe('applyChanges', () => {
  const text = 'The China -Russia head'

  it('applies non-overlapping changes in one pass, keeping every other byte', () => {
    expect(summary(applyChanges(text, [change(text, 17, 17, 's', 'b'), change(text, 9, 11, '-', 'a')]))).toEqual({
      output: 'The China-Russias head',
      applied: ['a', 'b'],
      skipped: [],
    })
  })

  it('lets the longest change win an overlap and returns the loser with the winner', () => {
    expect(summary(applyChanges(text, [change(text, 9, 11, '-', 'short'), change(text, 4, 17, 'China–Russia', 'long', 5)]))).toEqual({
      output: 'The China–Russia head',
      applied: ['long'],
      skipped: ['short lost to long'],
    })
  })

  it('breaks ties by rule order, then by place', () => {
    expect(summary(applyChanges(text, [change(text, 4, 9, 'X', 'second', 2), change(text, 4, 9, 'Y', 'first', 1)]))).toEqual({
      output: 'The Y -Russia head',
      applied: ['first'],
      skipped: ['second lost to first'],
    })
  })

  it('treats insertions: two at one place collide, one at the edge of a range does not', () => {
    const insert = (at: number, id: string): Change => change(text, at, at, ' ', id)
    expect(overlaps(insert(4, 'a'), insert(4, 'b'))).toBe(true)
    expect(overlaps(insert(6, 'a'), change(text, 4, 9, 'X'))).toBe(true)
    expect(overlaps(insert(4, 'a'), change(text, 4, 9, 'X'))).toBe(false)
    expect(overlaps(insert(9, 'a'), change(text, 4, 9, 'X'))).toBe(false)
    expect(summary(applyChanges(text, [insert(4, 'space'), change(text, 4, 9, 'CHINA', 'upper')]))).toEqual({
      output: 'The  CHINA -Russia head',
      applied: ['space', 'upper'],
      skipped: [],
    })
  })

  it('resolves a chain of overlaps: the longest first, then what still fits', () => {
    const chain = 'abcdefgh'
    const result = applyChanges(chain, [change(chain, 0, 3, 'X', 'a'), change(chain, 2, 6, 'Y', 'b'), change(chain, 5, 7, 'Z', 'c')])
    expect(summary(result)).toEqual({ output: 'abYgh', applied: ['b'], skipped: ['a lost to b', 'c lost to b'] })
  })
})
