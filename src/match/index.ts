import type { Change, SkippedChange } from '../change.js'
import type { RuleSet } from '../rules/compile.js'

export interface Matches {
  changes: Change[]
  /** Changes withheld before applying: one span that maps to two canonical forms. */
  ambiguous: SkippedChange[]
}

/** Every change every rule proposes on the original text (rules never see each other's output). */
export function findChanges(text: string, ruleSet: RuleSet): Matches {
  const entityChanges = ruleSet.entityMatcher.find(text)
  const patternChanges = ruleSet.patternMatchers.flatMap((matcher) => matcher.find(text))
  const { changes, ambiguous } = withholdAmbiguous(entityChanges)
  return { changes: [...changes, ...patternChanges], ambiguous }
}

/** Two entities whose variants match the same span with different canonical forms: apply neither. */
function withholdAmbiguous(changes: Change[]): Matches {
  const bySpan = new Map<string, Change[]>()
  for (const change of changes) {
    const key = `${change.start}:${change.end}`
    bySpan.set(key, [...(bySpan.get(key) ?? []), change])
  }
  const kept: Change[] = []
  const ambiguous: SkippedChange[] = []
  for (const group of bySpan.values()) {
    const targets = new Set(group.map((change) => change.after))
    if (targets.size === 1) kept.push(group[0]!)
    else for (const change of group) ambiguous.push({ change, reason: 'ambiguous', by: group.find((other) => other !== change) })
  }
  return { changes: kept, ambiguous }
}
