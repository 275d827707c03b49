import type { SourceLocation } from './errors.js'

/** The one table of rule categories: the schema, the docs and the reports derive from it. */
export const CATEGORIES = ['person', 'organisation', 'place', 'term', 'spacing', 'artifact'] as const
export type Category = (typeof CATEGORIES)[number]

/** Context words around a match: `after` = the words just before it, `before` = the words just after it. */
export const CONTEXT_KEYS = ['after', 'notAfter', 'before', 'notBefore'] as const
export type ContextKey = (typeof CONTEXT_KEYS)[number]
export type Context = Partial<Record<ContextKey, string[]>>

/** An inline example: `before` must become `after`; without `after` the rule must leave `before` unchanged. */
export interface RuleExample {
  before: string
  after?: string
  location: SourceLocation
}

export type RuleKind = 'entity' | 'pattern'

/** What every compiled rule shares; reports and the review use only this. */
export interface RuleInfo {
  id: string
  kind: RuleKind
  category: Category
  note?: string
  /** Where the rule's entry starts in its YAML file. */
  location: SourceLocation
  /** Position in the rule set (files in name order; in a file, entities then patterns, each in file order): the tie-breaker for overlaps. */
  order: number
  examples: RuleExample[]
}

export interface EntityVariant {
  text: string
  ignoreCase: boolean
  context: Context
  location: SourceLocation
}

export interface EntityRule extends RuleInfo {
  kind: 'entity'
  canonical: string
  zh?: string
  variants: EntityVariant[]
}

export interface PatternRule extends RuleInfo {
  kind: 'pattern'
  pattern: string
  replace: string
  ignoreCase: boolean
  context: Context
}

export type Rule = EntityRule | PatternRule

/** A well-known name with its Chinese form: read by the suspect-name check, never used to rewrite. */
export interface GazetteerEntry {
  name: string
  full?: string
  zh: string
  category: Category
  note?: string
  variants: string[]
  location: SourceLocation
}

/** Everything a rule set's files hold. */
export interface RuleSource {
  rules: Rule[]
  /** Names known to be right: a personal dictionary for the checks. */
  names: string[]
  gazetteer: GazetteerEntry[]
}
