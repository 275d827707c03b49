import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardProjectFolders, PROJECT, projectWithTexts, runCli } from './helpers/project.js'

// Issue 14, hostile texts through the real CLI on a temp folder: cleaned in linear time (a few seconds each on
// 300 KB and 2 MB, so they run in `npm run test:slow`; hostile rule files are in hostile-rules.e2e.test.ts).
// Each test also checks that nothing outside the temp folder changed.

guardProjectFolders()

/** A temp folder with `in/a.txt` and the rule file `hostile.yaml`. */
const project = (rules: string, text = 'Ravorov met the press.\n'): string => projectWithTexts({ 'in/a.txt': text, 'hostile.yaml': rules }, [])

describe('hostile texts are cleaned in linear time', () => {
  it('patterns `ab` and `ba` on 300 KB of `abab…` (a chain of 300,000 overlaps: once a stack overflow)', () => {
    const rules = `patterns:
  - {id: ab, category: artifact, pattern: 'ab', replace: 'AB'}
  - {id: ba, category: artifact, pattern: 'ba', replace: 'BA'}
`
    const dir = project(rules, 'ab'.repeat(150_000))
    const result = runCli(['clean', 'in', '--rules', 'hostile.yaml', '--dry-run'], dir)
    expect(result.stderr.split('\n')[0]).toBe('mtclean: 1 file(s), 150000 change(s) by 1 rule(s), 149999 not applied (dry run: nothing written)')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`+${'AB'.repeat(150_000)}`)
  })

  it("the project's spacing rules on a megabyte of spaces (quadratic before their leading run was guarded)", () => {
    const spaces = ' '.repeat(1_000_000)
    const dir = project('', `China${spaces}-Russia talks in Moscow${spaces}, and more.\n`)
    const result = runCli(['clean', 'in', '--rules', path.join(PROJECT, 'rules'), '--out', 'out', '--quiet'], dir)
    expect(result.stderr.split('\n')[0]).toBe('mtclean: 1 file(s), 2 change(s) by 2 rule(s) → out/')
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toBe('China-Russia talks in Moscow, and more.\n')
  })
})
