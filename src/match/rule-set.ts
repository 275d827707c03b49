import type { GazetteerEntry, Rule } from '../model/rule.js'
import type { EntityMatcher } from './entity-matcher.js'
import type { PatternMatcher } from './pattern-matcher.js'

/** A validated rule set, compiled once: the matchers are reused for every text. rules/compile.ts builds it. */
export interface RuleSet {
  files: string[]
  rules: Rule[]
  names: string[]
  gazetteer: GazetteerEntry[]
  entityMatcher: EntityMatcher
  patternMatchers: PatternMatcher[]
}
