import { EntityMatcher } from '../match/entity-matcher.js'
import { PatternMatcher } from '../match/pattern-matcher.js'
import type { EntityRule, Rule, RuleSource } from '../model/rule.js'
import type { RuleSet } from '../match/rule-set.js'
import { validateRules } from './validate.js'

/** A rule set as loaded and validated, before compiling: plain data, which a worker thread can be sent. */
export interface LoadedRules extends RuleSource {
  files: string[]
  /**
   * Each pattern rule's regular expression as its matcher runs it (patternMatcherSource), by rule id:
   * deriving it parses the pattern with regexpp, 30 ms at start-up that a worker or a kept rule set
   * (cache.ts) need not spend again.
   */
  patternSources?: Record<string, string>
}

export function compileRules(rules: Rule[], files: string[] = [], knowledge: Omit<RuleSource, 'rules'> = { names: [], gazetteer: [] }): RuleSet {
  validateRules(rules)
  return compileValidated({ rules, files, ...knowledge })
}

/** The rule set each `loadedRulesOf` result came from: in the same thread there is nothing to compile again. */
const compiledFrom = new WeakMap<LoadedRules, RuleSet>()

/** Compiles rules that were validated already (in another thread: validation is the costly part). */
export function compileValidated(loaded: LoadedRules): RuleSet {
  const compiled = compiledFrom.get(loaded)
  if (compiled) return compiled
  const { rules, files, names, gazetteer, patternSources } = loaded
  const entities = rules.filter((rule): rule is EntityRule => rule.kind === 'entity')
  return {
    files,
    rules,
    names,
    gazetteer,
    entityMatcher: new EntityMatcher(entities),
    patternMatchers: rules.flatMap((rule) => (rule.kind === 'pattern' ? [new PatternMatcher(rule, patternSources?.[rule.id])] : [])),
  }
}

/** The loaded form of a compiled rule set (what `compileValidated` turns back into it). */
export function loadedRulesOf(ruleSet: RuleSet): LoadedRules {
  const { files, rules, names, gazetteer } = ruleSet
  const patternSources = Object.fromEntries(ruleSet.patternMatchers.map((matcher) => [matcher.rule.id, matcher.source]))
  const loaded = { files, rules, names, gazetteer, patternSources }
  compiledFrom.set(loaded, ruleSet)
  return loaded
}
