import type { VFile } from 'vfile'
import type { Severity } from './types.js'

/** How many findings of each weight a file (or a run) has. */
export interface FindingCounts {
  /** Of checks set to `error`: each fails the run. */
  errors: number
  /** Of checks set to `warn`: they fail the run only past `--max-warnings`. */
  warnings: number
  /** Of checks the config does not name: as without a config, any fails the run (and `--max-warnings` counts them). */
  unrated: number
}

export const NO_FINDINGS: FindingCounts = { errors: 0, warnings: 0, unrated: 0 }

export function addCounts(a: FindingCounts, b: FindingCounts): FindingCounts {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, unrated: a.unrated + b.unrated }
}

/**
 * Applies a project's check severities to a file's messages: a check `off` is dropped, an `error` is made
 * fatal (vfile's error: shown as `error` by every format), a `warn` stays a warning. Returns the counts.
 */
export function applySeverities(file: VFile, severities: Readonly<Record<string, Severity>>): FindingCounts {
  const counts = { ...NO_FINDINGS }
  file.messages = file.messages.filter((message) => {
    const severity = severities[message.ruleId ?? '']
    if (severity === 'off') return false
    if (severity === 'error') {
      message.fatal = true
      counts.errors++
    } else if (severity === 'warn') counts.warnings++
    else counts.unrated++
    return true
  })
  return counts
}

export function totalFindings(counts: FindingCounts): number {
  return counts.errors + counts.warnings + counts.unrated
}
