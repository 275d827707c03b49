import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, guardProjectFolders, projectWithTexts, runCli, snapshotTree } from './helpers/project.js'

guardProjectFolders()

// Hostile and unlucky input (issue 14): no hang, no crash, no escape, no self-inflicted lockout. Each case
// asserts the exit status, the first line of stderr, and that nothing outside the temp folder changed.

const TEXT = 'Russian Foreign Minister Ravorov met the China -Russia group.\n'

const project = (): string => projectWithTexts({ 'in/a.txt': TEXT, 'in/b.txt': TEXT })
const firstLine = (text: string): string => text.split('\n')[0]!

describe('only regular files are read, bounded in size', () => {
  it('names a FIFO among the inputs and skips it, without blocking', () => {
    const dir = project()
    execFileSync('mkfifo', [path.join(dir, 'in/pipe.txt')])
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(firstLine(result.stderr)).toBe('in/pipe.txt: is a named pipe (FIFO), not a regular file: not read')
    expect(readFileSync(path.join(dir, 'out/a.txt'), 'utf8')).toContain('Lavrov')
  })

  it('refuses a FIFO given as --rules with one line and exit 2', () => {
    const dir = project()
    execFileSync('mkfifo', [path.join(dir, 'rules.yaml')])
    const result = runCli(['clean', 'in', '--out', 'out', '--rules', 'rules.yaml'], dir)
    expect(result.status).toBe(2)
    expect(firstLine(result.stderr)).toBe('rules.yaml: is a named pipe (FIFO), not a regular file: not read')
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
  })

  it('refuses /dev/zero as an input instead of reading it for ever', () => {
    const dir = project()
    const result = runCli(['check', '/dev/zero'], dir)
    expect(result.status).toBe(1)
    expect(firstLine(result.stderr)).toBe(`${path.relative(dir, '/dev/zero')}: is a device, not a regular file: not read`)
  })

  it('refuses a 200 MB file with the limit named, and cleans the rest', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'in/big.txt'), '')
    truncateSync(path.join(dir, 'in/big.txt'), 200 * 1024 * 1024)
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(firstLine(result.stderr)).toBe('in/big.txt: too large: 200 MB, the limit is 64 MB a file (split it)')
    expect(existsSync(path.join(dir, 'out/a.txt'))).toBe(true)
  })

  it('caps --jobs by files and cores: --jobs 1000 on 2 files runs as a small run', () => {
    const dir = project()
    const result = runCli(['clean', 'in', '--out', 'out', '--jobs', '1000'], dir)
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/b.txt'), 'utf8')).toContain('Lavrov')
  })
})

describe('the output folder: no self-inflicted lockout, no second run at once, no loop through a link', () => {
  it('keeps working after an input is renamed or deleted', () => {
    const dir = project()
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    renameSync(path.join(dir, 'in/a.txt'), path.join(dir, 'in/c.txt'))
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    const again = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(again).toMatchObject({ status: 0, stderr: expect.stringMatching(/^mtclean: 2 file\(s\)/) })
  })

  it('removes what a killed run left (temporary files, a lock of a process that is gone)', () => {
    const dir = project()
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    writeFileSync(path.join(dir, 'out/.a.txt.mtclean-999999-0-3.tmp'), 'half')
    writeFileSync(path.join(dir, 'out/.mtclean.lock'), '4194303\n')
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    expect(readdirSync(path.join(dir, 'out')).filter((name) => name.endsWith('.tmp') || name === '.mtclean.lock')).toEqual([])
  })

  it('runs again after a run killed with SIGKILL or SIGHUP in the middle', async () => {
    for (const signal of ['SIGKILL', 'SIGHUP'] as const) {
      const texts: Record<string, string> = {}
      for (let index = 0; index < 400; index++) texts[`in/${String(index).padStart(3, '0')}.txt`] = TEXT.repeat(50)
      const dir = projectWithTexts(texts)
      const run = spawn(process.execPath, [BIN, 'clean', 'in', '--out', 'out', '--jobs', '1'], { cwd: dir, stdio: 'ignore' })
      // Killed once it has written some copies (a bounded wait: at most 30 s).
      for (let attempt = 0; attempt < 300 && !existsSync(path.join(dir, 'out/001.txt')); attempt++) await new Promise((resolve) => setTimeout(resolve, 100))
      run.kill(signal)
      await new Promise((resolve) => run.on('exit', resolve))
      const again = runCli(['clean', 'in', '--out', 'out'], dir)
      expect(again.stderr.split('\n')[0], signal).toMatch(/^mtclean: 400 file\(s\)/)
      expect(again.status).toBe(0)
      expect(readdirSync(path.join(dir, 'out')).filter((name) => name.endsWith('.tmp') || name === '.mtclean.lock')).toEqual([])
    }
  })

  it('refuses a second run into a folder another run is writing', () => {
    const dir = project()
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    const before = snapshotTree(path.join(dir, 'out'))
    // This test's own process stands for a run under way.
    writeFileSync(path.join(dir, 'out/.mtclean.lock'), `${process.pid}\n`)
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(2)
    expect(firstLine(result.stderr)).toBe(
      `out: another mtclean run (process ${process.pid}) is writing this folder: wait for it to end (or remove .mtclean.lock if it is gone)`,
    )
    const after = snapshotTree(path.join(dir, 'out'))
    after.delete('.mtclean.lock')
    expect(after).toEqual(before)
  })

  it('refuses an output folder that is inside the input by way of a link', () => {
    const dir = project()
    mkdirSync(path.join(dir, 'in/sub'))
    symlinkSync('in/sub', path.join(dir, 'outlink'))
    const result = runCli(['clean', 'in', '--out', 'outlink'], dir)
    expect(result.status).toBe(2)
    expect(firstLine(result.stderr)).toBe('outlink: output folder is inside the input folder in')
    expect(readdirSync(path.join(dir, 'in/sub'))).toEqual([])
  })

  it('refuses --out naming a file', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'out'), 'a file')
    expect(runCli(['clean', 'in', '--out', 'out'], dir)).toMatchObject({ status: 2, stderr: 'out: is not a folder: choose a folder for --out\n' })
    expect(readFileSync(path.join(dir, 'out'), 'utf8')).toBe('a file')
  })

  it('refuses --out / at once, --out /proc/x (no spinning), and a dangling link, each in one line', () => {
    const dir = project()
    const root = runCli(['clean', 'in', '--out', '/'], dir)
    expect(root.status).toBe(2)
    expect(firstLine(root.stderr)).toMatch(/^(\.\.\/)+\.\.: output folder holds \d+ file\(s\) mtclean did not write \(/)
    const proc = runCli(['clean', 'in', '--out', '/proc/x'], dir)
    expect(proc.status).toBe(2)
    expect(firstLine(proc.stderr)).toMatch(/^(\.\.\/)+proc\/x: no such file or folder$/)
    symlinkSync('/nonexistent/folder', path.join(dir, 'dangling'))
    const dangling = runCli(['clean', 'in', '--out', 'dangling'], dir)
    expect(dangling.status).toBe(2)
    expect(firstLine(dangling.stderr)).toBe('dangling: is a link to nothing: make the folder it names, or choose another --out')
  })

  it('cleans a file with a legal 246-character name (the temporary name stays within 255 bytes)', () => {
    const dir = project()
    const name = `${'n'.repeat(242)}.txt`
    writeFileSync(path.join(dir, 'in', name), TEXT)
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    expect(readFileSync(path.join(dir, 'out', name), 'utf8')).toContain('Lavrov')
  })
})

describe('file names: escaped where they are shown, quoted in the diff as git does', () => {
  it('prints control characters of a file name visibly, never raw', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'in', 'x\u001b[2Jy.txt'), 'Ravorov Ravorov.\n')
    const unix = runCli(['check', 'in', '--format', 'unix', '--out', 'out'], dir)
    const text = runCli(['check', 'in', '--out', 'out'], dir)
    for (const output of [unix.stdout, text.stdout]) {
      expect(output).not.toContain('\u001b')
      expect(output).toContain('x\\u001b[2Jy.txt')
    }
  })

  it('writes a diff that git apply and patch -p1 take for names with a space, a quote and a newline', () => {
    const dir = project()
    const names = ['my file.txt', 'say "hi".txt', 'new\nline.txt']
    for (const name of names) writeFileSync(path.join(dir, 'in', name), TEXT)
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    const diff = readFileSync(path.join(dir, 'out/changes.diff'), 'utf8')
    expect(diff).toContain('--- a/in/my file.txt\t\n')
    expect(diff).toContain('--- "a/in/new\\nline.txt"\n')
    execFileSync('git', ['init', '-q'], { cwd: dir })
    const check = spawnSync('git', ['apply', '--check', '-p1', 'out/changes.diff'], { cwd: dir, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    execFileSync('git', ['apply', '-p1', 'out/changes.diff'], { cwd: dir })
    for (const name of [...names, 'a.txt']) expect(readFileSync(path.join(dir, 'in', name), 'utf8')).toBe(readFileSync(path.join(dir, 'out', name), 'utf8'))
  })
})

describe('crashes become one-line errors; unclear messages say what is wrong', () => {
  it('checks a 200 KB token like a.a.a… without overflowing the parser', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'in/tok.txt'), `${'a.'.repeat(100_000)}\n`)
    const result = runCli(['check', 'in/tok.txt', '--out', 'out'], dir)
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('mtclean: 1 file(s) checked, 0 problem(s)\n')
  })

  it('says a file name is not valid UTF-8 instead of "no such file"', () => {
    const dir = project()
    writeFileSync(Buffer.from(path.join(dir, 'in/bad\xff.txt'), 'latin1'), TEXT)
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(firstLine(result.stderr)).toBe('in/bad\ufffd.txt: its name is not valid UTF-8: rename it')
  })

  it('refuses a hand-edited review file item by item (variants as a string, no canonical form, an unknown category)', () => {
    const dir = project()
    const before = snapshotTree(path.join(dir, 'rules'))
    const cases: [string, string][] = [
      ['  - canonical: Lavrov\n    variants: X\n', 'suggestion 1: variants must be a list of texts'],
      ['  - canonical: null\n    variants: [X]\n', 'suggestion 1: name the canonical form (a text), or delete the suggestion'],
      [
        '  - canonical: Lavrov\n    variants: [X]\n    category: nonsense\n',
        'suggestion 1: category must be one of person, organisation, place, term, spacing, artifact',
      ],
    ]
    for (const [body, message] of cases) {
      writeFileSync(path.join(dir, 'review.yaml'), `suggestions:\n${body}`)
      expect(runCli(['rules', 'add', '--from', 'review.yaml'], dir)).toMatchObject({ status: 2, stderr: `review.yaml: ${message}\n` })
    }
    expect(snapshotTree(path.join(dir, 'rules'))).toEqual(before)
  })

  it('refuses a gold file of null with one line', () => {
    const dir = project()
    mkdirSync(path.join(dir, 'gold'))
    writeFileSync(path.join(dir, 'gold/a.gold.json'), 'null')
    expect(runCli(['eval', '--gold', 'gold', 'in'], dir)).toMatchObject({
      status: 2,
      stderr: 'gold/a.gold.json: not a gold annotation: expected an object with "file" and the annotated spans\n',
    })
  })
})

describe('escapes and unclear messages (issue 14)', () => {
  it('rules list prints a rule text with a control character visibly', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'rules/zz.yaml'), 'entities:\n  - id: zz\n    canonical: "Zz\\e[2J"\n    category: term\n    variants: [Zzx]\n')
    const result = runCli(['rules', 'list'], dir)
    expect(result.status).toBe(0)
    expect(result.stdout).not.toContain('\u001b')
    expect(result.stdout).toContain('Zz\\u001b[2J')
  })

  it('puts a file name into report.md as text, never as Markdown', () => {
    const dir = project()
    writeFileSync(path.join(dir, 'in', '# [x](http:evil) |.txt'), TEXT)
    expect(runCli(['clean', 'in', '--out', 'out', '--report', 'md'], dir).status).toBe(0)
    const markdown = readFileSync(path.join(dir, 'out/report.md'), 'utf8')
    expect(markdown).toContain('## `in/# [x](http:evil) \\|.txt`\n')
  })

  it('says a --rules folder holds no rule file instead of running with none', () => {
    const dir = project()
    mkdirSync(path.join(dir, 'empty'))
    expect(runCli(['check', 'in/a.txt', '--rules', 'empty'], dir)).toMatchObject({ status: 2, stderr: 'empty: no rule files (*.yaml, *.yml) in this folder\n' })
  })

  it('rules add keeps a CRLF rule file CRLF', () => {
    const dir = project()
    writeFileSync(
      path.join(dir, 'rules/extra.yaml'),
      'entities:\r\n  - id: zorgon\r\n    canonical: Zorgon\r\n    category: person\r\n    variants:\r\n      - Zorgn\r\n',
    )
    expect(runCli(['rules', 'add', '--canonical', 'Zorgon', '--variant', 'Zorgone'], dir).status).toBe(0)
    const text = readFileSync(path.join(dir, 'rules/extra.yaml'), 'utf8')
    expect(text).toContain('Zorgone')
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true)
  })

  it('suggest --write never overwrites an input', () => {
    const dir = project()
    expect(runCli(['suggest', 'in', '--write', 'in/a.txt'], dir)).toMatchObject({
      status: 2,
      stderr: 'in/a.txt: is one of the texts read: the review file must go elsewhere\n',
    })
    expect(readFileSync(path.join(dir, 'in/a.txt'), 'utf8')).toBe(TEXT)
  })
})

it('loads a names list of 130,000 entries (no list is spread into a call)', () => {
  const dir = project()
  writeFileSync(path.join(dir, 'rules/names.yaml'), `names:\n${Array.from({ length: 130_000 }, (_, index) => `  - Name${index}x\n`).join('')}`)
  const result = runCli(['clean', 'in', '--out', 'out'], dir)
  expect(result).toMatchObject({ status: 0, stderr: expect.stringMatching(/^mtclean: 2 file\(s\), 4 change\(s\)/) })
})

it('resolves patterns ab and ba on 1 MB of abab… in linear time, and refuses a file with more changes than its report can hold', () => {
  const dir = projectWithTexts({
    'in/a.txt': 'ab'.repeat(500_000),
    'in/b.txt': TEXT,
    'ab-rules/r.yaml':
      "patterns:\n  - id: ab\n    category: spacing\n    pattern: 'ab'\n    replace: 'x'\n  - id: ba\n    category: spacing\n    pattern: 'ba'\n    replace: 'y'\n",
  })
  const result = runCli(['clean', 'in', '--out', 'out', '--rules', 'ab-rules'], dir)
  expect(result.status).toBe(1)
  expect(firstLine(result.stderr)).toBe(
    'in/a.txt: the rules propose 999,999 changes in this file (the limit is 500,000): a rule matches almost everywhere; check the rules or split the file',
  )
  expect(existsSync(path.join(dir, 'out/b.txt'))).toBe(true)
})
