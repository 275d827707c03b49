import { describe, expect, it } from 'vitest'
import { cleanText } from '../engine/clean.js'
import type { RuleSet } from './rule-set.js'
import { compileRules } from '../rules/compile.js'
import { parseRuleSource } from '../rules/load.js'
import type { EntityRule } from '../model/rule.js'
import { EntityMatcher } from './entity-matcher.js'
import { findChanges } from './index.js'

const ruleSet = (yaml: string): RuleSet => compileRules(parseRuleSource(yaml, 'rules/x.yaml').rules)
const clean = (yaml: string, text: string): string => cleanText(text, ruleSet(yaml)).output
/** What the entity matcher proposes, as `start-end:"before"→"after"`. */
const found = (yaml: string, text: string): string[] =>
  ruleSet(yaml)
    .entityMatcher.find(text)
    .map((change) => `${change.start}-${change.end}:${JSON.stringify(change.before)}→${JSON.stringify(change.after)}`)

/** One entity, in flow style: `extra` goes inside the mapping (e.g. `, ignoreCase: true`). */
const entity = (canonical: string, variants: string[], extra = ''): string =>
  `entities:\n  - {id: e, canonical: ${JSON.stringify(canonical)}, category: term, variants: ${JSON.stringify(variants)}${extra}}\n`

const LAVROV = entity('Lavrov', ['Ravorov'])
const ZAOBAO = entity('Lianhe Zaobao', ['United Zard'])

/** The terms.yaml way of telling 演习 ("Xi") from the name. */
const EXERCISE = `entities:
  - id: exercise
    canonical: exercise
    category: term
    variants:
      - {text: Xi, after: [combat, joint], notBefore: Jinping}
      - {text: Xi, before: venue}
      - {text: Xi, after: drill, notAfter: President}
`

describe('EntityMatcher: whole words', () => {
  it('matches a variant standing alone and next to punctuation', () => {
    expect(found(LAVROV, 'Ravorov (Ravorov) "Ravorov" Ravorov-led Ravorov.')).toEqual([
      '0-7:"Ravorov"→"Lavrov"',
      '9-16:"Ravorov"→"Lavrov"',
      '19-26:"Ravorov"→"Lavrov"',
      '28-35:"Ravorov"→"Lavrov"',
      '40-47:"Ravorov"→"Lavrov"',
    ])
  })

  it('never matches inside a longer word: letters, digits, marks and "_" on either side', () => {
    expect(found(LAVROV, 'Ravorovsky XRavorov 2Ravorov Ravorov2 _Ravorov Ravorov_ éRavorov Ravorové Ravorov\u0301')).toEqual([])
  })

  it('lets endings carry over: the change covers the variant only', () => {
    expect(found(LAVROV, "Ravorov's Ravorov’s")).toEqual(['0-7:"Ravorov"→"Lavrov"', '10-17:"Ravorov"→"Lavrov"'])
    expect(clean(LAVROV, "Ravorov's talks and Ravorov’s visit")).toBe("Lavrov's talks and Lavrov’s visit")
  })

  it('hands back the entity as the rule of every change', () => {
    const { rules, entityMatcher } = ruleSet(LAVROV)
    const [only] = entityMatcher.find('Ravorov')
    expect(only?.rule).toBe(rules[0])
  })

  it('works on rules built as objects too', () => {
    const lavrov: EntityRule = {
      kind: 'entity',
      id: 'lavrov',
      category: 'person',
      canonical: 'Lavrov',
      location: { file: 'rules/x.yaml', line: 1, column: 1 },
      order: 0,
      examples: [],
      variants: [{ text: 'Rafrov', ignoreCase: false, context: {}, location: { file: 'rules/x.yaml', line: 2, column: 1 } }],
    }
    expect(new EntityMatcher([lavrov]).find('Rafrov met Rafrovs').map((change) => [change.start, change.end, change.after])).toEqual([[0, 6, 'Lavrov']])
  })
})

describe('EntityMatcher: multi-word variants', () => {
  it('matches across any run of whitespace, a line break included', () => {
    expect(found(ZAOBAO, 'United\nZard; United\r\nZard; United \t Zard; United Zard')).toEqual([
      '0-11:"United\\nZard"→"Lianhe Zaobao"',
      '13-25:"United\\r\\nZard"→"Lianhe Zaobao"',
      '27-40:"United \\t Zard"→"Lianhe Zaobao"',
      '42-53:"United Zard"→"Lianhe Zaobao"',
    ])
    expect(clean(ZAOBAO, 'in the United\nZard.')).toBe('in the Lianhe Zaobao.')
  })

  it('needs whitespace (or a hyphen: derived forms, below) between the words and whole words at both ends', () => {
    expect(found(ZAOBAO, 'UnitedZard United_Zard United.Zard XUnited Zard United Zardx United Zar United United--Zard United -Zard')).toEqual([])
  })
})

describe('EntityMatcher: derived forms (issue 13 item 6)', () => {
  it('fixes a variant written in capitals, in capitals', () => {
    expect(found(ZAOBAO, 'the UNITED ZARD said')).toEqual(['4-15:"UNITED ZARD"→"LIANHE ZAOBAO"'])
    expect(clean(ZAOBAO, 'UNITED\nZARD: news')).toBe('LIANHE ZAOBAO: news')
  })
  it('fixes a variant whose words are joined by a hyphen, in its casing', () => {
    expect(found(ZAOBAO, 'a United-Zard report, a UNITED-ZARD report')).toEqual(['2-13:"United-Zard"→"Lianhe Zaobao"', '24-35:"UNITED-ZARD"→"LIANHE ZAOBAO"'])
    expect(clean(ZAOBAO, 'the United-Zard-owned site')).toBe('the Lianhe Zaobao-owned site')
  })
  it('leaves other casings alone when the variant is case-sensitive', () => {
    expect(found(ZAOBAO, 'united zard, United ZARD, UNITED Zard, united-zard')).toEqual([])
  })
  it('leaves the capitals of a variant of two letters alone: they are an acronym of their own', () => {
    expect(found(entity('exercise', ['Xi']), 'Xi said; XI said')).toEqual(['0-2:"Xi"→"exercise"'])
  })
  it('keeps the context of the variant', () => {
    const yaml = 'entities:\n  - {id: e, canonical: Lianhe Zaobao, category: organisation, variants: [{text: United Zard, after: the}]}\n'
    expect(clean(yaml, 'THE UNITED ZARD; A UNITED ZARD; the United-Zard')).toBe('THE LIANHE ZAOBAO; A UNITED ZARD; the Lianhe Zaobao')
  })
  it('protects a canonical form in capitals too', () => {
    const two = `entities:
  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [United Zard]}
  - {id: daily, canonical: Zaobao Daily, category: organisation, variants: [Zaobao]}
`
    expect(clean(two, 'LIANHE ZAOBAO and ZAOBAO')).toBe('LIANHE ZAOBAO and ZAOBAO DAILY')
  })
  it("lets a variant as written win over another entity's derived form at the same place", () => {
    const two = `entities:
  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov]}
  - {id: interfax, canonical: Interfax, category: organisation, variants: [RAVOROV]}
`
    expect(clean(two, 'RAVOROV and Ravorov')).toBe('Interfax and Lavrov')
  })
})

describe('EntityMatcher: case', () => {
  it('is case-sensitive by default, but for the variant in capitals', () => {
    expect(found(LAVROV, 'RAVOROV ravorov rAVOROV')).toEqual(['0-7:"RAVOROV"→"LAVROV"'])
  })

  it('with ignoreCase, matches any casing and gives the canonical form the casing of the match', () => {
    expect(found(entity('Lavrov', ['Ravorov'], ', ignoreCase: true'), 'RAVOROV ravorov Ravorov rAVOROV')).toEqual([
      '0-7:"RAVOROV"→"LAVROV"',
      '8-15:"ravorov"→"lavrov"',
      '16-23:"Ravorov"→"Lavrov"',
      '24-31:"rAVOROV"→"Lavrov"',
    ])
  })

  it("finds words with letters beyond ASCII, which skip the index's ASCII filter", () => {
    // `\u212A` (KELVIN SIGN) lower-cases to an ASCII `k`: the word must still be looked up.
    expect(found(entity('Kyiv', ['Kiev'], ', ignoreCase: true'), 'KIEV \u212Aiev Kïev')).toEqual(['0-4:"KIEV"→"KYIV"', '5-9:"\u212Aiev"→"Kyiv"'])
    expect(found(entity('Lavrov', ['Łavrov']), 'Łavrov Lavrov')).toEqual(['0-6:"Łavrov"→"Lavrov"'])
  })

  it('keeps the casing across a multi-word match', () => {
    expect(clean(entity('Lianhe Zaobao', ['United Zard'], ', ignoreCase: true'), 'UNITED\nZARD, united zard, United ZARD')).toBe(
      'LIANHE ZAOBAO, lianhe zaobao, Lianhe Zaobao',
    )
  })

  it('takes ignoreCase per variant: the other variants stay case-sensitive', () => {
    const yaml = 'entities:\n  - {id: e, canonical: Lavrov, category: person, variants: [{text: Ravorov, ignoreCase: true}, Rafrov]}\n'
    expect(clean(yaml, 'RAVOROV RaFROV Rafrov rafrov')).toBe('LAVROV RaFROV Lavrov rafrov')
  })

  it('lets a variant override the ignoreCase of its entity', () => {
    const yaml = 'entities:\n  - {id: e, canonical: Lavrov, category: person, ignoreCase: true, variants: [Ravorov, {text: Rafrov, ignoreCase: false}]}\n'
    expect(clean(yaml, 'RAVOROV RaFROV Rafrov')).toBe('LAVROV RaFROV Lavrov')
  })
})

describe('EntityMatcher: many variants that start with one word', () => {
  // Past 16 phrases a leading word, the index also looks at what follows it (phrase-index.ts): the same matches.
  const yaml = `entities:\n${Array.from({ length: 40 }, (_, index) => `  - {id: e${index}, canonical: Canon${index}, category: term, variants: ["Multi ${index} Word"]}`).join('\n')}\n  - {id: alone, canonical: Single, category: term, variants: [Multi]}\n`
  it('finds each, in its derived forms too, and the one-word variant where none follows', () => {
    expect(clean(yaml, 'Multi 3 Word, Multi\n17  Word; Multi-25-Word and MULTI 39 WORD; Multi 99 Word; Multi.')).toBe(
      'Canon3, Canon17; Canon25 and CANON39; Single 99 Word; Single.',
    )
  })
  it('leaves a phrase alone where the text goes on differently', () => {
    expect(found(yaml, 'Multi 3 Words; Multi 3-Word; Multi 3x Word')).toEqual(['0-5:"Multi"→"Single"', '15-20:"Multi"→"Single"', '29-34:"Multi"→"Single"'])
  })
})

describe('EntityMatcher: whole tokens', () => {
  // Issue 14: `U.S.` once matched inside `U.S.A.`, which became `United StatesA.`.
  const US = entity('United States', ['U.S.'])
  it('never matches a variant ending in punctuation inside a longer token', () => {
    expect(clean(US, 'the U.S.A. and U.S.S.R. and U.S.1')).toBe('the U.S.A. and U.S.S.R. and U.S.1')
  })
  it('matches it where the token ends: a space, punctuation, a hyphen, the end of the text', () => {
    expect(clean(US, 'the U.S. said, U.S.-China, (U.S.), U.S.')).toBe('the United States said, United States-China, (United States), United States')
  })
})

describe('EntityMatcher: literal variants', () => {
  const yaml = `entities:
  - id: e
    canonical: ASEAN
    category: organisation
    variants: ["Yajia'an", "Jia’an", "state -owned visit", U.S.A, C++]
`

  it("matches '-', '.', \"'\" and '’' as themselves", () => {
    expect(found(yaml, "Yajia'an; Jia’an; a state -owned visit; U.S.A; C++")).toEqual([
      '0-8:"Yajia\'an"→"ASEAN"',
      '10-16:"Jia’an"→"ASEAN"',
      '20-38:"state -owned visit"→"ASEAN"',
      '40-45:"U.S.A"→"ASEAN"',
      '47-50:"C++"→"ASEAN"',
    ])
  })

  it('never treats a variant as a regular expression', () => {
    expect(found(yaml, "UxSxA U-S-A U.S.Army U.SxA Yajia’an Yajiaxan Jia'an state-owned visit state owned visit CCC C+")).toEqual([])
  })
})

describe('EntityMatcher: canonical forms are protected', () => {
  const yaml = entity('Lianhe Zaobao', ['Zaobao'])

  it('does not match a variant inside an occurrence of its canonical form, but does alone', () => {
    expect(found(yaml, 'Lianhe Zaobao said; Zaobao said; Lianhe\nZaobao said')).toEqual(['20-26:"Zaobao"→"Lianhe Zaobao"'])
    expect(clean(yaml, 'Lianhe Zaobao said; Zaobao said')).toBe('Lianhe Zaobao said; Lianhe Zaobao said')
  })

  it('protects the canonical form in any casing when the variant ignores case', () => {
    const ignoring = entity('Lianhe Zaobao', ['Zaobao'], ', ignoreCase: true')
    expect(clean(ignoring, 'LIANHE ZAOBAO; lianhe zaobao; ZAOBAO; zaobao')).toBe('LIANHE ZAOBAO; lianhe zaobao; LIANHE ZAOBAO; lianhe zaobao')
  })

  it("protects every entity's canonical form, not only the variant's own", () => {
    const two = `entities:
  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [United Zard]}
  - {id: daily, canonical: Zaobao Daily, category: organisation, variants: [Zaobao]}
`
    expect(clean(two, 'Lianhe Zaobao and Zaobao')).toBe('Lianhe Zaobao and Zaobao Daily')
  })
})

describe('EntityMatcher: context', () => {
  it('with after, matches only right after one of the words, in any case, across whitespace', () => {
    expect(clean(EXERCISE, 'combat Xi; joint Xi; Combat Xi; JOINT\nXi')).toBe('combat exercise; joint exercise; Combat exercise; JOINT\nexercise')
  })

  it('with after, leaves the variant alone elsewhere', () => {
    const text = 'Xi said; President Xi; combat, Xi; noncombat Xi; combatXi'
    expect(clean(EXERCISE, text)).toBe(text)
  })

  it('with notBefore, leaves the variant alone before one of the words', () => {
    expect(clean(EXERCISE, 'combat Xi Jinping; combat Xi jinping; combat Xi Jinpings')).toBe('combat Xi Jinping; combat Xi jinping; combat exercise Jinpings')
  })

  it('with before, matches only right before one of the words', () => {
    expect(clean(EXERCISE, 'the Xi venue; the Xi VENUE; the Xi venues; the Xi, venue')).toBe(
      'the exercise venue; the exercise VENUE; the Xi venues; the Xi, venue',
    )
  })

  it('with notAfter, leaves the variant alone after one of the words', () => {
    expect(clean(EXERCISE, 'drill Xi; President drill Xi')).toBe('drill exercise; President drill exercise')
    const notAfter = 'entities:\n  - {id: e, canonical: exercise, category: term, variants: [{text: Xi, notAfter: [President, Chairman]}]}\n'
    expect(clean(notAfter, 'President Xi; chairman Xi; Vice-President Xi; the Xi; XPresident Xi')).toBe(
      'President Xi; chairman Xi; Vice-President Xi; the exercise; XPresident exercise',
    )
  })

  it('proposes one change where two contexts of one entity both hold', () => {
    const { changes, ambiguous } = findChanges('combat Xi venue', ruleSet(EXERCISE))
    expect(changes.map((change) => [change.start, change.end, change.after, change.rule.id])).toEqual([[7, 9, 'exercise', 'exercise']])
    expect(ambiguous).toEqual([])
  })
})

describe('findChanges: ambiguous variants', () => {
  const TWO = `entities:
  - {id: exercise, canonical: exercise, category: term, variants: [{text: Xi, after: combat}]}
  - {id: drill, canonical: drill, category: term, variants: [{text: Xi, after: [combat, naval]}]}
`

  it('withholds a span that two entities claim with different canonical forms, and reports both as ambiguous', () => {
    const { changes, ambiguous } = findChanges('combat Xi', ruleSet(TWO))
    expect(changes).toEqual([])
    expect(
      ambiguous.map((skip) => `${skip.reason}: ${skip.change.start}-${skip.change.end} ${skip.change.rule.id}→${skip.change.after} by ${skip.by?.rule.id}`),
    ).toEqual(['ambiguous: 7-9 exercise→exercise by drill', 'ambiguous: 7-9 drill→drill by exercise'])
    expect(ambiguous[0]!.by).toBe(ambiguous[1]!.change)
    expect(ambiguous[1]!.by).toBe(ambiguous[0]!.change)
  })

  it('applies whichever entity alone holds its context', () => {
    const { changes, ambiguous } = findChanges('naval Xi', ruleSet(TWO))
    expect(changes.map((change) => `${change.rule.id}→${change.after}`)).toEqual(['drill→drill'])
    expect(ambiguous).toEqual([])
  })

  it('leaves an ambiguous span unchanged when cleaning, and lists it as skipped', () => {
    const result = cleanText('combat Xi and naval Xi', ruleSet(TWO))
    expect(result.output).toBe('combat Xi and naval drill')
    expect(result.skipped.map((skip) => `${skip.reason} ${skip.change.rule.id}`)).toEqual(['ambiguous exercise', 'ambiguous drill'])
  })
})

describe('EntityMatcher: characters outside the Basic Multilingual Plane', () => {
  // Regression: the leading-word key once walked UTF-16 code units, so a surrogate pair ended it ("a𠮷b" was
  // filed under "a") while the text's words were looked up whole, and such variants never matched.
  it('matches a variant holding an astral letter (CJK Extension B)', () => {
    expect(clean(entity('Yoshinoya', ['a𠮷b']), 'x a𠮷b y')).toBe('x Yoshinoya y')
  })

  it('matches a variant that starts with an astral letter', () => {
    expect(clean(entity('Yoshinoya', ['𠮷野家']), 'at 𠮷野家 today')).toBe('at Yoshinoya today')
  })
})

describe('EntityMatcher: letters whose lower case is longer', () => {
  // Regression: with ignoreCase the text was once sliced at the lower-cased variant's length ("İ" → "i̇" is
  // one unit longer), so "İstanbull" never matched mid-text and matched past the end of the text at its end.
  it('matches a case-insensitive variant with "İ" as written', () => {
    expect(found(entity('Istanbul', ['İstanbull'], ', ignoreCase: true'), 'İstanbull.')).toEqual(['0-9:"İstanbull"→"Istanbul"'])
  })

  it('never proposes a change that ends past the end of the text', () => {
    expect(found(entity('Istanbul', ['İstanbull'], ', ignoreCase: true'), 'İstanbull')).toEqual(['0-9:"İstanbull"→"Istanbul"'])
  })
})
