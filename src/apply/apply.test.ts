import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Change } from '../model/change.js'
import type { RuleInfo } from '../model/rule.js'
import { applyChanges, overlaps, type Applicable } from './apply.js'

const rule = (id: string, order: number): RuleInfo => ({
  id,
  kind: 'pattern',
  category: 'spacing',
  location: { file: 'rules/x.yaml', line: 1, column: 1 },
  order,
  examples: [],
})

/** A change of `text`'s `[start, end)` to `after`, by rule `id` at place `order` in the rule set. */
const change = (text: string, start: number, end: number, after: string, id = 'r', order = 0): Change => ({
  start,
  end,
  before: text.slice(start, end),
  after,
  rule: rule(id, order),
})

/** A range with no text, for `overlaps`. */
const span = (start: number, end: number): Applicable => ({ start, end, after: '', rule: { order: 0 } })

/** What happened, by rule id: the output, the ids applied (in source order), each skip as "loser reason winner" (sorted). */
const summary = (result: ReturnType<typeof applyChanges<Change>>): unknown => ({
  output: result.output,
  applied: result.applied.map((each) => each.rule.id),
  skipped: result.skipped.map((skip) => `${skip.change.rule.id} ${skip.reason} ${skip.by?.rule.id}`).sort(),
})

describe('overlaps', () => {
  it('says two ranges collide when they share a character', () => {
    expect([
      overlaps(span(0, 3), span(2, 5)),
      overlaps(span(2, 5), span(0, 3)),
      overlaps(span(0, 5), span(1, 2)),
      overlaps(span(1, 2), span(0, 5)),
      overlaps(span(1, 4), span(1, 4)),
    ]).toEqual([true, true, true, true, true])
  })

  it('says two ranges that only touch do not collide', () => {
    expect([overlaps(span(0, 3), span(3, 5)), overlaps(span(3, 5), span(0, 3)), overlaps(span(0, 1), span(4, 5))]).toEqual([false, false, false])
  })

  it('says two insertions at one place collide, at two places not', () => {
    expect([overlaps(span(4, 4), span(4, 4)), overlaps(span(4, 4), span(5, 5)), overlaps(span(5, 5), span(4, 4))]).toEqual([true, false, false])
  })

  it('says an insertion strictly inside a range collides with it, either way round', () => {
    expect([overlaps(span(6, 6), span(4, 9)), overlaps(span(4, 9), span(6, 6)), overlaps(span(5, 5), span(4, 6))]).toEqual([true, true, true])
  })

  it('says an insertion at the start or the end of a range does not collide with it', () => {
    expect([
      overlaps(span(4, 4), span(4, 9)),
      overlaps(span(4, 9), span(4, 4)),
      overlaps(span(9, 9), span(4, 9)),
      overlaps(span(4, 9), span(9, 9)),
      overlaps(span(3, 3), span(4, 9)),
      overlaps(span(10, 10), span(4, 9)),
    ]).toEqual([false, false, false, false, false, false])
  })
})

describe('applyChanges', () => {
  const text = 'The China -Russia head'

  it('returns the text as it is when there are no changes', () => {
    expect(applyChanges(text, [])).toEqual({ output: text, applied: [], skipped: [] })
  })

  it('applies changes given in any order, in source order', () => {
    const result = applyChanges(text, [change(text, 17, 17, 's', 'b'), change(text, 9, 11, '-', 'a'), change(text, 0, 3, 'A', 'c')])
    expect(summary(result)).toEqual({ output: 'A China-Russias head', applied: ['c', 'a', 'b'], skipped: [] })
  })

  it('keeps every character outside the changes, line breaks and astral characters too', () => {
    const source = '𠮷 a\r\nb  \u00A0c\u200B'
    expect(applyChanges(source, [change(source, 3, 4, 'A')]).output).toBe('𠮷 A\r\nb  \u00A0c\u200B')
  })

  it('builds the output in one pass over the original text: offsets never shift, replacements are never rescanned', () => {
    const source = 'abcdef'
    const result = applyChanges(source, [change(source, 0, 1, 'XYZXYZ', 'grow'), change(source, 2, 4, '', 'drop'), change(source, 5, 6, 'a', 'back')])
    expect(summary(result)).toEqual({ output: 'XYZXYZbea', applied: ['grow', 'drop', 'back'], skipped: [] })
  })

  it('deletes, and inserts at the very start and the very end', () => {
    const source = 'abc'
    const result = applyChanges(source, [change(source, 3, 3, '!', 'end'), change(source, 0, 0, '¡', 'start'), change(source, 1, 2, '', 'drop')])
    expect(summary(result)).toEqual({ output: '¡ac!', applied: ['start', 'drop', 'end'], skipped: [] })
  })

  it('lets the longest change win, whatever the rule order, and returns the loser with the winner', () => {
    const short = change(text, 9, 11, '-', 'short', 0)
    const long = change(text, 4, 17, 'China–Russia', 'long', 5)
    const result = applyChanges(text, [short, long])
    expect(summary(result)).toEqual({ output: 'The China–Russia head', applied: ['long'], skipped: ['short overlap long'] })
    expect(result.skipped).toEqual([{ change: short, reason: 'overlap', by: long }])
    expect(result.skipped[0]!.change).toBe(short)
    expect(result.skipped[0]!.by).toBe(long)
  })

  it('breaks a tie in length by the lower rule order, even against an earlier start', () => {
    const result = applyChanges(text, [change(text, 4, 9, 'X', 'later', 2), change(text, 6, 11, 'Y', 'earlier', 1)])
    expect(summary(result)).toEqual({ output: 'The ChYRussia head', applied: ['earlier'], skipped: ['later overlap earlier'] })
  })

  it('breaks a tie in length and rule order by the earlier start', () => {
    const result = applyChanges(text, [change(text, 6, 11, 'Y', 'second', 1), change(text, 4, 9, 'X', 'first', 1)])
    expect(summary(result)).toEqual({ output: 'The X -Russia head', applied: ['first'], skipped: ['second overlap first'] })
  })

  it('lets one of two identical spans win by rule order', () => {
    const result = applyChanges(text, [change(text, 4, 9, 'X', 'second', 2), change(text, 4, 9, 'Y', 'first', 1)])
    expect(summary(result)).toEqual({ output: 'The Y -Russia head', applied: ['first'], skipped: ['second overlap first'] })
  })

  it('applies only one of two insertions at one place: the earlier rule', () => {
    const result = applyChanges(text, [change(text, 9, 9, '+', 'late', 3), change(text, 9, 9, '*', 'early', 1)])
    expect(summary(result)).toEqual({ output: 'The China* -Russia head', applied: ['early'], skipped: ['late overlap early'] })
  })

  it('skips an insertion strictly inside a range, whatever its rule order', () => {
    const result = applyChanges(text, [change(text, 6, 6, '+', 'insert', 0), change(text, 4, 9, 'CHINA', 'upper', 9)])
    expect(summary(result)).toEqual({ output: 'The CHINA -Russia head', applied: ['upper'], skipped: ['insert overlap upper'] })
  })

  it('applies insertions at the start and at the end of a range, on either side of its replacement', () => {
    const result = applyChanges(text, [change(text, 9, 9, ']', 'close'), change(text, 4, 9, 'CHINA', 'upper'), change(text, 4, 4, '[', 'open')])
    expect(summary(result)).toEqual({ output: 'The [CHINA] -Russia head', applied: ['open', 'upper', 'close'], skipped: [] })
  })

  it('resolves a chain: the longest first, then whatever still fits', () => {
    const chain = 'abcdefgh'
    const result = applyChanges(chain, [change(chain, 0, 3, 'X', 'a'), change(chain, 2, 6, 'Y', 'b'), change(chain, 5, 7, 'Z', 'c')])
    expect(summary(result)).toEqual({ output: 'abYgh', applied: ['b'], skipped: ['a overlap b', 'c overlap b'] })
  })

  it('names as winner the change that actually beat the loser', () => {
    const source = 'abcdefghij'
    const result = applyChanges(source, [
      change(source, 0, 2, '1', 'a'),
      change(source, 1, 4, '2', 'b'),
      change(source, 3, 5, '3', 'c'),
      change(source, 4, 9, '4', 'd'),
    ])
    expect(summary(result)).toEqual({ output: 'a24j', applied: ['b', 'd'], skipped: ['a overlap b', 'c overlap d'] })
  })

  it('returns every change it was given, applied or skipped, and leaves the given list as it was', () => {
    const changes = [change(text, 0, 3, 'A', 'a'), change(text, 0, 9, 'B', 'b'), change(text, 4, 4, 'C', 'c'), change(text, 18, 22, 'D', 'd')]
    const given = [...changes]
    const result = applyChanges(text, changes)
    expect(changes).toEqual(given)
    expect([...result.applied, ...result.skipped.map((skip) => skip.change)].map((each) => each.rule.id).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(summary(result)).toEqual({ output: 'B -Russia D', applied: ['b', 'd'], skipped: ['a overlap b', 'c overlap b'] })
  })

  it('takes any change with a range, a replacement and a rule order, and hands the same objects back', () => {
    const insert = { start: 1, end: 1, after: '-', rule: { order: 0 }, tag: 'insert' }
    const swap = { start: 0, end: 2, after: 'BA', rule: { order: 1 }, tag: 'swap' }
    const result = applyChanges('ab', [insert, swap])
    expect(result.output).toBe('BA')
    expect(result.applied).toEqual([swap])
    expect(result.applied[0]).toBe(swap)
    expect(result.skipped).toEqual([{ change: insert, reason: 'overlap', by: swap }])
  })

  it('keeps the overlap policy on any set of changes (property)', () => {
    const source = 'abcdefghijkl'
    const arbitraryChange = fc
      .record({ start: fc.nat({ max: source.length }), length: fc.nat({ max: 4 }), order: fc.nat({ max: 3 }), after: fc.constantFrom('', 'X', 'YY') })
      .map(({ start, length, order, after }) => {
        const end = Math.min(source.length, start + length)
        return { start, end, after, rule: { order } }
      })
    const length = (each: Applicable): number => each.end - each.start
    const beats = (winner: Applicable, loser: Applicable): boolean =>
      length(winner) > length(loser) ||
      (length(winner) === length(loser) && (winner.rule.order < loser.rule.order || (winner.rule.order === loser.rule.order && winner.start <= loser.start)))

    fc.assert(
      fc.property(fc.array(arbitraryChange, { maxLength: 8 }), (changes) => {
        const { output, applied, skipped } = applyChanges(source, changes)
        // Every change comes back exactly once.
        expect([...applied, ...skipped.map((skip) => skip.change)].length).toBe(changes.length)
        expect(new Set([...applied, ...skipped.map((skip) => skip.change)]).size).toBe(changes.length)
        // The applied ones are in source order and never collide.
        for (let index = 1; index < applied.length; index++) {
          expect(applied[index - 1]!.start <= applied[index]!.start).toBe(true)
          expect(overlaps(applied[index - 1]!, applied[index]!)).toBe(false)
        }
        // Each skipped one collides with the applied change named as its winner, which beats it.
        for (const skip of skipped) {
          expect(skip.reason).toBe('overlap')
          expect(applied).toContain(skip.by)
          expect(overlaps(skip.change, skip.by!)).toBe(true)
          expect(beats(skip.by!, skip.change)).toBe(true)
        }
        // The output is the original with each applied range replaced, everything else kept.
        let expected = ''
        let position = 0
        for (const each of applied) {
          expected += source.slice(position, each.start) + each.after
          position = each.end
        }
        expect(output).toBe(expected + source.slice(position))
        // The same changes win as in the plain greedy resolution: by precedence, each kept unless it collides with one kept before.
        const byPrecedence = [...changes].sort((a, b) => length(b) - length(a) || a.rule.order - b.rule.order || a.start - b.start)
        const greedy: Applicable[] = []
        for (const each of byPrecedence) if (!greedy.some((kept) => overlaps(kept, each))) greedy.push(each)
        expect(new Set(applied)).toEqual(new Set(greedy))
      }),
      { seed: 42, numRuns: 500 },
    )
  })

  // Issue 14: the pairwise resolution of one chain of overlaps was quadratic (22 s on 160 KB) and spread
  // the winners into push() (a stack overflow on 300 KB).
  it('resolves a chain of a million overlapping changes, `ab` and `ba` on 1 MB of `abab…`', () => {
    const text = 'ab'.repeat(500_000)
    const changes: Applicable[] = []
    for (let start = 0; start + 2 <= text.length; start++)
      changes.push({ start, end: start + 2, after: text[start] === 'a' ? 'AB' : 'BA', rule: { order: text[start] === 'a' ? 0 : 1 } })
    const result = applyChanges(text, changes)
    expect(result.applied).toHaveLength(500_000)
    expect(result.skipped).toHaveLength(499_999)
    expect(result.output).toBe('AB'.repeat(500_000))
  })
})
