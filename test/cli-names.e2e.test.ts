import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from './helpers/project.js'

// Names the checks flag today: `Lavrova` (a right name: Anna Lavrova) and `Lavroff` sound like Lavrov,
// `Kulebo` is a transliteration close to Kuleba.
const TEXT = [
  'Anna Lavrova spoke at the event in London on Monday.',
  'Pavel Lavroff, a spokesman for the ministry, said the talks went well.',
  'The minister Kulebo visited the factory.',
  '',
].join('\n')

/** The words `check` flags as suspect or unknown, in order. */
const flagged = (stdout: string): string[] => [...stdout.matchAll(/`([^`]+)` is not a known word/g)].map((match) => match[1]!)

function project(): string {
  const dir = tempProject('rules')
  writeFileSync(path.join(dir, 'news.txt'), TEXT)
  return dir
}

describe('mtclean names add', () => {
  it('silences `check` on the added names only, keeping every line of the names file as it was', () => {
    const dir = project()
    const namesFile = path.join(dir, 'rules/names.yaml')
    const before = readFileSync(namesFile)
    expect(flagged(runCli(['check', 'news.txt', '--format', 'unix'], dir).stdout)).toEqual(['Lavrova', 'Lavroff', 'Kulebo'])

    const added = runCli(['names', 'add', 'Lavrova', 'Lavroff'], dir)
    expect(added.status).toBe(0)
    expect(added.stderr).toBe('mtclean: added Lavrova to rules/names.yaml\nmtclean: added Lavroff to rules/names.yaml\n')

    const check = runCli(['check', 'news.txt', '--format', 'unix'], dir)
    expect(flagged(check.stdout)).toEqual(['Kulebo'])
    expect(check.status).toBe(1)

    // The file is the old one with two lines added, at the list's indentation: comments and order kept.
    const after = readFileSync(namesFile, 'utf8')
    const lines = after.split('\n')
    expect(lines.filter((line) => line === '  - Lavrova' || line === '  - Lavroff')).toHaveLength(2)
    expect(Buffer.from(lines.filter((line) => line !== '  - Lavrova' && line !== '  - Lavroff').join('\n'))).toEqual(before)
    expect(after.match(/^\s*#.*$/gm)).toEqual(before.toString('utf8').match(/^\s*#.*$/gm))
  })

  it('reports a name listed already and leaves the file byte-identical', () => {
    const dir = project()
    runCli(['names', 'add', 'Lavrova'], dir)
    const before = readFileSync(path.join(dir, 'rules/names.yaml'))
    const again = runCli(['names', 'add', 'Lavrova', 'YouTube'], dir)
    expect(again.status).toBe(0)
    expect(again.stderr).toBe('mtclean: Lavrova is listed already in rules/names.yaml\nmtclean: YouTube is listed already in rules/names.yaml\n')
    expect(readFileSync(path.join(dir, 'rules/names.yaml'))).toEqual(before)
    expect(readdirSync(path.join(dir, 'rules')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('keeps a CRLF names file CRLF', () => {
    const dir = project()
    const namesFile = path.join(dir, 'rules/names.yaml')
    const crlf = readFileSync(namesFile, 'utf8').replace(/\n/g, '\r\n')
    writeFileSync(namesFile, crlf)
    expect(runCli(['names', 'add', 'Lavrova'], dir).status).toBe(0)
    const after = readFileSync(namesFile, 'utf8')
    expect(after).toBe(`${crlf}  - Lavrova\r\n`)
    expect(flagged(runCli(['check', 'news.txt', '--format', 'unix'], dir).stdout)).toEqual(['Lavroff', 'Kulebo'])
  })

  it('writes words YAML would misread so that they load back as the same strings (names list)', () => {
    const dir = project()
    const tricky = ['1e3', 'null', 'True', 'yes', '#x', 'a: b']
    expect(runCli(['names', 'add', ...tricky], dir).status).toBe(0)
    const list = runCli(['names', 'list'], dir)
    expect(list.status).toBe(0)
    expect(list.stdout.trimEnd().split('\n').slice(-tricky.length)).toEqual(tricky)
  })

  it('makes names.yaml in the first folder of --rules, which check then reads', () => {
    const dir = project()
    mkdirSync(path.join(dir, 'extra'))
    const added = runCli(['names', 'add', 'Kulebo', '--rules', 'extra', 'rules'], dir)
    expect(added.status).toBe(0)
    expect(added.stderr).toBe('mtclean: added Kulebo to extra/names.yaml\n')
    expect(readFileSync(path.join(dir, 'extra/names.yaml'), 'utf8')).toMatch(/^# Names known to be right[^]*\nnames:\n {2}- Kulebo\n$/)
    expect(flagged(runCli(['check', 'news.txt', '--format', 'unix', '--rules', 'rules', 'extra'], dir).stdout)).toEqual(['Lavrova', 'Lavroff'])
  })

  it('refuses, in one line with exit 2 and nothing written, without a rules folder or with a bad word', () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), 'mtclean-'))
    const refused = runCli(['names', 'add', 'Lavrova'], bare)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toBe(
      'mtclean names: no ./rules folder here: create one (mkdir rules) or pass --file PATH (the rules bundled with mtclean are never changed)\n',
    )
    expect(readdirSync(bare)).toEqual([])

    const dir = project()
    const before = readFileSync(path.join(dir, 'rules/names.yaml'))
    const bad = runCli(['names', 'add', 'Lavrova', 'Hu\nLavroff'], dir)
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe('rules/names.yaml: "Hu\\nLavroff": a name must not hold control or invisible characters\n')
    expect(readFileSync(path.join(dir, 'rules/names.yaml'))).toEqual(before)
    expect(existsSync(path.join(dir, 'rules/names.yaml'))).toBe(true)
  })

  it('with --file, writes that file and says when the checks would not read it', () => {
    const dir = project()
    const added = runCli(['names', 'add', 'Lavrova', '--file', 'mine.yaml'], dir)
    expect(added.status).toBe(0)
    expect(added.stderr).toContain('mtclean: added Lavrova to mine.yaml\n')
    expect(added.stderr).toContain('note: the checks read mine.yaml only when given --rules mine.yaml')
    expect(added.stderr).not.toContain(dir)
    expect(flagged(runCli(['check', 'news.txt', '--format', 'unix', '--rules', 'rules', 'mine.yaml'], dir).stdout)).toEqual(['Lavroff', 'Kulebo'])
  })
})
