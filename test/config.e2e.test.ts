import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardProjectFolders, PROJECT, projectWithTexts, runCli, snapshotTree } from './helpers/project.js'

// These runs use the clone's bundled rules: they must never write there (only rules/: the whole tree takes long to compare on a loaded machine).
guardProjectFolders(['rules'])

// A sentence of the seeds with two known variants a rule fixes (known-variant findings when checked).
const GARBLED = 'Ravorov met Asia Danian.\n'

/** A project with a config and texts in in/; no rules folder of its own: the bundled rules apply. */
function configured(config: string, texts: Record<string, string> = { 'in/a.txt': GARBLED }): string {
  const dir = projectWithTexts(texts, [])
  writeFileSync(path.join(dir, 'mtclean.config.yaml'), config)
  return dir
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8')

describe('the project config', () => {
  it('is found from a subfolder: its inputs and output folder, relative to the config, apply', () => {
    const dir = configured('inputs: [in]\nout: out\n', { 'in/a.txt': GARBLED, 'in/2024/b.txt': 'Rafrov left.\n' })
    const result = runCli(['clean', '-q'], path.join(dir, 'in/2024'))
    expect(result.stderr).toBe('mtclean: 2 file(s), 3 change(s) by 2 rule(s) → ../../out/\n')
    expect(result.status).toBe(0)
    expect(read(dir, 'out/a.txt')).toBe('Lavrov met ASEAN.\n')
    expect(read(dir, 'out/2024/b.txt')).toBe('Lavrov left.\n')
    const check = runCli(['check', '--format', 'unix', '-q'], path.join(dir, 'in'))
    expect(check.stdout.split('\n').map((line) => line.split('  ')[0])).toEqual(['2024/b.txt:1:1-1:7', 'a.txt:1:1-1:8', 'a.txt:1:13-1:24', ''])
  })

  it('loses to the command line: paths and --out given win', () => {
    const dir = configured('inputs: [nothing-here]\nout: out\n')
    expect(runCli(['clean', 'in', '--out', 'elsewhere', '-q'], dir).status).toBe(0)
    expect(read(dir, 'elsewhere/a.txt')).toBe('Lavrov met ASEAN.\n')
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
  })

  it('with a bad key: one line at file:line:column, exit 2, nothing written', () => {
    const dir = configured('out: out\ninptus: [in]\n')
    const result = runCli(['clean', 'in'], path.join(dir, 'in'))
    expect(result).toMatchObject({ status: 2, stdout: '' })
    expect(result.stderr).toBe('../mtclean.config.yaml:2:1: unknown key "inptus" (known: inputs, out, rules, checks, report, extensions, ignore)\n')
    const severity = runCli(['check', 'in'], configured('checks:\n  known-variant: loud\n'))
    expect(severity).toMatchObject({ status: 2, stderr: 'mtclean.config.yaml:2:18: the severity of known-variant must be one of: off, warn, error\n' })
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
  })

  it('a check switched off stays silent, in check and in clean --check', () => {
    const dir = configured('checks:\n  known-variant: off\n')
    expect(runCli(['check', 'in', '--format', 'unix', '-q'], dir)).toMatchObject({ status: 0, stdout: '' })
    const on = runCli(['check', 'in', '--format', 'unix', '-q'], configured('out: out\n'))
    expect(on.status).toBe(1)
    expect(on.stdout).toMatch(/known-variant/)
    const piped = spawnSync(process.execPath, [path.join(PROJECT, 'bin/mtclean.js'), 'check', '-', '--format', 'unix'], {
      cwd: dir,
      input: GARBLED,
      encoding: 'utf8',
    })
    expect(piped).toMatchObject({ status: 0, stdout: '' })
    // clean --check: a finding the cleaning leaves (a repeated word no rule fixes) is not listed when its check is off.
    const texts = { 'in/a.txt': 'Wang Yi said the the talks went well.\n' }
    const listed = runCli(['clean', 'in', '--check', '--out', 'out', '-q'], configured('out: out\n', texts))
    expect(listed.stderr).toBe('mtclean: 1 file(s), 0 change(s) by 0 rule(s), 1 finding(s) to review → out/\n')
    const silent = configured('checks:\n  repeated-word: off\n', texts)
    expect(runCli(['clean', 'in', '--check', '--out', 'out', '-q', '--report', 'md'], silent).stderr).toBe(
      'mtclean: 1 file(s), 0 change(s) by 0 rule(s), 0 finding(s) to review → out/\n',
    )
    expect(read(silent, 'out/report.md')).not.toMatch(/repeated-word/)
  })

  it('a warn is reported but keeps exit 0; an error is an error and exits 1; --max-warnings counts the warns', () => {
    const warn = configured('checks:\n  known-variant: warn\n')
    const warned = runCli(['check', 'in', '--format', 'unix', '-q'], warn)
    expect(warned.status).toBe(0)
    expect(warned.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^in\/a\.txt:1:1-1:8 {2}warning {2}.*known-variant {2}mtclean$/),
      expect.stringMatching(/^in\/a\.txt:1:13-1:24 {2}warning {2}.*known-variant {2}mtclean$/),
    ])
    expect(runCli(['check', 'in', '-q', '--max-warnings', '2'], warn).status).toBe(0)
    const over = runCli(['check', 'in', '-q', '--max-warnings', '1'], warn)
    expect(over.status).toBe(1)
    expect(over.stderr).toBe('mtclean: 1 file(s) checked, 2 problem(s) (more than --max-warnings 1)\n')
    const error = runCli(['check', 'in', '--format', 'unix', '-q', '--max-warnings', '10'], configured('checks:\n  known-variant: error\n'))
    expect(error.status).toBe(1)
    expect(error.stdout).toMatch(/^in\/a\.txt:1:1-1:8 {2}error {2}/)
    expect(error.stderr).toBe('mtclean: 1 file(s) checked, 2 problem(s) (2 error(s))\n')
  })

  it('leaves an ignored phrase alone: clean changes nothing that meets it, check reports nothing in it', () => {
    // A site's headline separator, and a garble kept on purpose inside a quoted title.
    const text = 'Ravorov met Asia Danian - Ecns.cn\nThe film "Asia Danian" opens today.\n'
    const dir = configured('ignore:\n  - Danian - Ecns.cn\n  - regex: \'"[^"]*"\'\n', { 'in/a.txt': text })
    expect(runCli(['clean', 'in', '--out', 'out', '-q'], dir).status).toBe(0)
    expect(read(dir, 'out/a.txt')).toBe('Lavrov met Asia Danian - Ecns.cn\nThe film "Asia Danian" opens today.\n')
    const check = runCli(['check', 'in', '--format', 'unix', '-q'], dir)
    expect(check.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^in\/a\.txt:1:1-1:8 {2}warning {2}`Ravorov` is a known variant/)])
    const piped = spawnSync(process.execPath, [path.join(PROJECT, 'bin/mtclean.js'), 'clean', '-'], { cwd: dir, input: text, encoding: 'utf8' })
    expect(piped.stdout).toBe('Lavrov met Asia Danian - Ecns.cn\nThe film "Asia Danian" opens today.\n')
  })

  it('names the extensions searched in folders', () => {
    const dir = configured('extensions: [txt, text]\n', { 'in/a.txt': GARBLED, 'in/b.text': 'Rafrov left.\n', 'in/c.md': 'Rafrov left.\n' })
    expect(runCli(['clean', 'in', '--out', 'out', '-q'], dir).status).toBe(0)
    expect(snapshotTree(path.join(dir, 'out')).has('b.text')).toBe(true)
    expect(existsSync(path.join(dir, 'out/c.md'))).toBe(false)
  })

  it('without inputs, clean says where to list them', () => {
    const result = runCli(['clean'], configured('out: out\n'))
    expect(result).toMatchObject({ status: 2, stderr: 'mtclean: name the files or folders to work on, or list them under `inputs:` in mtclean.config.yaml\n' })
  })
})

/** mtclean as installed elsewhere: a copy of the package (its bin, dist, bundled rules and data), its modules linked. */
function installedPackage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mtclean-installed-'))
  for (const part of ['bin', 'dist', 'rules', 'data', 'docs', 'package.json']) cpSync(path.join(PROJECT, part), path.join(dir, part), { recursive: true })
  symlinkSync(path.join(PROJECT, 'node_modules'), path.join(dir, 'node_modules'))
  return dir
}

function runInstalled(pkg: string, args: string[], cwd: string) {
  return spawnSync(process.execPath, [path.join(pkg, 'bin/mtclean.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
}

describe('mtclean init', () => {
  it('writes a commented config and a rules folder; then rules add and names add write into the project, never into the package', () => {
    const pkg = installedPackage()
    const bundled = snapshotTree(path.join(pkg, 'rules'))
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mtclean-new-project-'))
    mkdirSync(path.join(dir, 'articles'))
    writeFileSync(path.join(dir, 'articles/a.txt'), 'Hu Qiaoly met Ravorov.\n')
    // Before init: no project rules folder, so rules add refuses instead of writing into the package.
    const refused = runInstalled(pkg, ['rules', 'add', '--canonical', 'Hu Qiaoli', '--variant', 'Hu Qiaoly', '--category', 'person'], dir)
    expect(refused).toMatchObject({
      status: 2,
      stderr: 'mtclean rules add: no project rules folder here: run `mtclean init` (or pass --rules DIR); the rules bundled with mtclean are never changed\n',
    })

    expect(runInstalled(pkg, ['init'], dir).status).toBe(0)
    expect(read(dir, 'mtclean.config.yaml')).toMatch(/^# mtclean project configuration/)
    expect(read(dir, 'rules/example.yaml')).toMatch(/^# The project's own rules/)
    const again = runInstalled(pkg, ['init'], dir)
    expect(again).toMatchObject({ status: 2, stderr: 'mtclean.config.yaml: a project config is here already: edit it (init never overwrites one)\n' })

    const sub = path.join(dir, 'articles')
    const added = runInstalled(pkg, ['rules', 'add', '--canonical', 'Hu Qiaoli', '--variant', 'Hu Qiaoly', '--category', 'person'], sub)
    expect(added).toMatchObject({ status: 0, stderr: 'mtclean: changed ../rules/people.yaml (new file)\n' })
    expect(runInstalled(pkg, ['names', 'add', 'Qiaoli'], sub).status).toBe(0)
    expect(read(dir, 'rules/names.yaml')).toMatch(/- Qiaoli\n$/)
    // A variant for an entity of the bundled layer is refused, not written there.
    const bundledEntity = runInstalled(pkg, ['rules', 'add', '--canonical', 'Lavrov', '--variant', 'Lavroff'], sub)
    expect(bundledEntity.status).toBe(2)
    expect(bundledEntity.stderr).toMatch(/is an entity of a rule layer this project does not write/)
    expect(snapshotTree(path.join(pkg, 'rules'))).toEqual(bundled)

    // The bundled rules and the project's apply together.
    expect(runInstalled(pkg, ['clean', 'articles', '-q'], dir).status).toBe(0)
    expect(read(dir, 'cleaned/a.txt')).toBe('Hu Qiaoli met Lavrov.\n')
  })
})
