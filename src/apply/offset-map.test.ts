import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges } from './apply.js'
import { OffsetMap, spansMeet } from './offset-map.js'

/** A text and changes on it that do not overlap (as the applier leaves them), in source order. */
const textWithChanges = fc.string({ minLength: 1, maxLength: 60 }).chain((text) =>
  fc
    .uniqueArray(fc.nat(text.length), { maxLength: 12 })
    .map((cuts) => cuts.sort((a, b) => a - b))
    .chain((cuts) => {
      const pairs: [number, number][] = []
      for (let index = 0; index + 1 < cuts.length; index += 2) pairs.push([cuts[index]!, cuts[index + 1]!])
      return fc.tuple(
        fc.constant(text),
        fc.tuple(...pairs.map(([start, end]) => fc.record({ start: fc.constant(start), end: fc.constant(end), after: fc.string({ maxLength: 5 }) }))),
      )
    }),
)

describe('OffsetMap', () => {
  it('maps a span no change touches to the same text in the output, and back', () => {
    fc.assert(
      fc.property(textWithChanges, fc.nat(60), fc.nat(60), ([text, changes], a, b) => {
        const span = { start: Math.min(a, b) % (text.length + 1), end: Math.max(a, b) % (text.length + 1) }
        if (span.start > span.end) return
        const output = applyChanges(
          text,
          changes.map((change) => ({ ...change, rule: { order: 0 } })),
        ).output
        const map = new OffsetMap(changes)
        if (changes.some((change) => spansMeet(change, span) || spansMeet(span, change))) return
        const moved = map.toOutput(span)
        expect(output.slice(moved.start, moved.end)).toBe(text.slice(span.start, span.end))
        expect(map.toSource(moved)).toEqual(span)
      }),
    )
  })

  it('maps a changed span to its replacement, and the replacement back to it', () => {
    fc.assert(
      fc.property(textWithChanges, ([text, changes]) => {
        const output = applyChanges(
          text,
          changes.map((change) => ({ ...change, rule: { order: 0 } })),
        ).output
        const map = new OffsetMap(changes)
        for (const change of changes) {
          if (change.start === change.end || change.after === '') continue
          const moved = map.toOutput(change)
          expect(output.slice(moved.start, moved.end)).toBe(change.after)
          expect(map.toSource(moved)).toEqual({ start: change.start, end: change.end })
        }
      }),
    )
  })
})
