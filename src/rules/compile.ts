import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { EntityMatcher } from '../match/entity-matcher.js'
import { PatternMatcher } from '../match/pattern-matcher.js'
import { listRuleFiles, loadRuleFiles } from './load.js'
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

export function compileRules(rules: Rule[], files: string[] = [], knowledge: Omit<RuleSource, 'rules'> = { names: [], gazetteer: [] }): RuleSet {
  validateRules(rules)
  const entities = rules.filter((rule): rule is EntityRule => rule.kind === 'entity')
  return {
    files,
    rules,
    ...knowledge,
    entityMatcher: new EntityMatcher(entities),
    patternMatchers: rules.flatMap((rule) => (rule.kind === 'pattern' ? [new PatternMatcher(rule)] : [])),
  }
}

/** The rules shipped with mtclean, used when neither `--rules` nor a `./rules` folder is there. */
export const BUNDLED_RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules')

export function defaultRulePaths(cwd: string): string[] {
  const local = path.join(cwd, 'rules')
  return [existsSync(local) ? path.relative(cwd, local) || '.' : BUNDLED_RULES]
}

/** rules (load, validate, compile): the first step of the pipeline. Throws ConfigErrors. */
export function loadRuleSet(rulePaths: string[]): RuleSet {
  const files = listRuleFiles(rulePaths)
  const { rules, ...knowledge } = loadRuleFiles(files)
  return compileRules(rules, files, knowledge)
}
