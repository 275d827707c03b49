import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardProjectFolders, PROJECT, projectWithTexts, runCli, snapshotTree } from './helpers/project.js'

// Issue 14, the rules and matching classes, run through the real CLI on a temp folder: hostile rule files
// are refused at load with one line `file:line:column: message` and exit 2, writing nothing (hostile texts
// cleaned in linear time are in hostile-texts.e2e.slow.test.ts). Each test also checks that nothing outside the temp folder changed.

guardProjectFolders()

/** A temp folder with `in/a.txt` and the rule file `hostile.yaml`. */
const project = (rules: string, text = 'Ravorov met the press.\n'): string => projectWithTexts({ 'in/a.txt': text, 'hostile.yaml': rules }, [])

const patternFile = (pattern: string, replace = 'x'): string =>
  `patterns:\n  - id: hostile\n    category: artifact\n    pattern: ${JSON.stringify(pattern)}\n    replace: ${JSON.stringify(replace)}\n`

/** Runs `clean` with the hostile rules and expects it refused: exit 2, the first line, nothing written, the input as it was. */
function expectRefused(dir: string, firstLine: string | RegExp): void {
  const input = snapshotTree(dir)
  const result = runCli(['clean', 'in', '--rules', 'hostile.yaml', '--out', 'out'], dir)
  expect(result.status).toBe(2)
  const [line] = result.stderr.split('\n')
  if (typeof firstLine === 'string') expect(line).toBe(firstLine)
  else expect(line).toMatch(firstLine)
  expect(existsSync(path.join(dir, 'out'))).toBe(false)
  expect(snapshotTree(dir)).toEqual(input)
}

describe('hostile rule files are refused at load', () => {
  it.each([
    ['\\w*\\w*\\w*\\w*\\w*\\w*!', 'polynomial of degree 7'],
    ['[a-z]+[a-z]+[a-z]+[a-z]+\\d', 'polynomial of degree 5'],
    // recheck fuzzes a pattern with a backreference, and finds its degree as 3 or 4.
    ['(a*)\\1*b', 'polynomial of degree [34]'],
    [' +$', 'polynomial of degree 2'],
  ])('a slow pattern %j (%s), though it has no repeated group', (pattern, complexity) => {
    const dir = project(patternFile(pattern))
    expectRefused(
      dir,
      new RegExp(
        `^hostile\\.yaml:2:5: the pattern of "hostile" can backtrack catastrophically \\(${complexity}, e\\.g\\. on ".*"…\\): rewrite it without repeats that can match the same text$`,
      ),
    )
  })

  it.each(['x*', 'a?', '(?=b)'])('a pattern that matches the empty string, %j', (pattern) => {
    expectRefused(
      project(patternFile(pattern)),
      'hostile.yaml:2:5: the pattern of "hostile" can match the empty string: make it consume at least one character (put what it only looks at in a lookaround)',
    )
  })

  it.each(["$'", '$`'])('a replacement with %j, which copies the text around each match into it', (replace) => {
    expectRefused(
      project(patternFile('e', replace)),
      'hostile.yaml:2:5: replacement of "hostile" uses $\' or $`, which copy the text around the match into it: use groups or lookarounds',
    )
  })

  it('an entity and a pattern that undo each other (the text would flip on every run)', () => {
    const rules = `entities:
  - {id: lavrov, canonical: Lavrov, category: person, variants: [Ravorov]}
patterns:
  - {id: back, category: person, pattern: 'Lavrov', replace: 'Ravorov'}
`
    const dir = project(rules)
    expectRefused(
      dir,
      'hostile.yaml:2:5: rules do not settle: "lavrov" changes what "back" (hostile.yaml:4:5) wrote ("Lavrov" → "Ravorov" → "Lavrov"): a second run would change the text again',
    )
    // rules lint reports the same, as not-idempotent.
    const lint = runCli(['rules', 'lint', '--rules', 'hostile.yaml'], dir)
    expect(lint.status).toBe(1)
    expect(lint.stdout.split('\n').filter((line) => line.includes('not-idempotent'))).toEqual([
      expect.stringMatching(/^hostile\.yaml:2:5 {2}warning {2}rules do not settle: "lavrov" changes what "back" .* {2}not-idempotent {2}mtclean$/),
      expect.stringMatching(/^hostile\.yaml:4:5 {2}warning {2}rules do not settle: "back" changes what "lavrov" .* {2}not-idempotent {2}mtclean$/),
    ])
  })

  it('a pattern whose output it matches again', () => {
    expectRefused(
      project(patternFile('ab', 'aab')),
      'hostile.yaml:2:5: rules do not settle: "hostile" changes what "hostile" (hostile.yaml:2:5) wrote ("aab" → "aaab" → "aaaab"): a second run would change the text again',
    )
  })
})

describe('variants', () => {
  const rules = `entities:
  - {id: us, canonical: United States, category: place, variants: [U.S.]}
  - {id: zaobao, canonical: Lianhe Zaobao, category: organisation, variants: [United Zard]}
`
  it('match whole tokens: U.S. stays inside U.S.A. (once "United StatesA.")', () => {
    const dir = project(rules, 'The U.S.A. and the U.S. met.\n')
    const result = runCli(['clean', 'in', '--rules', 'hostile.yaml', '--out', 'out', '--quiet'], dir)
    expect(result.stderr.split('\n')[0]).toBe('mtclean: 1 file(s), 1 change(s) by 1 rule(s) → out/')
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toBe('The U.S.A. and the United States met.\n')
  })

  it("are fixed in capitals and with hyphens, in the text's casing (issue 13 item 6)", () => {
    const dir = project(rules, 'UNITED ZARD: a United-Zard report.\n')
    const result = runCli(['clean', 'in', '--rules', 'hostile.yaml', '--out', 'out', '--quiet'], dir)
    expect(result.stderr.split('\n')[0]).toBe('mtclean: 1 file(s), 2 change(s) by 1 rule(s) → out/')
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toBe('LIANHE ZAOBAO: a Lianhe Zaobao report.\n')
  })

  it("in capitals are fixed by the project's own rules too", () => {
    const dir = project('', 'Singapore UNITED ZARD reported.\n')
    const result = runCli(['clean', 'in', '--rules', path.join(PROJECT, 'rules'), '--out', 'out', '--quiet'], dir)
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toBe('Singapore LIANHE ZAOBAO reported.\n')
  })
})
