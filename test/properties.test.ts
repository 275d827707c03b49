import { applyPatch, createTwoFilesPatch } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { overlaps } from '../src/apply/apply.js'
import { cleanText } from '../src/engine/clean.js'
import { projectRuleSet } from './helpers/project.js'

// Invariants of the engine with the project's rule set, over texts made of rule-triggering fragments,
// seed-like words, whitespace of every kind and random Unicode. Fixed seed, bounded runs: no flakiness.
const FRAGMENTS = [
  'China -Russia',
  'face -to -face',
  'Beijing.Patrueshev',
  'frank."In',
  'China ’s',
  'China’ s',
  'Alaska ,',
  'expected.Essence',
  'combat Xi',
  'Xi Jinping',
  'President Xi',
  'the Xi venue',
  'joint exercise Xi',
  'security Xi.',
  'Ravorov',
  "Ravorov's",
  'RAVOROV',
  'United Zard',
  'United\nMorning Post',
  'Lianhe Zaobao',
  'Asia Danian',
  "Yajia'an",
  'cooperation with Asians',
  'state -owned visit',
  'U.S.',
  'e.g.',
  '3.5',
  'No. 1',
  'www.zaobao.com.sg',
  '...',
  ' - ',
  'Lavrov',
  'ASEAN',
  'The',
  'the',
  'relations.power.',
  '**',
  '王毅',
  '😀',
  '\u00e9',
  'e\u0301',
]
const SEPARATORS = [' ', '  ', '\n', '\r\n', '\n\n', '\t', '', '.', ',', '. ', '"', '’']

const text = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

const settings = { seed: 20261122, numRuns: 400 }

describe('engine invariants (fast-check)', () => {
  it('cleaning twice changes nothing more than cleaning once', () => {
    fc.assert(
      fc.property(text, (source) => {
        const once = cleanText(source, projectRuleSet()).output
        expect(cleanText(once, projectRuleSet()).applied).toEqual([])
      }),
      settings,
    )
  })

  it('applied changes never overlap, each describes the source, and the text between them is kept byte for byte', () => {
    fc.assert(
      fc.property(text, (source) => {
        const { output, applied } = cleanText(source, projectRuleSet())
        let sourceAt = 0
        let outputAt = 0
        applied.forEach((change, index) => {
          if (index > 0) expect(overlaps(applied[index - 1]!, change)).toBe(false)
          expect(change.before).toBe(source.slice(change.start, change.end))
          const kept = source.slice(sourceAt, change.start)
          expect(output.slice(outputAt, outputAt + kept.length)).toBe(kept)
          outputAt += kept.length
          expect(output.slice(outputAt, outputAt + change.after.length)).toBe(change.after)
          outputAt += change.after.length
          sourceAt = change.end
        })
        expect(output.slice(outputAt)).toBe(source.slice(sourceAt))
      }),
      settings,
    )
  })

  it('the unified diff applied to the source gives the cleaned text', () => {
    fc.assert(
      fc.property(text, (source) => {
        const { output } = cleanText(source, projectRuleSet())
        const patch = createTwoFilesPatch('a/x.txt', 'b/x.txt', source, output)
        expect(applyPatch(source, patch)).toBe(output)
      }),
      settings,
    )
  })
})
