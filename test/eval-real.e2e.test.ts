import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, PROJECT } from './helpers/project.js'

const SCRIPT = path.join(PROJECT, 'scripts/eval-real.mjs')
const runScript = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SCRIPT, ...args], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, ...env } })

describe('npm run eval:real', () => {
  it('says how to get the real MT dev set when it is not there, and exits 0', () => {
    const result = runScript(['--data', path.join(os.tmpdir(), 'no-such-real-mt')])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('no real MT dev set at')
    expect(result.stdout).toContain('wmt21-news-systems')
    expect(result.stdout).toContain('Nothing was measured.')
  })

  it('runs cut.py on data/, then score_real.py on the cut corpus with this mtclean, passing --json on', () => {
    // Stand-ins for the two Python scripts, run by node through PYTHON (the test must not need Python):
    // each appends its arguments to a log.
    const home = mkdtempSync(path.join(os.tmpdir(), 'mtclean-real-mt-'))
    mkdirSync(path.join(home, 'data'))
    const log = path.join(home, 'calls.log')
    const stub = (name: string) =>
      `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify([${JSON.stringify(name)}, ...process.argv.slice(2)]) + '\\n')`
    writeFileSync(path.join(home, 'cut.py'), stub('cut'))
    writeFileSync(path.join(home, 'score_real.py'), `${stub('score')}; console.log('{"reference_messages_per_1k": 0}')`)
    const result = runScript(['--data', home, '--json'], { PYTHON: process.execPath })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('{"reference_messages_per_1k": 0}\n')
    const [cut, score] = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[])
    expect(cut).toEqual(['cut', path.join(home, 'data'), expect.stringMatching(/real$/)])
    expect(score![0]).toBe('score')
    expect(score![1]).toBe(cut![2])
    expect(score).toContain('--json')
    expect(score![score!.indexOf('--cmd') + 1]).toBe(`${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`)
  })
})
