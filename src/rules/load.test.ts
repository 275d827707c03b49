import { describe, expect, it } from 'vitest'
import { ConfigError, ConfigErrors } from '../model/errors.js'
import { compileRules } from './compile.js'
import { parseRuleSource } from './load.js'
import { thrown } from './test-helpers.js'

/** Every problem loading reports, as the one-line messages the CLI prints; [] if the source loads. */
const problems = (source: string): string[] => thrown(() => compileRules(parseRuleSource(source, 'rules/x.yaml').rules))

/** An entity in block style, its first key on line 2 (column 5); `fields` follow on line 5. */
const entity = (fields: string): string => `entities:\n  - id: x\n    canonical: X\n    category: person\n${fields}`

describe('parseRuleSource: invalid YAML', () => {
  it('reports an unclosed flow sequence where the parser finds it', () => {
    expect(problems('entities:\n  - id: x\n    canonical: [oops\n')).toEqual([
      'rules/x.yaml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ])
  })

  it('reports a key given twice at the second one', () => {
    expect(problems('entities:\n  - id: x\n    id: y\n    canonical: X\n    category: person\n    variants: [A]\n')).toEqual([
      'rules/x.yaml:3:5: invalid YAML: Map keys must be unique',
    ])
  })

  it('reports a tab used as indentation, an unclosed quote and a nested compact mapping', () => {
    expect(problems('entities:\n\t- id: x\n')).toEqual(['rules/x.yaml:2:1: invalid YAML: Tabs are not allowed as indentation'])
    expect(problems('entities:\n  - id: "x\n')).toEqual(['rules/x.yaml:3:1: invalid YAML: Missing closing "quote'])
    expect(problems('entities:\n  - id: x\n    canonical: X: Y\n')).toEqual([
      'rules/x.yaml:3:16: invalid YAML: Nested mappings are not allowed in compact mappings',
    ])
  })
})

describe('parseRuleSource: aliases', () => {
  // Issue 14: yaml throws these while turning the document into data, and they were reported as crashes.
  it('reports an alias without its anchor at the alias', () => {
    expect(problems('names: [a]\npatterns: *nowhere\n')).toEqual([
      'rules/x.yaml:2:11: invalid YAML: Unresolved alias (the anchor must be set before the alias): nowhere',
    ])
  })

  it('reports an alias bomb (a billion laughs) at an alias, without expanding it', () => {
    let source = 'a: &a [x, x, x, x, x, x, x, x, x]\n'
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
      ['i', 'h'],
    ]) {
      source += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`
    }
    expect(problems(`${source}names: *i\n`)).toEqual(['rules/x.yaml:2:8: invalid YAML: Excessive alias count indicates a resource exhaustion attack'])
  })

  it('accepts a few aliases', () => {
    expect(problems('names: &n [Lavrov]\n')).toEqual([])
  })
})

describe('parseRuleSource: the schema', () => {
  it('reports an unknown key at the key itself, in block and flow style', () => {
    expect(problems(entity('    variants: [A]\n    colour: red\n'))).toEqual(['rules/x.yaml:6:5: unknown key "colour"'])
    expect(problems('entities:\n  - {id: x, canonical: X, category: person, variants: [A], colour: red}\n')).toEqual([
      'rules/x.yaml:2:60: unknown key "colour"',
    ])
  })

  it('reports an unknown key in a variant, an example, a pattern and at the top', () => {
    expect(problems(entity('    variants:\n      - {text: A, colour: red}\n'))).toEqual(['rules/x.yaml:6:19: unknown key "colour"'])
    expect(problems(entity('    variants: [A]\n    examples:\n      - before: a\n        afterr: b\n'))).toEqual(['rules/x.yaml:8:9: unknown key "afterr"'])
    expect(problems("patterns:\n  - id: p\n    category: spacing\n    pattern: 'a'\n    replace: b\n    replacement: c\n")).toEqual([
      'rules/x.yaml:6:5: unknown key "replacement"',
    ])
    expect(problems('entitis:\n  - id: x\n')).toEqual(['rules/x.yaml:1:1: unknown key "entitis"'])
  })

  it('reports a missing key at the entry that lacks it, once per key', () => {
    expect(problems('entities:\n  - id: x\n    category: person\n    variants: [A]\n')).toEqual(['rules/x.yaml:2:5: missing key "canonical"'])
    expect(problems('entities:\n  - id: x\n    category: person\n')).toEqual([
      'rules/x.yaml:2:5: missing key "canonical"',
      'rules/x.yaml:2:5: missing key "variants"',
    ])
    expect(problems("patterns:\n  - id: p\n    category: spacing\n    pattern: 'a'\n")).toEqual(['rules/x.yaml:2:5: missing key "replace"'])
    expect(problems(entity('    variants:\n      - {after: b}\n'))).toEqual(['rules/x.yaml:6:9: missing key "text"'])
  })

  it('reports a category not in the list at its value', () => {
    expect(problems(entity('    variants: [A]\n').replace('person', 'animal'))).toEqual([
      'rules/x.yaml:4:15: category must be one of: person, organisation, place, term, spacing, artifact',
    ])
    expect(problems("patterns:\n  - {id: p, category: typo, pattern: 'a', replace: b}\n")).toEqual([
      'rules/x.yaml:2:23: category must be one of: person, organisation, place, term, spacing, artifact',
    ])
  })

  it('reports an empty variant, written short or long, at the variant', () => {
    expect(problems(entity('    variants: [""]\n'))).toEqual(['rules/x.yaml:5:16: text must not be empty'])
    expect(problems(entity('    variants:\n      - ""\n'))).toEqual(['rules/x.yaml:6:9: text must not be empty'])
    expect(problems(entity('    variants:\n      - "  "\n'))).toEqual(['rules/x.yaml:6:9: text must not be empty'])
    expect(problems(entity('    variants:\n      - text: ""\n'))).toEqual(['rules/x.yaml:6:15: text must not be empty'])
  })

  it('says what an item of a list must be: a variant that is a number, a name that is a list', () => {
    expect(problems(entity('    variants: [12]\n'))).toEqual(['rules/x.yaml:5:16: a variant must be a text, or a mapping with "text" (and context keys)'])
    expect(problems('names: [[Wang Yi]]\n')).toEqual(['rules/x.yaml:1:9: each of names must be string'])
  })

  it('reports an empty list of variants, an empty context word and an empty canonical form', () => {
    expect(problems(entity('    variants: []\n'))).toEqual(['rules/x.yaml:5:15: variants must not be empty'])
    expect(problems(entity('    variants:\n      - {text: A, after: ""}\n'))).toEqual(['rules/x.yaml:6:26: after must not be empty'])
    expect(problems('entities:\n  - {id: x, canonical: "", category: person, variants: [A]}\n')).toEqual(['rules/x.yaml:2:24: canonical must not be empty'])
  })

  it('reports an id that is not lower-case letters, digits, ".", "_" or "-"', () => {
    expect(problems('entities:\n  - id: Bad Id\n    canonical: X\n    category: person\n    variants: [A]\n')).toEqual([
      'rules/x.yaml:2:9: id must be lowercase letters, digits, ".", "_" or "-"',
    ])
  })

  it('reports every problem of a file at once', () => {
    expect(problems('entities:\n  - id: x\n    canonical: X\n    category: animal\n    colour: red\n')).toEqual([
      'rules/x.yaml:2:5: missing key "variants"',
      'rules/x.yaml:5:5: unknown key "colour"',
      'rules/x.yaml:4:15: category must be one of: person, organisation, place, term, spacing, artifact',
    ])
  })

  it('throws ConfigErrors holding ConfigErrors with their file, line and column', () => {
    let caught: unknown
    try {
      parseRuleSource(entity('    variants: [A]\n    colour: red\n'), 'rules/x.yaml')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigErrors)
    const [only, ...rest] = (caught as ConfigErrors).errors
    expect(rest).toEqual([])
    expect(only).toBeInstanceOf(ConfigError)
    expect([only?.file, only?.line, only?.column, only?.message]).toEqual(['rules/x.yaml', 6, 5, 'unknown key "colour"'])
    expect((caught as ConfigErrors).message).toBe('rules/x.yaml:6:5: unknown key "colour"')
  })
})

describe('parseRuleSource: what a file gives', () => {
  it('gives nothing for an empty file', () => {
    expect(parseRuleSource('', 'rules/x.yaml')).toEqual({ rules: [], names: [], gazetteer: [] })
    expect(parseRuleSource('# only a comment\n', 'rules/x.yaml')).toEqual({ rules: [], names: [], gazetteer: [] })
  })

  it('expands `variants: [A, B]` into variant objects, each at its place', () => {
    const { rules } = parseRuleSource(entity('    variants: [A, B]\n'), 'rules/x.yaml')
    expect(rules).toEqual([
      {
        kind: 'entity',
        id: 'x',
        category: 'person',
        note: undefined,
        canonical: 'X',
        zh: undefined,
        location: { file: 'rules/x.yaml', line: 2, column: 5 },
        order: 0,
        examples: [],
        variants: [
          { text: 'A', ignoreCase: false, context: {}, location: { file: 'rules/x.yaml', line: 5, column: 16 } },
          { text: 'B', ignoreCase: false, context: {}, location: { file: 'rules/x.yaml', line: 5, column: 19 } },
        ],
      },
    ])
  })

  it('expands a single context word into a list, for variants and patterns', () => {
    const source = `entities:
  - id: x
    canonical: exercise
    category: term
    variants:
      - {text: Xi, after: combat, notBefore: [Jinping, Xi], before: venue, notAfter: President}
patterns:
  - {id: p, category: term, pattern: 'Xi', replace: exercise, after: combat, notBefore: Jinping}
`
    const { rules } = parseRuleSource(source, 'rules/x.yaml')
    expect(rules.map((rule) => (rule.kind === 'entity' ? rule.variants.map((variant) => variant.context) : [rule.context]))).toEqual([
      [{ after: ['combat'], notAfter: ['President'], before: ['venue'], notBefore: ['Jinping', 'Xi'] }],
      [{ after: ['combat'], notBefore: ['Jinping'] }],
    ])
  })

  it("gives each variant its entity's ignoreCase unless it sets its own", () => {
    const { rules } = parseRuleSource(entity('    ignoreCase: true\n    variants: [A, {text: B, ignoreCase: false}]\n'), 'rules/x.yaml')
    expect(rules[0]?.kind === 'entity' && rules[0].variants.map((variant) => [variant.text, variant.ignoreCase])).toEqual([
      ['A', true],
      ['B', false],
    ])
  })

  it('reads a pattern with its defaults and its examples, each at its place', () => {
    const source =
      "patterns:\n  - id: p\n    category: spacing\n    pattern: ' +,'\n    replace: ','\n    examples:\n      - {before: 'a ,', after: 'a,'}\n      - before: a, b\n"
    expect(parseRuleSource(source, 'rules/x.yaml').rules).toEqual([
      {
        kind: 'pattern',
        id: 'p',
        category: 'spacing',
        note: undefined,
        pattern: ' +,',
        replace: ',',
        ignoreCase: false,
        context: {},
        location: { file: 'rules/x.yaml', line: 2, column: 5 },
        order: 0,
        examples: [
          { before: 'a ,', after: 'a,', location: { file: 'rules/x.yaml', line: 7, column: 9 } },
          { before: 'a, b', location: { file: 'rules/x.yaml', line: 8, column: 9 } },
        ],
      },
    ])
  })

  it('numbers rules from the given first order: entities, then patterns', () => {
    const source =
      "patterns:\n  - {id: p, category: spacing, pattern: 'a', replace: b}\nentities:\n  - {id: x, canonical: X, category: person, variants: [A]}\n  - {id: y, canonical: Y, category: person, variants: [B]}\n"
    expect(parseRuleSource(source, 'rules/x.yaml', 10).rules.map((rule) => `${rule.id}:${rule.order}`)).toEqual(['x:10', 'y:11', 'p:12'])
  })

  it('reads names and gazetteer entries', () => {
    const source = 'names: [YouTube, WeChat]\ngazetteer:\n  - {name: Wang Yi, zh: 王毅, category: person}\n'
    expect(parseRuleSource(source, 'rules/x.yaml')).toEqual({
      rules: [],
      names: ['YouTube', 'WeChat'],
      gazetteer: [{ name: 'Wang Yi', zh: '王毅', category: 'person', variants: [], location: { file: 'rules/x.yaml', line: 3, column: 5 } }],
    })
  })
})
