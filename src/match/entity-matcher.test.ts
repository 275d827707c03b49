import { describe, expect, it } from 'vitest'
import { cleanText } from '../clean.js'
import { compileRules } from '../rules/compile.js'
import { parseRuleSource } from '../rules/load.js'
import { findChanges } from './index.js'

const ruleSet = (yaml: string) => compileRules(parseRuleSource(yaml, 'rules/x.yaml').rules)
const clean = (yaml: string, text: string): string => cleanText(text, ruleSet(yaml)).output

const LAVROV = 'entities:\n  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov]}\n'

describe('entity matching', () => {
  it('matches whole words only, and endings carry over', () => {
    expect(clean(LAVROV, "Ravorov's talks; Ravorovsky; XRavorov; Ravorov.")).toBe("Lavrov's talks; Ravorovsky; XRavorov; Lavrov.")
  })

  it('matches a multi-word variant across any whitespace, a line break included', () => {
    const yaml = 'entities:\n  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [United Zard]}\n'
    expect(clean(yaml, 'the United\nZard and the United  \t Zard')).toBe('the Lianhe Zaobao and the Lianhe Zaobao')
  })

  it('is case-sensitive by default; ignoreCase keeps the casing of the match', () => {
    expect(clean(LAVROV, 'RAVOROV ravorov')).toBe('RAVOROV ravorov')
    const yaml = 'entities:\n  - {id: lavrov, canonical: Lavrov, category: person, ignoreCase: true, variants: [Ravorov]}\n'
    expect(clean(yaml, 'RAVOROV ravorov Ravorov rAVOROV')).toBe('LAVROV lavrov Lavrov Lavrov')
  })

  it('matches literal variants with punctuation as written', () => {
    const yaml = "entities:\n  - {id: asean, canonical: ASEAN, category: organisation, variants: [\"Yajia'an\", U.S.A, state -owned visit]}\n"
    expect(clean(yaml, "Yajia'an, U.S.A and a state -owned visit; not UxSxA or Yajia’an")).toBe('ASEAN, ASEAN and a ASEAN; not UxSxA or Yajia’an')
  })

  it('never matches inside an occurrence of a canonical form', () => {
    const yaml = 'entities:\n  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [Zaobao]}\n'
    expect(clean(yaml, 'Lianhe Zaobao said; Zaobao said')).toBe('Lianhe Zaobao said; Lianhe Zaobao said')
  })

  it('honours context: after, before, notBefore', () => {
    const yaml = `entities:
  - id: exercise
    canonical: exercise
    category: term
    variants:
      - {text: Xi, after: [combat, joint], notBefore: Jinping}
      - {text: Xi, before: venue}
`
    expect(clean(yaml, 'combat Xi, the Xi venue, Combat Xi; President Xi, Xi Jinping, joint Xi Jinping')).toBe(
      'combat exercise, the exercise venue, Combat exercise; President Xi, Xi Jinping, joint Xi Jinping',
    )
  })

  it('withholds a span that two entities claim with different canonical forms', () => {
    const yaml = `entities:
  - {id: exercise, canonical: exercise, category: term, variants: [{text: Xi, after: combat}]}
  - {id: drill, canonical: drill, category: term, variants: [{text: Xi, after: combat}]}
`
    const { changes, ambiguous } = findChanges('combat Xi', ruleSet(yaml))
    expect(changes).toEqual([])
    expect(ambiguous.map((skip) => `${skip.reason}: ${skip.change.rule.id} ~ ${skip.by?.rule.id}`)).toEqual(['ambiguous: exercise ~ drill', 'ambiguous: drill ~ exercise'])
  })
})
