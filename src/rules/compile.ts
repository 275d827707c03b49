import { EntityMatcher } from '../match/entity-matcher.js'
import { PatternMatcher } from '../match/pattern-matcher.js'
import type { EntityRule, GazetteerEntry, Rule, RuleSource } from './types.js'
import { validateRules } from './validate.js'

/** A validated rule set, compiled once: the matchers are reused for every text. */
export interface RuleSet {
  files: string[]
  rules: Rule[]
  names: string[]
  gazetteer: GazetteerEntry[]
  entityMatcher: EntityMatcher
  patternMatchers: PatternMatcher[]
}

/** A rule set as loaded and validated, before compiling: plain data, which a worker thread can be sent. */
export interface LoadedRules extends RuleSource {
  files: string[]
}

export function compileRules(rules: Rule[], files: string[] = [], knowledge: Omit<RuleSource, 'rules'> = { names: [], gazetteer: [] }): RuleSet {
  validateRules(rules)
  return compileValidated({ rules, files, ...knowledge })
}

/** Compiles rules that were validated already (in another thread: validation is the costly part). */
export function compileValidated({ rules, files, names, gazetteer }: LoadedRules): RuleSet {
  const entities = rules.filter((rule): rule is EntityRule => rule.kind === 'entity')
  return {
    files,
    rules,
    names,
    gazetteer,
    entityMatcher: new EntityMatcher(entities),
    patternMatchers: rules.flatMap((rule) => (rule.kind === 'pattern' ? [new PatternMatcher(rule)] : [])),
  }
}

/** The loaded form of a compiled rule set (what `compileValidated` turns back into it). */
export const loadedRulesOf = ({ files, rules, names, gazetteer }: RuleSet): LoadedRules => ({ files, rules, names, gazetteer })
