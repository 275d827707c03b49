import { applyPatch } from 'diff'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { overlaps } from '../src/apply/apply.js'
import { cleanText, type FileResult } from '../src/engine/clean.js'
import { ConfigErrors } from '../src/model/errors.js'
import { fileDiff } from '../src/report/diff.js'
import { recordFile } from '../src/report/record-file.js'
import type { RuleSet } from '../src/match/rule-set.js'
import { compileRules } from '../src/rules/compile.js'
import type { EntityRule } from '../src/model/rule.js'

// The engine's invariants over generated rule sets and texts. Variants are made of words `v…`, canonical
// forms of words `C…`: a canonical form can then never contain or form a variant, so one pass must settle.
const location = { file: 'rules/generated.yaml', line: 1, column: 1 }
const variantWord = fc.stringMatching(/^v[a-e]{1,3}$/)
const canonicalWord = fc.stringMatching(/^C[n-r]{1,3}$/)
const phrase = (word: fc.Arbitrary<string>) => fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '))

const ruleSetArbitrary = fc
  .array(
    fc.record({ canonical: phrase(canonicalWord), variants: fc.uniqueArray(phrase(variantWord), { minLength: 1, maxLength: 3 }), ignoreCase: fc.boolean() }),
    { minLength: 1, maxLength: 6 },
  )
  .map((entities) =>
    entities.map(
      (entity, index): EntityRule => ({
        kind: 'entity',
        id: `e${index}`,
        category: 'term',
        canonical: entity.canonical,
        location,
        order: index,
        examples: [],
        variants: entity.variants.map((text) => ({ text, ignoreCase: entity.ignoreCase, context: {}, location })),
      }),
    ),
  )

/** A valid rule set, or null when the generated one is refused (a variant claimed twice…): skipped. */
function compiled(rules: EntityRule[]): RuleSet | null {
  try {
    return compileRules(rules)
  } catch (error) {
    if (error instanceof ConfigErrors) return null
    throw error
  }
}

const textArbitrary = fc
  .array(fc.oneof(variantWord, canonicalWord, fc.constantFrom(' ', '  ', '\n', '\r\n', '. ', ', ', 'va vb', 'VA', '’s', '王', '😀', '')), { maxLength: 30 })
  .map((parts) => parts.join(' '))

const settings = { seed: 7, numRuns: 300 }

describe('engine invariants over generated rule sets (fast-check)', () => {
  it('one pass settles: cleaning again changes nothing', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, textArbitrary, (rules, text) => {
        const ruleSet = compiled(rules)
        fc.pre(ruleSet !== null)
        const once = cleanText(text, ruleSet!).output
        expect(cleanText(once, ruleSet!).applied).toEqual([])
      }),
      settings,
    )
  })

  it('changes never overlap and every byte outside them is kept', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, textArbitrary, (rules, text) => {
        const ruleSet = compiled(rules)
        fc.pre(ruleSet !== null)
        const { output, applied } = cleanText(text, ruleSet!)
        let rebuilt = ''
        let position = 0
        applied.forEach((change, index) => {
          if (index > 0) expect(overlaps(applied[index - 1]!, change)).toBe(false)
          expect(text.slice(change.start, change.end)).toBe(change.before)
          rebuilt += text.slice(position, change.start) + change.after
          position = change.end
        })
        expect(rebuilt + text.slice(position)).toBe(output)
      }),
      settings,
    )
  })

  it('the diff and the report describe exactly the changes made', () => {
    fc.assert(
      fc.property(ruleSetArbitrary, textArbitrary, (rules, text) => {
        const ruleSet = compiled(rules)
        fc.pre(ruleSet !== null)
        const input = { displayPath: 'in/x.txt', absolutePath: '/in/x.txt', outputPath: 'x.txt' }
        const result: FileResult = { input, source: text, ...cleanText(text, ruleSet!, { file: input.displayPath, decisionOf: () => undefined }) }
        const diff = fileDiff(result)
        if (result.output === text) expect(diff).toBe('')
        else expect(applyPatch(text, diff)).toBe(result.output)
        const reported = recordFile(result, { path: 'x.txt', copy: 'x.txt' })
        let fromReport = text
        for (const change of [...reported.changes].reverse()) fromReport = fromReport.slice(0, change.start) + change.after + fromReport.slice(change.end)
        expect(fromReport).toBe(result.output)
        expect(reported.changes.map((change) => change.id)).toEqual(result.applied.map((change) => result.ids.get(change)))
      }),
      settings,
    )
  })
})
