import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { remembered } from './verdicts.js'

// recheck takes 140 ms to load and its fuzzer 0.3-2 s a pattern: it runs only for a pattern no earlier
// run has judged (verdicts are kept on disk, below).
const require = createRequire(import.meta.url)
const recheck = (): typeof import('recheck') => require('recheck') as typeof import('recheck')

/**
 * What recheck may spend on one pattern; a pattern it cannot judge in that time is refused. The
 * project's patterns take 0.3-3 s each on an idle machine: the margin is for a loaded one.
 */
export const RECHECK_BUDGET_MS = 30_000
// One verdict for one pattern, on every machine and every run: a fixed seed, and no time limit on the
// fuzzer's trial runs (by default a trial over 250 ms counts as slow, so on a loaded machine a guarded
// project pattern was found "vulnerable" in 3 runs of 8); their length limits still bound them.
const RECHECK_PARAMS = { timeout: RECHECK_BUDGET_MS, randomSeed: 20_240_614, incubationTimeout: null, seedingTimeout: null }

/** The wording of a kept verdict: a change to `judge` bumps it, so that no verdict in the old words is read. */
const VERDICT_FORMAT = 4

/** null when the pattern runs in linear time on any text, else why not (one line). */
export type Verdict = string | null

function judge(source: string, flags: string): Verdict {
  const result = recheck().checkSync(source, flags, RECHECK_PARAMS)
  if (result.status === 'safe') return null
  if (result.status === 'vulnerable') {
    const { pumps, suffix } = result.attack
    const attack = pumps.map((pump) => `${pump.prefix}${pump.pump.repeat(Math.ceil(12 / pump.pump.length))}`).join('') + suffix
    const { complexity } = result
    const how = complexity.type === 'polynomial' ? `polynomial of degree ${complexity.degree}` : complexity.type
    return `${how}, e.g. on ${JSON.stringify(attack.slice(0, 40))}…`
  }
  const { error } = result
  if (error.kind === 'timeout') return `could not be shown safe within ${RECHECK_BUDGET_MS / 1000} s`
  return `could not be checked (${'message' in error ? error.message : error.kind})`
}

/**
 * recheck's verdict on a pattern as the matcher compiles it: whether some text can make it take more than
 * linear time. Every pattern is checked, whatever its shape (`\w*\w*!` and ` +$` have no repeated group
 * and are still quadratic or worse).
 */
export function backtrackingVerdict(source: string, flags: string): Verdict {
  return remembered(
    `redos\u0000${VERDICT_FORMAT}\u0000${recheckVersion()}\u0000${flags}\u0000${source}`,
    () => judge(source, flags),
    (verdict) => verdict === null || !verdict.startsWith('could not'),
  )
}

/**
 * Whether a pattern can match the empty string (regexp-ast-analysis, on regexpp's parse: a lookaround,
 * an anchor or a `*` alone match no character). Kept like recheck's verdicts, as the analysis takes 35 ms to load.
 */
export function canMatchEmpty(pattern: string, ignoreCase: boolean): boolean {
  return remembered(`empty\u0000${ignoreCase}\u0000${pattern}`, () => {
    const { RegExpParser } = require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp')
    const { isPotentiallyZeroLength } = require('regexp-ast-analysis') as typeof import('regexp-ast-analysis')
    const parsed = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true })
    return isPotentiallyZeroLength(parsed.alternatives, { unicode: true, ignoreCase, multiline: true })
  })
}

let version: string | undefined
function recheckVersion(): string {
  version ??= (JSON.parse(readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version
  return version
}
