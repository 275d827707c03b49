import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, projectWithTexts, runCli, SEEDS, snapshotTree } from './helpers/project.js'
import { runCliWithStdin } from './helpers/stdin.js'

const SENTENCE = 'Ravorov met Asia Danian.'

describe('clean - (stdin to stdout)', () => {
  it('prints the cleaned text and nothing else, and writes no file', () => {
    const dir = projectWithTexts({})
    const before = snapshotTree(dir)
    const result = runCliWithStdin(['clean', '-'], dir, SENTENCE)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.toString('utf8')).toBe('Lavrov met ASEAN.')
    expect(snapshotTree(dir)).toEqual(before) // no output folder, no reports
  })

  it('writes what the folder run writes as the cleaned copy, byte for byte (the seeds in one text)', () => {
    const seeds = readdirSync(SEEDS)
      .sort()
      .map((name) => readFileSync(path.join(SEEDS, name)))
    const dir = projectWithTexts({ 'texts/all.txt': Buffer.concat(seeds).toString('utf8') })
    expect(runCli(['clean', 'texts', '--out', 'out'], dir).status).toBe(0)
    const streamed = runCliWithStdin(['clean', '-'], dir, readFileSync(path.join(dir, 'texts/all.txt')))
    expect(streamed.status).toBe(0)
    const copy = readFileSync(path.join(dir, 'out/all.txt'))
    expect(copy.equals(readFileSync(path.join(dir, 'texts/all.txt')))).toBe(false)
    expect(streamed.stdout.equals(copy)).toBe(true)
  })

  it('waits for a slow writer in a shell pipeline (a synchronous read of a pipe failed with EAGAIN)', () => {
    const dir = projectWithTexts({})
    const script = `(printf 'Ravorov '; sleep 1; printf 'met Asia Danian.') | '${process.execPath}' '${BIN}' clean -`
    const result = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('Lavrov met ASEAN.')
  })

  it('keeps the bytes it does not change: a BOM, CRLF line ends, no final newline', () => {
    const dir = projectWithTexts({})
    const input = Buffer.from('\ufeffRavorov said:\r\nAsia Danian met.\r\nNo change here', 'utf8')
    const result = runCliWithStdin(['clean', '-'], dir, input)
    expect(result.status).toBe(0)
    expect(result.stdout).toEqual(Buffer.from('\ufeffLavrov said:\r\nASEAN met.\r\nNo change here', 'utf8'))
  })

  it('passes a text with nothing to change through unchanged, byte for byte', () => {
    const dir = projectWithTexts({})
    const input = Buffer.from('Plain text.\r\n\r\n  two spaces\tand a tab \n', 'utf8')
    expect(runCliWithStdin(['clean', '-'], dir, input).stdout).toEqual(input)
  })

  it('refuses stdin that is not UTF-8 with one line naming <stdin>, exit 2, and prints nothing', () => {
    const dir = projectWithTexts({})
    const result = runCliWithStdin(['clean', '-'], dir, Buffer.from([0x52, 0x61, 0xff, 0x0a]))
    expect(result.status).toBe(2)
    expect(result.stdout.length).toBe(0)
    expect(result.stderr).toBe('<stdin>: not valid UTF-8 (byte offset 2)\n')
  })

  it('writes the changes as JSON lines to --changes, offsets into the text read', () => {
    const dir = projectWithTexts({})
    const result = runCliWithStdin(['clean', '-', '--changes', 'changes.jsonl'], dir, SENTENCE)
    expect(result.status).toBe(0)
    expect(result.stdout.toString('utf8')).toBe('Lavrov met ASEAN.')
    const lines = readFileSync(path.join(dir, 'changes.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toEqual([
      { start: 0, end: 7, before: 'Ravorov', after: 'Lavrov', ruleId: 'lavrov' },
      { start: 12, end: 23, before: 'Asia Danian', after: 'ASEAN', ruleId: 'asean' },
    ])
    for (const line of lines) expect(SENTENCE.slice(line.start as number, line.end as number)).toBe(line.before)
  })

  it('writes an empty --changes file when nothing changes', () => {
    const dir = projectWithTexts({})
    writeFileSync(path.join(dir, 'changes.jsonl'), 'old')
    expect(runCliWithStdin(['clean', '-', '--changes', 'changes.jsonl'], dir, 'Nothing here.').status).toBe(0)
    expect(readFileSync(path.join(dir, 'changes.jsonl'), 'utf8')).toBe('')
  })

  it('refuses --changes - (stdout holds the text), options of a run over files, and - beside other paths', () => {
    const dir = projectWithTexts({ 'a.txt': SENTENCE })
    const refusals: [string[], RegExp][] = [
      [['clean', '-', '--changes', '-'], /^--changes: standard output holds the cleaned text/],
      [['clean', '-', '--check'], /^-: `clean -` writes the cleaned text to stdout and nothing else: --check does not apply/],
      [['clean', '-', '--out', 'x'], /--out does not apply/],
      [['clean', '-', 'a.txt'], /^-: `-` \(standard input\) is read alone/],
      [['check', 'a.txt', '-'], /^-: `-` \(standard input\) is read alone/],
      [['clean', 'a.txt', '--changes', 'c.jsonl'], /^--changes: --changes goes with `-`/],
      [['check', 'a.txt', '--stdin-filename', 'x.txt'], /--stdin-filename names a text read from stdin/],
    ]
    for (const [args, message] of refusals) {
      const result = runCliWithStdin(args, dir, SENTENCE)
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stdout.length, args.join(' ')).toBe(0)
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
  })
})

describe('check - (stdin)', () => {
  it('reports at <stdin>, exit 1', () => {
    const dir = projectWithTexts({})
    const result = runCliWithStdin(['check', '-', '--format', 'unix'], dir, SENTENCE)
    expect(result.status).toBe(1)
    const lines = result.stdout.toString('utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^<stdin>:1:1-1:8 {2}warning {2}`Ravorov` is a known variant of `Lavrov`/)
    expect(lines[1]).toMatch(/^<stdin>:1:13-1:24 {2}warning {2}`Asia Danian` is a known variant of `ASEAN`/)
    expect(result.stderr).toBe('')
  })

  it('reports under --stdin-filename, in the text format too', () => {
    const dir = projectWithTexts({})
    const result = runCliWithStdin(['check', '-', '--stdin-filename', 'news/a.txt'], dir, SENTENCE)
    expect(result.status).toBe(1)
    const text = result.stdout.toString('utf8')
    expect(text.split('\n')[0]).toBe('news/a.txt')
    expect(text).not.toContain('<stdin>')
    // An editor gives the buffer's absolute path: shown relative, as every path.
    const absolute = runCliWithStdin(['check', '-', '--format', 'unix', '--stdin-filename', path.join(dir, 'news/a.txt')], dir, SENTENCE)
    expect(absolute.stdout.toString('utf8')).toMatch(/^news\/a\.txt:1:1-1:8 /)
  })

  it('counts lines and columns in the bytes as read (CRLF, BOM)', () => {
    const dir = projectWithTexts({})
    const result = runCliWithStdin(['check', '-', '--format', 'unix'], dir, Buffer.from('\ufeffFine.\r\nRavorov left.', 'utf8'))
    expect(result.stdout.toString('utf8')).toMatch(/^<stdin>:2:1-2:8 {2}warning/)
  })

  it('exits 0 on a clean text and 2 on non-UTF-8', () => {
    const dir = projectWithTexts({})
    expect(runCliWithStdin(['check', '-'], dir, 'The minister left on Monday.\n').status).toBe(0)
    const bad = runCliWithStdin(['check', '-'], dir, Buffer.from([0xc3, 0x28]))
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe('<stdin>: not valid UTF-8 (byte offset 0)\n')
    const named = runCliWithStdin(['check', '-', '--stdin-filename', 'x.txt'], dir, Buffer.from([0xc3, 0x28]))
    expect(named.stderr).toBe('x.txt: not valid UTF-8 (byte offset 0)\n')
  })
})

describe('the pipes to a reader that has gone', () => {
  it('clean - and check - end quietly with 141, as every command does', () => {
    const dir = projectWithTexts({ 'in.txt': `${'Ravorov met Asia Danian.\n'.repeat(20_000)}` })
    for (const command of ['clean -', 'check - --format unix']) {
      // stdout is a pipe whose reader is already closed: the first write fails, whatever the size.
      const line = `rm -f closed.fifo && mkfifo closed.fifo && exec 3<>closed.fifo 4>closed.fifo 3<&- && '${process.execPath}' '${BIN}' ${command} < in.txt >&4; status=$?; rm -f closed.fifo; exit $status`
      const result = spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
      expect(result.stderr, command).toBe('')
      expect(result.status, command).toBe(141)
    }
  })
})
