import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, runCli, SEEDS, snapshotTree, tempProject } from './helpers/project.js'

/** 40 files (of 6 paragraphs) in two folders, made of the seeds' paragraphs: enough for two worker threads to share. */
function corpus(dir: string, files = 40, paragraphsPerFile = 6): void {
  const paragraphs = readdirSync(SEEDS).flatMap((name) =>
    readFileSync(path.join(SEEDS, name), 'utf8')
      .split(/\n+/)
      .filter((line) => line.trim()),
  )
  for (let index = 0; index < files; index++) {
    const folder = path.join(dir, 'in', index % 2 ? 'odd' : 'even')
    mkdirSync(folder, { recursive: true })
    const text = Array.from({ length: paragraphsPerFile }, (_, offset) => paragraphs[(index * 7 + offset * 13) % paragraphs.length]).join('\n\n')
    writeFileSync(path.join(folder, `f${index}.txt`), `${text}\n`)
  }
}

describe('--jobs: worker threads', () => {
  it('clean writes byte-identical copies and reports with 1 and with 3 threads', () => {
    const dir = tempProject('rules')
    corpus(dir)
    expect(runCli(['clean', 'in', '--out', 'one', '--jobs', '1', '--check', '--report', 'md,html'], dir).status).toBe(0)
    expect(runCli(['clean', 'in', '--out', 'three', '--jobs', '3', '--check', '--report', 'md,html'], dir).status).toBe(0)
    const one = snapshotTree(path.join(dir, 'one'))
    const three = snapshotTree(path.join(dir, 'three'))
    expect([...three.keys()].sort()).toEqual([...one.keys()].sort())
    // The reports name their output folder: the rest is the same.
    for (const [name, bytes] of one) expect(three.get(name)!.toString().replaceAll('three/', 'one/'), name).toBe(bytes.toString())
    expect(JSON.parse(one.get('report.json')!.toString()).summary.files).toBe(40)
  })

  it('check prints the same diagnostics in the same order with 1 and with 3 threads', () => {
    const dir = tempProject('rules')
    corpus(dir)
    const one = runCli(['check', 'in', '--format', 'json', '--jobs', '1'], dir)
    const three = runCli(['check', 'in', '--format', 'json', '--jobs', '3'], dir)
    expect(one.status).toBe(1)
    expect(three.stdout).toBe(one.stdout)
    expect(JSON.parse(one.stdout)).toHaveLength(40)
  })

  it('gives the same reports when the files go to the threads in batches (600 files: 8 a message, or 256 KB)', () => {
    const dir = tempProject('rules')
    corpus(dir, 600, 1)
    // Files over a batch's bytes go alone, between the small ones.
    const seed = readFileSync(path.join(SEEDS, readdirSync(SEEDS)[0]!), 'utf8')
    for (const name of ['f100.txt', 'f300.txt', 'f301.txt']) writeFileSync(path.join(dir, 'in', 'even', name.replace('.txt', '-big.txt')), seed.repeat(60))
    expect(runCli(['clean', 'in', '--out', 'one', '--jobs', '1', '--report', 'md,html'], dir).status).toBe(0)
    expect(runCli(['clean', 'in', '--out', 'two', '--jobs', '2', '--report', 'md,html'], dir).status).toBe(0)
    for (const name of ['changes.diff', 'report.json', 'report.md', 'report.html']) {
      expect(readFileSync(path.join(dir, 'two', name), 'utf8').replaceAll('two/', 'one/'), name).toBe(readFileSync(path.join(dir, 'one', name), 'utf8'))
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'one', 'report.json'), 'utf8')).summary.files).toBe(603)
  })

  it('refuses --jobs 0 as a usage error', () => {
    const dir = tempProject('seeds', 'rules')
    const result = runCli(['clean', '--jobs', '0'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/option '-j, --jobs <n>' argument '0' is invalid/)
  })
})

describe('progress', () => {
  /** Runs the CLI under `script`, which gives it a terminal; what the terminal showed comes back. */
  const inTerminal = (args: string[], cwd: string): string =>
    spawnSync('script', ['-qec', [process.execPath, BIN, ...args].map((arg) => `'${arg}'`).join(' '), '/dev/null'], { cwd, encoding: 'utf8' }).stdout

  it('shows a bar with files and MB/s on a terminal, and nothing extra with --quiet or without a terminal', () => {
    const dir = tempProject('rules')
    corpus(dir)
    expect(inTerminal(['clean', 'in', '--out', 'a'], dir)).toMatch(/cleaning .*\d+\/40 files \| [\d.]+ MB\/s/)
    expect(inTerminal(['clean', 'in', '--out', 'b', '--quiet'], dir)).not.toMatch(/files \|/)
    expect(runCli(['clean', 'in', '--out', 'c'], dir).stderr).toMatch(/^mtclean: 40 file\(s\), \d+ change\(s\)[^\n]*\n$/)
  })
})
