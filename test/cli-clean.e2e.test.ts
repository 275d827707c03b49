import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT, runCli, snapshotTree, tempProject } from './helpers/project.js'

describe('mtclean clean (end to end, real binary)', () => {
  it('cleans seeds/ into cleaned/ with the diff and report.json (the views only when asked), leaving the inputs alone', () => {
    const dir = tempProject('seeds', 'rules')
    const before = snapshotTree(path.join(dir, 'seeds'))
    const result = runCli(['clean'], dir)
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^mtclean: 5 file\(s\), \d+ change\(s\) by \d+ rule\(s\).* → cleaned\/\n$/)
    expect([...snapshotTree(path.join(dir, 'cleaned')).keys()].sort()).toEqual([
      '.mtclean-manifest.json',
      '000_8f9708c4ec4fda24.txt',
      '001_d702a5174758cb34.txt',
      '002_1662351705a9b550.txt',
      '003_20a4d5e7382ff51f.txt',
      '004_ff1bc3d9e05ffa66.txt',
      'changes.diff',
      'report.json',
    ])
    expect(snapshotTree(path.join(dir, 'seeds'))).toEqual(before)
    // Asked for, the views come too (report.html with a piece per file that has something to show)…
    expect(runCli(['clean', '--report', 'md,html'], dir).status).toBe(0)
    const names = [...snapshotTree(path.join(dir, 'cleaned')).keys()]
    expect(names.filter((name) => name.startsWith('report'))).toEqual(expect.arrayContaining(['report.md', 'report.html', 'report-files/0.js', 'report.json']))
    // …and a run that does not ask removes those of an earlier run, which would tell of another run.
    expect(runCli(['clean'], dir).status).toBe(0)
    expect([...snapshotTree(path.join(dir, 'cleaned')).keys()].filter((name) => name.startsWith('report'))).toEqual(['report.json'])
  })

  it('writes a diff that patch -p1 and git apply turn into the cleaned copies, byte for byte', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    const diff = path.join(dir, 'cleaned/changes.diff')
    for (const tool of ['patch', 'git']) {
      const copy = tempProject('seeds')
      if (tool === 'patch') execFileSync('patch', ['-p1', '-s', '-i', diff], { cwd: copy })
      else execFileSync('git', ['apply', diff], { cwd: copy })
      for (const [name, bytes] of snapshotTree(path.join(copy, 'seeds'))) {
        expect(bytes.equals(readFileSync(path.join(dir, 'cleaned', name))), `${tool}: ${name}`).toBe(true)
      }
    }
  })

  it('changes nothing when run again on its own output', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    const again = runCli(['clean', 'cleaned', '--out', 'again'], dir)
    expect(again.status).toBe(0)
    expect(again.stderr).toMatch(/, 0 change\(s\) by 0 rule\(s\)/)
    expect(readFileSync(path.join(dir, 'again/changes.diff'), 'utf8')).toBe('')
    for (const name of ['000_8f9708c4ec4fda24.txt', '003_20a4d5e7382ff51f.txt']) {
      expect(readFileSync(path.join(dir, 'again', name))).toEqual(readFileSync(path.join(dir, 'cleaned', name)))
    }
  })

  it('writes the same bytes on every run, with no absolute paths', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean', '--report', 'md,html'], dir)
    const first = snapshotTree(path.join(dir, 'cleaned'))
    runCli(['clean', '--report', 'md,html'], dir)
    expect(snapshotTree(path.join(dir, 'cleaned'))).toEqual(first)
    for (const name of ['changes.diff', 'report.json', 'report.md', 'report.html', 'report-files/0.js']) expect(first.get(name)!.toString()).not.toContain(dir)
  })

  it('--dry-run prints the diff and writes nothing', () => {
    const dir = tempProject('seeds', 'rules')
    const result = runCli(['clean', '--dry-run'], dir)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^--- a\/seeds\/000_8f9708c4ec4fda24\.txt\n\+\+\+ b\/seeds\/000_8f9708c4ec4fda24\.txt\n@@ /)
    expect(existsSync(path.join(dir, 'cleaned'))).toBe(false)
  })

  it('keeps each file at its path below the input folder and every byte outside a change', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in/a/b'), { recursive: true })
    // BOM, CRLF line endings, no trailing newline, non-ASCII text and a variant across a line break.
    const source = '\uFEFFRavorov met 王毅 in Moscow.\r\nThe United\r\nZard reported — “China -Russia” ties…'
    writeFileSync(path.join(dir, 'in/a/b/x.txt'), source)
    writeFileSync(path.join(dir, 'in/top.txt'), 'Nothing to change here.\n')
    writeFileSync(path.join(dir, 'in/a/notes.json'), '"Ravorov is not read: only text, Markdown and HTML files are."\n')
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/a/b/x.txt'), 'utf8')).toBe('\uFEFFLavrov met 王毅 in Moscow.\r\nThe Lianhe Zaobao reported — “China-Russia” ties…')
    expect(readFileSync(path.join(dir, 'out/top.txt'), 'utf8')).toBe('Nothing to change here.\n')
    expect(existsSync(path.join(dir, 'out/a/notes.json'))).toBe(false)
    const copy = tempProject()
    mkdirSync(path.join(copy, 'in/a/b'), { recursive: true })
    writeFileSync(path.join(copy, 'in/a/b/x.txt'), source)
    execFileSync('patch', ['-p1', '-s', '-i', path.join(dir, 'out/changes.diff')], { cwd: copy })
    expect(readFileSync(path.join(copy, 'in/a/b/x.txt'))).toEqual(readFileSync(path.join(dir, 'out/a/b/x.txt')))
  })

  it('reports every change in report.json once, with a stable id, offsets and rule; the rest (line, column, rule location) in the views', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean', '--report', 'md'], dir)
    const text = readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8')
    const report = JSON.parse(text)
    expect(report.version).toBe(2)
    const first = report.files[0].changes[0]
    // Only what cannot be derived: no paragraph text, no undecided decision, no line or column (the views derive them).
    expect(first).toEqual({ id: expect.stringMatching(/^[0-9a-f]{12}$/), ruleId: 'hyphen-space', start: 9, end: 11, before: ' -', after: '-' })
    expect(report.rules.find((rule: { ruleId: string }) => rule.ruleId === 'hyphen-space')).toEqual({
      ruleId: 'hyphen-space',
      category: 'spacing',
      rule: expect.stringMatching(/^rules\/spacing\.yaml:\d+:\d+$/),
      count: expect.any(Number),
    })
    expect(report.files[0].sourceHash).toMatch(/^[0-9a-f]{16}$/)
    // The copy's place is left out where the inputs give it (seeds/x.txt → x.txt).
    expect(report.files[0].copy).toBeUndefined()
    expect(text).not.toContain('Russia head will meet')
    const ids = report.files.flatMap((file: { changes: { id: string }[] }) => file.changes.map((change) => change.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(readFileSync(path.join(dir, 'cleaned/report.md'), 'utf8')).toContain('| 1:10 | hyphen-space | `China -Russia` | `China-Russia` | undecided |')
    expect(runCli(['report'], dir).stdout).toContain(`seeds/000_8f9708c4ec4fda24.txt:1:10  undecided  hyphen-space  ␣- → -  ${first.id}\n`)
  })

  it('gives a change the same id after an unrelated edit elsewhere in the file', () => {
    const dir = tempProject('seeds', 'rules')
    runCli(['clean'], dir)
    const idsOf = (): string[] =>
      JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8')).files[1].changes.map((change: { id: string }) => change.id)
    const before = idsOf()
    const file = path.join(dir, 'seeds/001_d702a5174758cb34.txt')
    writeFileSync(file, `A new first paragraph, Ravorov said.\n\n${readFileSync(file, 'utf8')}`)
    runCli(['clean'], dir)
    const after = idsOf()
    expect(after.length).toBe(before.length + 1)
    expect(after.slice(1)).toEqual(before)
  })

  it('reads one file that is not UTF-8, reports it, cleans the rest and exits 1', () => {
    const dir = tempProject('rules')
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in/latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
    writeFileSync(path.join(dir, 'in/ok.txt'), 'Rafrov spoke.\n')
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe('in/latin1.txt: not valid UTF-8 (byte offset 3)')
    expect(readFileSync(path.join(dir, 'out/ok.txt'), 'utf8')).toBe('Lavrov spoke.\n')
    expect(existsSync(path.join(dir, 'out/latin1.txt'))).toBe(false)
  })
})

describe('mtclean clean: usage and configuration errors (one line, exit 2, nothing written)', () => {
  const badRules: [string, string, RegExp][] = [
    ['malformed YAML', 'entities:\n  - id: x\n    canonical: [unclosed\n', /^rules\/bad\.yaml:\d+:\d+: invalid YAML: /],
    [
      'an unknown key',
      'entities:\n  - id: x\n    canonical: X\n    category: person\n    variants: [Y]\n    colour: red\n',
      /^rules\/bad\.yaml:6:5: unknown key "colour"$/,
    ],
    [
      'a bad regex',
      'patterns:\n  - id: broken\n    category: spacing\n    pattern: "a(b"\n    replace: ""\n',
      /^rules\/bad\.yaml:2:5: invalid regular expression in "broken": /,
    ],
    [
      'a regex that backtracks catastrophically',
      "patterns:\n  - id: slow\n    category: spacing\n    pattern: '(\\w+\\s?)+$'\n    replace: ''\n",
      /^rules\/bad\.yaml:2:5: the pattern of "slow" can backtrack catastrophically \((exponential|polynomial)/,
    ],
    [
      'a duplicate variant',
      'entities:\n  - id: x\n    canonical: X\n    category: person\n    variants: [Y, Y]\n',
      /^rules\/bad\.yaml:5:19: duplicate variant "Y" \(first at rules\/bad\.yaml:5:16\)$/,
    ],
    [
      'a variant claimed twice',
      'entities:\n  - id: lavrov-again\n    canonical: Lavrow\n    category: person\n    variants: [Ravorov]\n',
      /^rules\/people\.yaml:\d+:\d+: variant "Ravorov" is claimed by "lavrov" and "lavrov-again" \(rules\/bad\.yaml:5:16\)$/,
    ],
    [
      'a cycle',
      'entities:\n  - id: back\n    canonical: Ravorov\n    category: person\n    variants: [Rawrov]\n',
      /^rules\/bad\.yaml:2:5: canonical form "Ravorov" of "back" is a variant of "lavrov" .*: a cycle/,
    ],
  ]

  for (const [what, yaml, expected] of badRules) {
    it(`${what}`, () => {
      const dir = tempProject('seeds', 'rules')
      writeFileSync(path.join(dir, 'rules/bad.yaml'), yaml)
      const result = runCli(['clean'], dir)
      expect(result.status).toBe(2)
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(result.stderr.trimEnd()).toMatch(expected)
      expect(existsSync(path.join(dir, 'cleaned'))).toBe(false)
    })
  }

  const badUsage: [string, string[], RegExp][] = [
    ['a missing input path', ['clean', 'nowhere'], /^nowhere: no such file or folder$/],
    ['an output folder inside the input', ['clean', 'seeds', '--out', 'seeds/out'], /^seeds\/out: output folder is inside the input folder seeds$/],
    ['an output folder equal to the input', ['clean', 'seeds', '--out', 'seeds'], /^seeds: output folder is the input folder seeds$/],
    ['a missing rules path', ['clean', '--rules', 'norules'], /^norules: no such rule file or folder$/],
    ['an unknown option', ['clean', '--colour'], /^error: unknown option '--colour'/],
  ]
  for (const [what, args, expected] of badUsage) {
    it(`${what}`, () => {
      const dir = tempProject('seeds', 'rules')
      const result = runCli(args, dir)
      expect(result.status).toBe(2)
      expect(result.stderr.split('\n')[0]).toMatch(expected)
      expect(existsSync(path.join(dir, 'cleaned'))).toBe(false)
      expect(existsSync(path.join(dir, 'seeds/out'))).toBe(false)
    })
  }

  it('an output folder that holds files mtclean did not write', () => {
    const dir = tempProject('seeds', 'rules')
    mkdirSync(path.join(dir, 'cleaned'))
    writeFileSync(path.join(dir, 'cleaned/thesis.txt'), 'my own work\n')
    const result = runCli(['clean'], dir)
    expect(result).toMatchObject({
      status: 2,
      stderr: 'cleaned: output folder holds 1 file(s) mtclean did not write (thesis.txt): choose an empty folder or move them\n',
    })
    expect(readFileSync(path.join(dir, 'cleaned/thesis.txt'), 'utf8')).toBe('my own work\n')
    expect(existsSync(path.join(dir, 'cleaned/report.json'))).toBe(false)
    // Its own earlier output, and decisions, are fine.
    rmSync(path.join(dir, 'cleaned/thesis.txt'))
    expect(runCli(['clean'], dir).status).toBe(0)
    runCli(['accept', '--all'], dir)
    expect(runCli(['clean'], dir).status).toBe(0)
  })

  it('prints help and exits 0', () => {
    const result = runCli(['--help'], PROJECT)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Usage: mtclean [options] [command]')
  })
})
