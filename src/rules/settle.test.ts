import { describe, expect, it } from 'vitest'
import { compileRules } from './compile.js'
import { BUNDLED_RULES, loadRuleSet, parseRuleSource } from './load.js'
import { unsettledRules } from './settle.js'

const unsettled = (yaml: string): string[] => unsettledRules(compileRules(parseRuleSource(yaml, 'rules/x.yaml').rules)).map((error) => error.format())

describe('unsettledRules', () => {
  it('finds an entity and a pattern that undo each other (the text flips on every run)', () => {
    expect(
      unsettled(`entities:
  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov]}
patterns:
  - {id: back, category: person, pattern: 'Lavrov', replace: 'Ravorov'}
`),
    ).toEqual([
      'rules/x.yaml:2:5: rules do not settle: "lavrov" changes what "back" (rules/x.yaml:4:5) wrote ("Lavrov" → "Ravorov" → "Lavrov"): a second run would change the text again',
      'rules/x.yaml:4:5: rules do not settle: "back" changes what "lavrov" (rules/x.yaml:2:5) wrote ("Ravorov" → "Lavrov" → "Ravorov"): a second run would change the text again',
    ])
  })

  it('finds a pattern whose output it matches again, with no example to show it', () => {
    expect(unsettled(`patterns:\n  - {id: more, category: artifact, pattern: 'ab', replace: 'aab'}\n`)).toEqual([
      'rules/x.yaml:2:5: rules do not settle: "more" changes what "more" (rules/x.yaml:2:5) wrote ("aab" → "aaab" → "aaaab"): a second run would change the text again',
    ])
  })

  it('finds an entity whose capitals another entity turns back', () => {
    expect(
      unsettled(`entities:
  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [United Zard]}
  - {id: back, canonical: United Zard Daily, category: organisation, variants: [LIANHE ZAOBAO]}
`),
    ).toEqual([
      expect.stringMatching(
        /^rules\/x\.yaml:3:5: rules do not settle: "back" changes what "zaobao" \(rules\/x\.yaml:2:5\) wrote \("UNITED ZARD" → "LIANHE ZAOBAO" → "United Zard Daily"\)/,
      ),
    ])
  })

  it("accepts rules that settle, the project's own among them", () => {
    expect(
      unsettled(
        `entities:\n  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov]}\npatterns:\n  - {id: s, category: place, pattern: 'Mosco(?!w)', replace: 'Moscow'}\n`,
      ),
    ).toEqual([])
    expect(unsettledRules(loadRuleSet([BUNDLED_RULES]))).toEqual([])
  })
})
