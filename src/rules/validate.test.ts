import { describe, expect, it } from 'vitest'
import { compileRules } from './compile.js'
import { parseRuleSource } from './load.js'
import type { EntityRule, PatternRule, Rule } from '../model/rule.js'
import { thrown } from './test-helpers.js'
import { validateRules, variantKey } from './validate.js'

/** Every problem loading and compiling a rule file reports. */
const problems = (source: string): string[] => thrown(() => compileRules(parseRuleSource(source, 'rules/x.yaml').rules))

/** An entity in block style, its first key on line 2 (column 5), `fields` from line 5 on. */
const entity = (fields: string, id = 'x', canonical = 'X'): string => `  - id: ${id}\n    canonical: ${canonical}\n    category: person\n${fields}`
const entities = (...items: string[]): string => `entities:\n${items.join('')}`
const pattern = (source: string, replace: string): string =>
  `patterns:\n  - id: p\n    category: spacing\n    pattern: '${source}'\n    replace: '${replace}'\n`

const at = (line: number, column = 1) => ({ file: 'rules/a.yaml', line, column })
const entityRule = (id: string, canonical: string, variants: string[], line: number, order = 0): EntityRule => ({
  kind: 'entity',
  id,
  canonical,
  category: 'person',
  location: at(line, 5),
  order,
  examples: [],
  variants: variants.map((text, index) => ({ text, ignoreCase: false, context: {}, location: at(line + 1 + index, 9) })),
})
const patternRule = (id: string, source: string, replace: string, line: number, order = 0): PatternRule => ({
  kind: 'pattern',
  id,
  category: 'spacing',
  pattern: source,
  replace,
  ignoreCase: false,
  context: {},
  location: at(line, 5),
  order,
  examples: [],
})

describe('validateRules: variants', () => {
  it('reports a variant listed twice in one entity at the second, with the first', () => {
    expect(problems(entities(entity('    variants:\n      - A\n      - B\n      - A\n')))).toEqual([
      'rules/x.yaml:8:9: duplicate variant "A" (first at rules/x.yaml:6:9)',
    ])
  })

  it('compares variants with whitespace folded, and case folded where either ignores case', () => {
    expect(problems(entities(entity('    variants: [United Zard, "United  Zard"]\n')))).toEqual([
      'rules/x.yaml:5:29: duplicate variant "United  Zard" (first at rules/x.yaml:5:16)',
    ])
    expect(problems(entities(entity('    variants:\n      - A b\n      - {text: "a  B", ignoreCase: true}\n')))).toEqual([
      'rules/x.yaml:7:9: duplicate variant "a  B" (first at rules/x.yaml:6:9)',
    ])
    expect(problems(entities(entity('    variants: [A, a]\n')))).toEqual([])
  })

  it('allows one text under two different contexts in one entity', () => {
    expect(problems(entities(entity('    variants:\n      - {text: Xi, after: combat}\n      - {text: Xi, before: venue}\n      - Xi\n')))).toEqual([])
  })

  it('reports one text twice under the same context, however the context is written', () => {
    expect(problems(entities(entity('    variants:\n      - {text: Xi, after: combat}\n      - {text: Xi, after: [combat]}\n')))).toEqual([
      'rules/x.yaml:7:9: duplicate variant "Xi" (first at rules/x.yaml:6:9)',
    ])
  })

  it('reports a variant claimed by two entities at the second claim', () => {
    expect(problems(entities(entity('    variants: [A]\n'), entity('    variants: [B, A]\n', 'y', 'Y')))).toEqual([
      'rules/x.yaml:9:19: variant "A" is claimed by "y" and "x" (rules/x.yaml:5:16)',
    ])
  })

  it('reports a claim by two entities case-insensitively where either ignores case', () => {
    expect(problems(entities(entity('    variants: [Ravorov]\n'), entity('    variants: [{text: RAVOROV, ignoreCase: true}]\n', 'y', 'Y')))).toEqual([
      'rules/x.yaml:9:16: variant "RAVOROV" is claimed by "y" and "x" (rules/x.yaml:5:16)',
    ])
  })

  it('allows two entities one text where either has a context (a tie is reported at run time)', () => {
    expect(problems(entities(entity('    variants: [Xi]\n'), entity('    variants: [{text: Xi, after: combat}]\n', 'y', 'Y')))).toEqual([])
  })

  it('reports a variant with whitespace around it', () => {
    expect(problems(entities(entity('    variants: [" A", "B "]\n')))).toEqual([
      'rules/x.yaml:5:16: variant " A" has leading or trailing whitespace',
      'rules/x.yaml:5:22: variant "B " has leading or trailing whitespace',
    ])
  })
})

describe('validateRules: canonical forms', () => {
  it("reports a canonical form that is another entity's variant: a cycle", () => {
    expect(problems(entities(entity('    variants: [A]\n'), entity('    variants: [B]\n', 'y', 'A')))).toEqual([
      'rules/x.yaml:6:5: canonical form "A" of "y" is a variant of "x" (rules/x.yaml:5:16): a cycle, cleaning would never settle',
    ])
  })

  it('reports a canonical form that is its own variant', () => {
    expect(problems(entities(entity('    variants: [B, X]\n')))).toEqual([
      'rules/x.yaml:2:5: canonical form "X" of "x" is its own variant: a cycle, cleaning would never settle',
    ])
  })

  it('finds a cycle through a case-insensitive variant, whitespace folded', () => {
    expect(problems(entities(entity('    ignoreCase: true\n    variants: [B, x  Y]\n', 'x', 'X y')))).toEqual([
      'rules/x.yaml:2:5: canonical form "X y" of "x" is its own variant: a cycle, cleaning would never settle',
    ])
  })

  it('reports two entities with one canonical form', () => {
    expect(problems(entities(entity('    variants: [A]\n'), entity('    variants: [B]\n', 'y', 'X')))).toEqual([
      'rules/x.yaml:6:5: canonical form "X" is also entity "x" (rules/x.yaml:2:5): merge the two',
    ])
  })
})

describe('validateRules: patterns', () => {
  it('reports a regular expression that does not compile', () => {
    expect(problems(pattern('a(b', ''))).toEqual([
      'rules/x.yaml:2:5: invalid regular expression in "p": Invalid regular expression: /a(b/gmu: Unterminated group',
    ])
    expect(problems(pattern('\\p{Nope}', ''))).toEqual([
      'rules/x.yaml:2:5: invalid regular expression in "p": Invalid regular expression: /\\p{Nope}/gmu: Invalid property name',
    ])
  })

  it('reports a replacement that uses a group the pattern lacks', () => {
    expect(problems(pattern('(a)b', 'x$3'))).toEqual(['rules/x.yaml:2:5: replacement of "p" uses $3 but the pattern has 1 group(s)'])
    expect(problems(pattern('ab', '$1$2'))).toEqual([
      'rules/x.yaml:2:5: replacement of "p" uses $1 but the pattern has 0 group(s)',
      'rules/x.yaml:2:5: replacement of "p" uses $2 but the pattern has 0 group(s)',
    ])
  })

  it('accepts a replacement that uses only groups the pattern has', () => {
    expect(problems(pattern('(a)(?<b>b)', '$2$1$<b>$&$$$0'))).toEqual([])
  })

  // Regression: `$12` with one group is group 1 then "2" (String.prototype.replace); validation once refused it.
  it('accepts "$12" with one group: it means group 1 followed by "2"', () => {
    expect(problems(pattern('(a)b', '$12'))).toEqual([])
    expect(problems(pattern('(a)b', '$10'))).toEqual([])
  })

  // Regression: without named groups, a reference inside `$<…>` is still a reference, and is checked.
  it('reports a group the pattern lacks inside "$<…>" when the pattern has no named groups', () => {
    expect(problems(pattern('(a)b', '$<a$3>'))).toEqual(['rules/x.yaml:2:5: replacement of "p" uses $3 but the pattern has 1 group(s)'])
  })

  it('still reports a two-digit reference whose first digit names a group the pattern lacks', () => {
    expect(problems(pattern('(a)b', '$20'))).toEqual(['rules/x.yaml:2:5: replacement of "p" uses $20 but the pattern has 1 group(s)'])
  })

  it('reports a pattern that can backtrack catastrophically', () => {
    expect(problems(pattern('(a+)+$', ''))).toEqual([
      expect.stringMatching(
        /^rules\/x\.yaml:2:5: the pattern of "p" can backtrack catastrophically \(exponential, e\.g\. on ".+"…\): rewrite it without repeats that can match the same text$/,
      ),
    ])
    expect(problems(pattern('(\\d)+$', ''))).toEqual([
      expect.stringMatching(/^rules\/x\.yaml:2:5: the pattern of "p" can backtrack catastrophically \(polynomial of degree 2, e\.g\. on ".+"…\): /),
    ])
  })

  // Issue 14: the ReDoS check once looked only at patterns with a repeated group; these have none, or a
  // backreference, and took 8-40 s on a few KB.
  it.each([
    ['\\w*\\w*\\w*\\w*\\w*\\w*!', 'polynomial of degree 7'],
    ['[a-z]+[a-z]+[a-z]+[a-z]+\\d', 'polynomial of degree 5'],
    ['(a*)\\1*b', 'polynomial of degree'], // fuzzed (a backreference): found as degree 3 or 4
    [' +$', 'polynomial of degree 2'],
  ])('reports %j, which has no repeated group but is slow (%s)', (source, complexity) => {
    const [only, ...rest] = problems(pattern(source, 'x'))
    expect(rest).toEqual([])
    expect(only).toMatch(/^rules\/x\.yaml:2:5: the pattern of "p" can backtrack catastrophically \(/)
    expect(only).toContain(complexity)
  })

  it("accepts the rule files' form, what it consumes first and a lookbehind last: its leading run is guarded", () => {
    expect(problems(pattern(' +-(?=\\p{L})(?<=\\p{L} +-)', '-'))).toEqual([])
    expect(problems(pattern(' +(?=[,;])(?<=[\\p{L}\\p{N})] +)', ''))).toEqual([])
  })

  it('judges a pattern with its context, as the matcher runs it', () => {
    const withContext = (source: string): string =>
      `patterns:\n  - id: p\n    category: spacing\n    pattern: '${source}'\n    replace: 'y'\n    after: [a]\n    before: [b]\n`
    // The context before it is tested once per run of whitespace by the matcher, not as a lookbehind at every character.
    expect(problems(withContext('x'))).toEqual([])
    expect(problems(withContext('x+x+x+z'))).toEqual([expect.stringMatching(/^rules\/x\.yaml:2:5: the pattern of "p" can backtrack catastrophically \(/)])
  })

  it.each(['x*', 'a|', '(?<=a)', '\\b', '(?:)', 'a?'])('reports %j, which can match the empty string', (source) => {
    expect(problems(pattern(source, 'y'))).toEqual([
      'rules/x.yaml:2:5: the pattern of "p" can match the empty string: make it consume at least one character (put what it only looks at in a lookaround)',
    ])
  })

  it.each(["$'", '$`', "a$'b"])('reports a replacement with %j, which copies the text around each match', (replace) => {
    const yaml = `patterns:\n  - id: p\n    category: spacing\n    pattern: 'ab'\n    replace: ${JSON.stringify(replace)}\n`
    expect(problems(yaml)).toEqual([
      'rules/x.yaml:2:5: replacement of "p" uses $\' or $`, which copy the text around the match into it: use groups or lookarounds',
    ])
  })

  it('accepts "$$" followed by a quote, which is a dollar sign and a quote', () => {
    const yaml = `patterns:\n  - id: p\n    category: spacing\n    pattern: 'ab'\n    replace: "$$'"\n`
    expect(problems(yaml)).toEqual([])
  })

  it('accepts a repeated group that runs in linear time', () => {
    expect(problems(pattern('(ab)+', ''))).toEqual([])
    expect(problems(pattern('^(ab)+c', ''))).toEqual([])
  })
})

describe('validateRules: ids', () => {
  it('reports a rule id used twice, across entities and patterns', () => {
    expect(problems(`${entities(entity('    variants: [A]\n'))}patterns:\n  - id: x\n    category: spacing\n    pattern: 'a'\n    replace: 'b'\n`)).toEqual([
      'rules/x.yaml:7:5: duplicate rule id "x" (first at rules/x.yaml:2:5)',
    ])
  })
})

describe('validateRules: rules built as objects', () => {
  it('passes a rule set without problems', () => {
    expect(thrown(() => validateRules([entityRule('x', 'X', ['A', 'B'], 1), patternRule('p', '(a)', '$1', 10, 1)]))).toEqual([])
  })

  it('reports every problem at once, each at the location the rule carries', () => {
    const rules: Rule[] = [
      entityRule('x', 'X', ['A', 'A'], 1, 0),
      entityRule('x', 'A', ['B'], 5, 1),
      patternRule('p', '(', '', 10, 2),
      patternRule('q', '(a)', '$2', 12, 3),
    ]
    expect(thrown(() => validateRules(rules))).toEqual([
      'rules/a.yaml:5:5: duplicate rule id "x" (first at rules/a.yaml:1:5)',
      'rules/a.yaml:3:9: duplicate variant "A" (first at rules/a.yaml:2:9)',
      'rules/a.yaml:5:5: canonical form "A" of "x" is a variant of "x" (rules/a.yaml:2:9): a cycle, cleaning would never settle',
      'rules/a.yaml:5:5: canonical form "A" of "x" is a variant of "x" (rules/a.yaml:3:9): a cycle, cleaning would never settle',
      'rules/a.yaml:10:5: invalid regular expression in "p": Invalid regular expression: /(/gmu: Unterminated group',
      'rules/a.yaml:12:5: replacement of "q" uses $2 but the pattern has 1 group(s)',
    ])
  })

  it('names the file of the first rule in a clash across files', () => {
    const first = entityRule('x', 'X', ['A'], 1)
    const second: EntityRule = { ...entityRule('y', 'Y', ['A'], 1, 1), location: { file: 'rules/b.yaml', line: 3, column: 5 } }
    second.variants[0]!.location = { file: 'rules/b.yaml', line: 4, column: 9 }
    expect(thrown(() => validateRules([first, second]))).toEqual(['rules/b.yaml:4:9: variant "A" is claimed by "y" and "x" (rules/a.yaml:2:9)'])
  })
})

describe('variantKey', () => {
  it('folds whitespace, and case where asked', () => {
    expect([variantKey('  United \n Zard ', false), variantKey('United  ZARD', true)]).toEqual(['United Zard', 'united zard'])
  })
})

describe('validateRules: one line per problem', () => {
  // Regression: rule text with a line break once split an error over two lines; format() escapes it now.
  it('keeps a canonical form with a line break on one line', () => {
    expect(problems('entities:\n  - id: x\n    canonical: "X\\nY"\n    category: person\n    variants: [X Y]\n')).toEqual([
      'rules/x.yaml:2:5: canonical form "X\\nY" of "x" is its own variant: a cycle, cleaning would never settle',
    ])
  })

  it('keeps a variant with a line break on one line', () => {
    expect(problems(entities(entity('    variants: [United Zard, "United\\r\\nZard"]\n')))).toEqual([
      'rules/x.yaml:5:29: duplicate variant "United\\r\\nZard" (first at rules/x.yaml:5:16)',
    ])
  })

  it('keeps an invalid pattern with a line break on one line', () => {
    expect(problems('patterns:\n  - {id: p, category: spacing, pattern: "a(\\n", replace: ""}\n')).toEqual([
      'rules/x.yaml:2:5: invalid regular expression in "p": Invalid regular expression: /a(\\n/gmu: Unterminated group',
    ])
  })
})
