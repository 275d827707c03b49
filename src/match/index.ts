import type { Change, SkippedChange } from '../model/change.js'
import type { RuleSet } from './rule-set.js'

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

/**
 * Two entities whose variants match the same span with different canonical forms: apply neither. The
 * changes come sorted by place (EntityMatcher.find), so the changes of one span are next to each other.
 */
function withholdAmbiguous(changes: Change[]): Matches {
  const kept: Change[] = []
  const ambiguous: SkippedChange[] = []
  for (let first = 0; first < changes.length; ) {
    const { start, end, after } = changes[first]!
    let last = first
    let oneTarget = true
    while (last + 1 < changes.length && changes[last + 1]!.start === start && changes[last + 1]!.end === end) {
      last++
      if (changes[last]!.after !== after) oneTarget = false
    }
    if (oneTarget) kept.push(changes[first]!)
    else {
      const group = changes.slice(first, last + 1)
      for (const change of group) ambiguous.push({ change, reason: 'ambiguous', by: group.find((other) => other !== change) })
    }
    first = last + 1
  }
  return { changes: kept, ambiguous }
}
