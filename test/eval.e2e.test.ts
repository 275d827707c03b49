import { rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT, runCli, tempProject } from './helpers/project.js'

// `mtclean eval` on the project's own copy of the seed annotation: a rule change that breaks a seed fix,
// touches a keep span or adds noise fails the build here. (Checked once against shared/reference/score.py:
// the same per-file counts and totals, on the project's rules and on a degraded rule set.)
const GOLD = path.join(PROJECT, 'test/fixtures/seeds-gold')

describe('mtclean eval', () => {
  it('scores the seeds: every fix made, nothing else changed, every flag pointed at, no noise', () => {
    const dir = tempProject('seeds', 'rules')
    const result = runCli(['eval', '--gold', GOLD, 'seeds', '--format', 'json'], dir)
    expect(result.status).toBe(0)
    const { summary } = JSON.parse(result.stdout)
    expect(summary).toMatchObject({ fixRecall: 1, fixPrecision: 1, trapsBroken: 0, required: 111, fixed: 111, badChanges: 0, noise: 0 })
    expect(summary.flagRecall).toBeGreaterThanOrEqual(0.95)
  })

  it('shows what a broken rule set loses, in the reference scorer’s text format', () => {
    const dir = tempProject('seeds', 'rules')
    rmSync(path.join(dir, 'rules/people.yaml'))
    const result = runCli(['eval', '--gold', GOLD, 'seeds', '-v'], dir)
    expect(result.stdout).toContain('   miss  "Ravorov" -> "Lavrov"   output: "Ravorov"\n')
    // The same figures as score.py on this rule set's output.
    expect(result.stdout).toMatch(/^000_8f9708c4ec4fda24\.txt: fixed 25\/30 {2}bad changes 1\/28 {2}flags 8\/8 {2}noise 0 {2}traps broken 0\/5$/m)
    expect(result.stdout).toMatch(/^TOTAL fix_recall=0\.901 fix_precision=0\.991 flag_recall=1\.000 caught=0\.947 noise_per_1k_words=0\.00 traps_broken=0$/m)
  })

  it('names a missing gold folder with exit 2', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['eval', '--gold', 'nowhere', 'seeds'], dir)).toMatchObject({ status: 2, stderr: 'nowhere: no such folder of gold annotations\n' })
  })
})
