import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, runCli, SEEDS, snapshotTree, tempProject } from './helpers/project.js'

// The README's sharding recipes on GNU parallel (Debian's `parallel`; .ci/run installs it where missing),
// against one run over the same files: a sharded run merged with `report merge` must be that run.
const PARALLEL = '/usr/bin/parallel'
const MTCLEAN = `${process.execPath} ${BIN}`

/** 200 texts of 3–8 paragraphs each, drawn in a fixed order from the seeds' paragraphs. */
function corpusProject(): { dir: string; files: string[] } {
  const dir = tempProject('rules')
  const paragraphs = readdirSync(SEEDS)
    .sort()
    .flatMap((name) => readFileSync(path.join(SEEDS, name), 'utf8').split(/\n+/))
    .filter((line) => line.trim() !== '')
  mkdirSync(path.join(dir, 'corpus'))
  const files: string[] = []
  for (let index = 0; index < 200; index++) {
    const count = 3 + (index % 6)
    const text = Array.from({ length: count }, (_, at) => paragraphs[(index * 7 + at * 13) % paragraphs.length]).join('\n\n')
    const file = `corpus/text-${String(index).padStart(3, '0')}.txt`
    writeFileSync(path.join(dir, file), `${text}\n`)
    files.push(file)
  }
  return { dir, files }
}

const bash = (script: string, cwd: string) => spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8' })

describe('sharded runs on GNU parallel', () => {
  it('4 shards by file (parallel -X, clean --out OUT/shard-{%}), merged: the copies, report.json and changes.diff of one run', () => {
    expect(existsSync(PARALLEL), `GNU parallel is needed at ${PARALLEL} (apt-get install parallel)`).toBe(true)
    const { dir, files } = corpusProject()
    expect(runCli(['clean', ...files, '--out', 'single', '--quiet'], dir).status).toBe(0)

    // LC_ALL=C: `ls` then lists the files in the order one run takes them (code points).
    const sharded = bash(`LC_ALL=C ls corpus/*.txt | parallel -X -j4 ${MTCLEAN} clean --out sharded/shard-{%} --quiet {}`, dir)
    expect(sharded.status, sharded.stderr).toBe(0)
    const shards = readdirSync(path.join(dir, 'sharded')).sort()
    expect(shards).toEqual(['shard-1', 'shard-2', 'shard-3', 'shard-4'])
    // Each shard is a quarter of the run: parallel -X spreads the files over the four job slots.
    for (const shard of shards) expect(JSON.parse(readFileSync(path.join(dir, 'sharded', shard, 'report.json'), 'utf8')).summary.files).toBe(50)

    const merged = runCli(['report', 'merge', 'sharded', ...shards.map((shard) => `sharded/${shard}`)], dir)
    expect(merged.status, merged.stderr).toBe(0)
    expect(merged.stderr).toMatch(/^mtclean: merged 4 shard\(s\): 200 file\(s\), \d+ change\(s\) by \d+ rule\(s\) → sharded\/\n$/)

    // Every file, byte for byte: the copies, report.json, changes.diff and the manifest; no shard left.
    const single = snapshotTree(path.join(dir, 'single'))
    const joined = snapshotTree(path.join(dir, 'sharded'))
    expect([...joined.keys()].sort()).toEqual([...single.keys()].sort())
    for (const [name, bytes] of single) expect(joined.get(name)?.equals(bytes), name).toBe(true)
    expect(JSON.parse(single.get('report.json')!.toString()).summary.changes).toBeGreaterThan(1000)

    // The merged folder is a run like any other: the review commands and the views read it.
    expect(runCli(['status', '--out', 'sharded'], dir).status).toBe(0)
    // (The views name each copy by its place, `single/…` or `sharded/…`.)
    const view = (out: string) => runCli(['report', out, '--format', 'md'], dir).stdout.replaceAll(`\`${out}/`, '`OUT/')
    expect(view('sharded')).toBe(view('single'))
  })

  it('refuses shards made with other rules, and an OUT that holds something else', () => {
    const { dir, files } = corpusProject()
    expect(runCli(['clean', ...files.slice(0, 2), '--out', 'out/a', '--quiet'], dir).status).toBe(0)
    writeFileSync(path.join(dir, 'rules/extra.yaml'), 'entities:\n  - id: zorgon\n    canonical: Zorgon\n    category: person\n    variants: [Zorgn]\n')
    expect(runCli(['clean', ...files.slice(2, 4), '--out', 'out/b', '--quiet'], dir).status).toBe(0)
    expect(runCli(['report', 'merge', 'out', 'out/a', 'out/b'], dir)).toMatchObject({
      status: 2,
      stderr: 'out/b/report.json: made with other rules than out/a: the shards are not parts of one run\n',
    })
    // out/b is not among the shards named now: OUT holds something else.
    expect(runCli(['report', 'merge', 'out', 'out/a'], dir)).toMatchObject({
      status: 2,
      stderr: 'out: holds "b", which is not one of the shards: merge into a new folder\n',
    })
    // Nothing was moved or removed.
    expect(existsSync(path.join(dir, 'out/a/report.json'))).toBe(true)
  })

  it('a stream in chunks (parallel --pipe, cut between paragraphs) comes out as one `clean -` of the whole stream', () => {
    expect(existsSync(PARALLEL), `GNU parallel is needed at ${PARALLEL} (apt-get install parallel)`).toBe(true)
    const { dir } = corpusProject()
    const whole = execFileSync('bash', ['-c', `LC_ALL=C cat corpus/*.txt | ${MTCLEAN} clean -`], { cwd: dir })
    const chunks = bash(`LC_ALL=C cat corpus/*.txt | parallel --pipe -k -j4 --block 100k --recend '\\n\\n' ${MTCLEAN} clean - > chunked.txt`, dir)
    expect(chunks.status, chunks.stderr).toBe(0)
    const chunked = readFileSync(path.join(dir, 'chunked.txt'))
    expect(chunked.equals(whole)).toBe(true)
    expect(whole.toString()).not.toContain('Ravorov')
  })
})
