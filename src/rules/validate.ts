import { ConfigError, ConfigErrors, formatLocation, type SourceLocation } from '../model/errors.js'
import { compilePatternRegExp, countCaptureGroups, patternMatcherSource, templateGroupReferences } from '../match/pattern-matcher.js'
import type { EntityRule, EntityVariant, Rule } from '../model/rule.js'
import { backtrackingVerdict, canMatchEmpty } from './redos.js'

/** Whitespace-folded (and, for case-insensitive variants, lower-cased) form two texts are compared in. */
export function variantKey(text: string, ignoreCase: boolean): string {
  const folded = text.trim().replace(/\s+/gu, ' ')
  return ignoreCase ? folded.toLowerCase() : folded
}

function sameText(a: string, aIgnoreCase: boolean, b: string, bIgnoreCase: boolean): boolean {
  const ignoreCase = aIgnoreCase || bIgnoreCase
  return variantKey(a, ignoreCase) === variantKey(b, ignoreCase)
}

const hasContext = (variant: EntityVariant): boolean => Object.keys(variant.context).length > 0

/**
 * Checks what a schema cannot: unique ids and canonical forms, variants that are empty, repeated, claimed
 * by two entities or equal to a canonical form (a cycle), regular expressions that do not compile, can
 * match the empty string or take more than linear time, and replacements that copy the whole text.
 * Throws every problem at once, each at its file:line:column.
 */
export function validateRules(rules: Rule[]): void {
  const errors: ConfigError[] = []
  const fail = (location: SourceLocation, message: string): void => {
    errors.push(new ConfigError(message, location.file, location.line, location.column))
  }

  const ids = new Map<string, Rule>()
  for (const rule of rules) {
    const earlier = ids.get(rule.id)
    if (earlier) fail(rule.location, `duplicate rule id "${rule.id}" (first at ${formatLocation(earlier.location)})`)
    else ids.set(rule.id, rule)
  }

  const entities = rules.filter((rule): rule is EntityRule => rule.kind === 'entity')
  const canonicals = new Map<string, EntityRule>()
  for (const entity of entities) {
    const key = variantKey(entity.canonical, false)
    const earlier = canonicals.get(key)
    if (earlier) {
      fail(entity.location, `canonical form "${entity.canonical}" is also entity "${earlier.id}" (${formatLocation(earlier.location)}): merge the two`)
    } else canonicals.set(key, entity)
  }

  // Every variant, with its entity, bucketed by its case-folded key so clashes are found in one pass.
  const byFoldedKey = new Map<string, { entity: EntityRule; variant: EntityVariant }[]>()
  for (const entity of entities) {
    for (const variant of entity.variants) {
      if (variant.text !== variant.text.trim()) {
        fail(variant.location, `variant "${variant.text}" has leading or trailing whitespace`)
        continue
      }
      const key = variantKey(variant.text, true)
      const claims = byFoldedKey.get(key) ?? []
      for (const earlier of claims) {
        if (!sameText(earlier.variant.text, earlier.variant.ignoreCase, variant.text, variant.ignoreCase)) continue
        if (earlier.entity === entity) {
          // One text under two different contexts is two variants (e.g. "Xi" after "combat", before "venue").
          if (JSON.stringify(earlier.variant.context) !== JSON.stringify(variant.context)) continue
          fail(variant.location, `duplicate variant "${variant.text}" (first at ${formatLocation(earlier.variant.location)})`)
        } else if (!hasContext(earlier.variant) && !hasContext(variant)) {
          // With context on either side the two may be told apart at run time; a tie there is reported.
          fail(
            variant.location,
            `variant "${variant.text}" is claimed by "${entity.id}" and "${earlier.entity.id}" (${formatLocation(earlier.variant.location)})`,
          )
        }
      }
      claims.push({ entity, variant })
      byFoldedKey.set(key, claims)
    }
  }

  for (const entity of entities) {
    for (const { entity: owner, variant } of byFoldedKey.get(variantKey(entity.canonical, true)) ?? []) {
      if (!sameText(entity.canonical, false, variant.text, variant.ignoreCase)) continue
      const what = owner === entity ? 'its own variant' : `a variant of "${owner.id}" (${formatLocation(variant.location)})`
      fail(entity.location, `canonical form "${entity.canonical}" of "${entity.id}" is ${what}: a cycle, cleaning would never settle`)
    }
  }

  for (const rule of rules) {
    if (rule.kind !== 'pattern') continue
    let groups: number
    try {
      groups = countCaptureGroups(compilePatternRegExp(rule.pattern, rule.ignoreCase))
    } catch (error) {
      fail(rule.location, `invalid regular expression in "${rule.id}": ${(error as Error).message}`)
      continue
    }
    // A change must replace something: a pattern that can match no character inserts its replacement
    // between characters (`x*` at every one of them) and finds the same place again in its own output.
    if (canMatchEmpty(rule.pattern, rule.ignoreCase)) {
      fail(
        rule.location,
        `the pattern of "${rule.id}" can match the empty string: make it consume at least one character (put what it only looks at in a lookaround)`,
      )
      continue
    }
    // `$'` and `` $` `` copy the rest of the text into every change (10 KB became 25 MB).
    const wholeText = /\$(?:\$|(['`]))/gu
    if ([...rule.replace.matchAll(wholeText)].some((token) => token[1] !== undefined)) {
      fail(rule.location, `replacement of "${rule.id}" uses $' or $\`, which copy the text around the match into it: use groups or lookarounds`)
    }
    const flags = compilePatternRegExp('', rule.ignoreCase).flags
    const backtracking = backtrackingVerdict(patternMatcherSource(rule), flags)
    if (backtracking)
      fail(
        rule.location,
        `the pattern of "${rule.id}" can backtrack catastrophically (${backtracking}): rewrite it without repeats that can match the same text`,
      )
    const hasNamedGroups = /\(\?<(?![=!])/u.test(rule.pattern)
    for (const reference of templateGroupReferences(rule.replace, hasNamedGroups)) {
      // `$12` with fewer than 12 groups means group 1 followed by "2", as String.prototype.replace reads it.
      const meansShorter = typeof reference === 'number' && reference >= 10 && Math.floor(reference / 10) <= groups
      if (typeof reference === 'number' && reference > groups && !meansShorter) {
        fail(rule.location, `replacement of "${rule.id}" uses $${reference} but the pattern has ${groups} group(s)`)
      }
    }
  }

  if (errors.length > 0) throw new ConfigErrors(errors)
}
