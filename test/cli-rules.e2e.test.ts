import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from './helpers/project.js'

const diff = (a: string, b: string): string => {
  try {
    return execFileSync('git', ['diff', '--no-index', '--no-color', '-U0', a, b], { encoding: 'utf8' })
  } catch (error) {
    return (error as { stdout: string }).stdout
  }
}
const hunks = (text: string): string[] => text.split('\n').filter((line) => /^[-+](?![-+])/.test(line))

describe('mtclean rules add', () => {
  it('adds variants to an existing entity, changing only that line of a commented file', () => {
    const dir = tempProject('rules')
    const before = path.join(dir, 'before.yaml')
    writeFileSync(before, readFileSync(path.join(dir, 'rules/people.yaml')))
    expect(runCli(['rules', 'add', '--canonical', 'Lavrov', '--variant', 'Lavroff', "Lavrov'"], dir).status).toBe(0)
    expect(hunks(diff(before, path.join(dir, 'rules/people.yaml')))).toEqual([
      '-    variants: [Ravorov, Rafrov]',
      "+    variants: [Ravorov, Rafrov, Lavroff, Lavrov']",
    ])
  })

  it('adds to a block list in its own style, and creates a new entity in its category file', () => {
    const dir = tempProject('rules', 'seeds')
    const organisations = path.join(dir, 'before.yaml')
    writeFileSync(organisations, readFileSync(path.join(dir, 'rules/organisations.yaml')))
    runCli(['rules', 'add', '--canonical', 'ASEAN', '--variant', 'Dongmeng'], dir)
    expect(hunks(diff(organisations, path.join(dir, 'rules/organisations.yaml')))).toEqual(['+      - Dongmeng'])
    const places = path.join(dir, 'places-before.yaml')
    writeFileSync(places, readFileSync(path.join(dir, 'rules/places.yaml')))
    expect(runCli(['rules', 'add', '--canonical', 'Vientiane', '--variant', 'Wanxiang', '--category', 'place'], dir).status).toBe(0)
    expect(hunks(diff(places, path.join(dir, 'rules/places.yaml')))).toEqual([
      '+',
      '+  - id: vientiane',
      '+    canonical: Vientiane',
      '+    category: place',
      '+    variants: [Wanxiang]',
    ])
    const check = runCli(['clean', '--dry-run'], dir)
    expect(check.status).toBe(0)
  })

  it('refuses a variant another entity claims, and a cycle, leaving the files byte-identical', () => {
    const dir = tempProject('rules')
    const people = readFileSync(path.join(dir, 'rules/people.yaml'))
    const claimed = runCli(['rules', 'add', '--canonical', 'Blinken', '--variant', 'Ravorov'], dir)
    expect(claimed.status).toBe(2)
    expect(claimed.stderr).toMatch(
      /^mtclean rules add: refused, the rule set would not be valid \(nothing written\):\nrules\/people\.yaml:\d+:\d+: variant "Ravorov" is claimed by "blinken" and "lavrov"/,
    )
    const cycle = runCli(['rules', 'add', '--canonical', 'Ravorov', '--variant', 'Rawrov', '--category', 'person'], dir)
    expect(cycle.status).toBe(2)
    expect(cycle.stderr).toMatch(/a cycle, cleaning would never settle/)
    expect(readFileSync(path.join(dir, 'rules/people.yaml'))).toEqual(people)
  })
})

describe('mtclean rules test / list / lint', () => {
  it('runs every example and passes on the shipped rules', () => {
    const result = runCli(['rules', 'test'], tempProject('rules'))
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^\d+ examples of \d+ rules: \d+ passed, 0 failed\n$/)
  })

  it('reports a failing example like a test runner and exits 1', () => {
    const dir = tempProject('rules')
    const file = path.join(dir, 'rules/people.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('after: Russian Foreign Minister Lavrov said', 'after: Russian Foreign Minister Lavrow said'))
    const result = runCli(['rules', 'test'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('✗ lavrov: "Russian Foreign Minister Ravorov said"  rules/people.yaml:11:9\n')
    expect(result.stdout).toContain('    expected: "Russian Foreign Minister Lavrow said"\n    actual:   "Russian Foreign Minister Lavrov said"\n')
    expect(result.stdout).toMatch(/: \d+ passed, 1 failed\n$/)
  })

  it('lists entities with their variants, by category, as text or JSON', () => {
    const dir = tempProject('rules')
    expect(runCli(['rules', 'list', '--category', 'person'], dir).stdout).toContain('lavrov  person  Lavrov ← Ravorov, Rafrov  rules/people.yaml:4:5\n')
    const rows = JSON.parse(runCli(['rules', 'list', '--format', 'json'], dir).stdout)
    expect(rows.find((row: { id: string }) => row.id === 'lianhe-zaobao')).toMatchObject({
      kind: 'entity',
      canonical: 'Lianhe Zaobao',
      variants: ['United Zard', 'United Morning Post', 'Lianhe Morning Post'],
    })
  })

  it('lints the shipped rules clean against the seeds', () => {
    const dir = tempProject('rules', 'seeds')
    expect(runCli(['rules', 'lint', '--corpus', 'seeds'], dir)).toMatchObject({ status: 0, stdout: '' })
  })
})
