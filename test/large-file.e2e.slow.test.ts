import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { BIN, SEEDS, tempProject } from './helpers/project.js'

// A 50 MB article (issue 7): cleaned and checked in one run each, without running out of memory. The file
// is one seed repeated, so its cleaned copy must be the seed's cleaned copy repeated, byte for byte.
const SEED = '000_8f9708c4ec4fda24.txt'
const TARGET_BYTES = 50_000_000

it('cleans and checks a 50 MB file under the default heap', { timeout: 400_000 }, () => {
  const dir = tempProject('rules')
  // Whole paragraphs: ending in a line break, so copies do not join mid-sentence.
  const seed = `${readFileSync(path.join(SEEDS, SEED), 'utf8').trimEnd()}\n\n`
  const copies = Math.ceil(TARGET_BYTES / Buffer.byteLength(seed))
  mkdirSync(path.join(dir, 'small'))
  mkdirSync(path.join(dir, 'big'))
  writeFileSync(path.join(dir, 'small/a.txt'), seed)
  writeFileSync(path.join(dir, 'big/a.txt'), seed.repeat(copies))
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })

  expect(run(['clean', 'small', '--out', 'small-out']).status).toBe(0)
  const cleaned = run(['clean', 'big', '--out', 'big-out'])
  expect(cleaned.stderr).toMatch(/^mtclean: 1 file\(s\), \d+ change\(s\)/)
  expect(cleaned.status).toBe(0)
  const smallCopy = readFileSync(path.join(dir, 'small-out/a.txt'), 'utf8')
  expect(smallCopy).not.toBe(seed)
  // Compared without building a 100 MB expected string: copy by copy.
  const bigCopy = readFileSync(path.join(dir, 'big-out/a.txt'), 'utf8')
  expect(bigCopy.length).toBe(smallCopy.length * copies)
  for (let index = 0; index < copies; index++) {
    if (bigCopy.slice(index * smallCopy.length, (index + 1) * smallCopy.length) !== smallCopy) expect.fail(`copy ${index} of the seed differs`)
  }

  // `clean -` cleans the same text in pieces of 16 M characters (clean-pieces.ts): its output is the cleaned copy, byte for byte.
  const streamed = spawnSync('sh', ['-c', `'${process.execPath}' '${BIN}' clean - < big/a.txt`], { cwd: dir, maxBuffer: 1 << 30 })
  expect(streamed.stderr.toString('utf8')).toBe('')
  expect(streamed.status).toBe(0)
  if (!streamed.stdout.equals(readFileSync(path.join(dir, 'big-out/a.txt')))) expect.fail('clean - differs from the cleaned copy')

  const small = run(['check', 'small', '--format', 'unix'])
  const big = run(['check', 'big', '--format', 'unix'])
  expect(big.status).toBe(1)
  const perSeed = small.stdout.trim().split('\n').length
  // The last copy alone can draw the end-of-text check; every copy draws the seed's problems.
  expect(big.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(perSeed * copies - copies)
})
