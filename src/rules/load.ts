import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { globSync } from 'tinyglobby'
import type { Document, Node } from 'yaml'
import { ConfigError, ConfigErrors, type SourceLocation } from '../model/errors.js'
import { shownPath } from '../model/paths.js'
import { readTextFile } from '../io/read.js'
import { ruleFileCache, ruleSetCache } from './cache.js'
import type { RuleSet } from '../match/rule-set.js'
import { compileRules, compileValidated, loadedRulesOf } from './compile.js'
import { ruleFileSchema } from './schema.js'
import { unsettledRules } from './settle.js'
import { CONTEXT_KEYS, type Category, type Context, type GazetteerEntry, type Rule, type RuleExample, type RuleSource } from '../model/rule.js'

// The YAML parser and the schema validator take 100 ms to load and compile: a run whose rule files are
// all in the cache (cache.ts) needs neither, so they are loaded on the first file that must be parsed.
const require = createRequire(import.meta.url)
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml')
let validator: ValidateFunction | undefined
const ruleFileValidator = (): ValidateFunction =>
  (validator ??= new (require('ajv') as typeof import('ajv')).Ajv({ allErrors: true, strict: false }).compile(ruleFileSchema))

/** The YAML files a `--rules` argument names: a file as is, a folder's `*.yaml`/`*.yml` in name order. */
export function listRuleFiles(rulePaths: string[]): string[] {
  const files: string[] = []
  for (const rulePath of rulePaths) {
    let stats
    try {
      stats = statSync(rulePath)
    } catch {
      throw new ConfigError('no such rule file or folder', rulePath)
    }
    if (stats.isDirectory()) {
      const found = globSync(['*.yaml', '*.yml'], { cwd: rulePath }).sort()
      if (found.length === 0) throw new ConfigError('no rule files (*.yaml, *.yml) in this folder', rulePath)
      for (const name of found) files.push(path.join(rulePath, name))
    } else {
      files.push(rulePath)
    }
  }
  return files
}

/** Reads and schema-checks rule files; every problem is a ConfigError at its file:line:column. */
export function loadRuleFiles(files: string[]): RuleSource {
  const source: RuleSource = { rules: [], names: [], gazetteer: [] }
  const errors: ConfigError[] = []
  const cache = ruleFileCache(process.cwd())
  for (const file of files) {
    try {
      const loaded = loadRuleFile(file, source.rules.length, cache)
      // One at a time: spreading a list into push() overflows the stack beyond ~100,000 items (a names list of 130,000).
      for (const rule of loaded.rules) source.rules.push(rule)
      for (const name of loaded.names) source.names.push(name)
      for (const entry of loaded.gazetteer) source.gazetteer.push(entry)
    } catch (error) {
      if (error instanceof ConfigErrors) for (const each of error.errors) errors.push(each)
      else if (error instanceof ConfigError) errors.push(error)
      else throw error
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors)
  return source
}

export function loadRuleFile(file: string, firstOrder = 0, cache = ruleFileCache(process.cwd())): RuleSource {
  const text = readTextFile(file)
  // Every location says where the rule is as seen from the working folder (`../shared/rules/a.yaml:4:5`):
  // that is the name the parse and the cache entry are made under.
  const shown = shownPath(file)
  const cached = cache?.get(shown, text)
  if (cached) return { ...cached, rules: cached.rules.map((rule) => ({ ...rule, order: rule.order + firstOrder })) }
  const source = parseRuleSource(text, shown, 0)
  cache?.set(shown, text, source)
  return { ...source, rules: source.rules.map((rule) => ({ ...rule, order: rule.order + firstOrder })) }
}

type Path = (string | number)[]

/** Parses one rule file's text; `file` is only used to name locations. */
export function parseRuleSource(source: string, file: string, firstOrder = 0): RuleSource {
  const { LineCounter, parseDocument } = yaml()
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset)
    return { file, line, column: col }
  }
  if (doc.errors.length > 0) {
    throw new ConfigErrors(
      doc.errors.map((error) => {
        const { line, column } = at(error.pos[0])
        return new ConfigError(`invalid YAML: ${firstLine(error.message)}`, file, line, column)
      }),
    )
  }

  const data = expandShorthands(toData(doc, file, at) ?? {})
  const validateRuleFile = ruleFileValidator()
  if (!validateRuleFile(data)) {
    // One problem may break several schema keywords (type and pattern): report each place and message once.
    const seen = new Set<string>()
    const errors = (validateRuleFile.errors ?? [])
      .map((error) => {
        const { line, column } = at(offsetOfError(doc, error))
        return new ConfigError(describeSchemaError(error), file, line, column)
      })
      .filter((error) => !seen.has(error.format()) && Boolean(seen.add(error.format())))
    throw new ConfigErrors(errors)
  }

  const locate = (nodePath: Path): SourceLocation => at(offsetOf(doc, nodePath))
  const examplesAt = (list: RawExample[] | undefined, base: Path): RuleExample[] =>
    (list ?? []).map((example, index) => ({ ...example, location: locate([...base, 'examples', index]) }))

  const raw = data as RawRuleFile
  const rules: Rule[] = []
  raw.entities?.forEach((entity, index) => {
    const base: Path = ['entities', index]
    rules.push({
      kind: 'entity',
      id: entity.id,
      category: entity.category,
      note: entity.note,
      canonical: entity.canonical,
      zh: entity.zh,
      location: locate(base),
      order: firstOrder + rules.length,
      examples: examplesAt(entity.examples, base),
      variants: entity.variants.map((variant, variantIndex) => ({
        text: variant.text,
        ignoreCase: variant.ignoreCase ?? entity.ignoreCase ?? false,
        context: pickContext(variant),
        location: locate([...base, 'variants', variantIndex]),
      })),
    })
  })
  raw.patterns?.forEach((pattern, index) => {
    const base: Path = ['patterns', index]
    rules.push({
      kind: 'pattern',
      id: pattern.id,
      category: pattern.category,
      note: pattern.note,
      pattern: pattern.pattern,
      replace: pattern.replace,
      ignoreCase: pattern.ignoreCase ?? false,
      context: pickContext(pattern),
      location: locate(base),
      order: firstOrder + rules.length,
      examples: examplesAt(pattern.examples, base),
    })
  })
  const gazetteer: GazetteerEntry[] = (raw.gazetteer ?? []).map((entry, index) => ({
    ...entry,
    variants: entry.variants ?? [],
    location: locate(['gazetteer', index]),
  }))
  return { rules, names: raw.names ?? [], gazetteer }
}

/**
 * The document as plain data. yaml throws here, not while parsing, on an alias without its anchor and on
 * an alias bomb (more than 100 aliases expanded): both become one line at the alias.
 */
function toData(doc: Document, file: string, at: (offset: number) => SourceLocation): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error
    const { visit } = yaml()
    let offset: number | undefined
    visit(doc, {
      Alias(_, node) {
        const unresolved = node.resolve(doc) === undefined
        if (offset === undefined || unresolved) offset = node.range?.[0] ?? 0
        return unresolved ? visit.BREAK : undefined
      },
    })
    const { line, column } = at(offset ?? 0)
    throw new ConfigErrors([new ConfigError(`invalid YAML: ${firstLine(error.message)}`, file, line, column)])
  }
}

interface RawExample {
  before: string
  after?: string
}
interface RawCommon extends Context {
  id: string
  category: Category
  note?: string
  examples?: RawExample[]
}
interface RawVariant extends Context {
  text: string
  ignoreCase?: boolean
}
interface RawRuleFile {
  entities?: (RawCommon & { canonical: string; zh?: string; ignoreCase?: boolean; variants: RawVariant[] })[]
  patterns?: (RawCommon & { pattern: string; replace: string; ignoreCase?: boolean })[]
  names?: string[]
  gazetteer?: (Omit<GazetteerEntry, 'location' | 'variants'> & { variants?: string[] })[]
}

function pickContext(source: Context): Context {
  const context: Context = {}
  for (const key of CONTEXT_KEYS) if (source[key]) context[key] = source[key]
  return context
}

/** `variants: [Ravorov]` means `[{text: Ravorov}]`; `after: combat` means `after: [combat]`. */
function expandShorthands(data: unknown): unknown {
  if (!isRecord(data)) return data
  const expandContext = (item: unknown): unknown => {
    if (!isRecord(item)) return item
    const copy: Record<string, unknown> = { ...item }
    for (const key of CONTEXT_KEYS) if (typeof copy[key] === 'string') copy[key] = [copy[key]]
    return copy
  }
  const out: Record<string, unknown> = { ...data }
  if (Array.isArray(data.entities)) {
    out.entities = data.entities.map((entity: unknown) => {
      if (!isRecord(entity) || !Array.isArray(entity.variants)) return entity
      const variants = entity.variants.map((variant: unknown) => (typeof variant === 'string' ? { text: variant } : expandContext(variant)))
      return { ...entity, variants }
    })
  }
  if (Array.isArray(data.patterns)) out.patterns = data.patterns.map(expandContext)
  return out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Offset of the YAML node at `nodePath`, or of its nearest ancestor that exists in the source. */
function offsetOf(doc: Document, nodePath: Path): number {
  for (let length = nodePath.length; length >= 0; length--) {
    const node = doc.getIn(nodePath.slice(0, length), true) as Node | undefined
    if (node?.range) return node.range[0]
  }
  return 0
}

function offsetOfError(doc: Document, error: ErrorObject): number {
  const nodePath: Path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
  if (error.keyword === 'additionalProperties') {
    // Point at the unknown key itself, not at the mapping that holds it.
    const { isMap, isPair, isScalar } = yaml()
    const map = doc.getIn(nodePath, true)
    if (isMap(map)) {
      const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === error.params.additionalProperty)
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0]
    }
  }
  return offsetOf(doc, nodePath)
}

function describeSchemaError(error: ErrorObject): string {
  const name =
    error.instancePath
      .split('/')
      .filter((part) => !/^\d+$/.test(part))
      .pop() || 'rule file'
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(error.params.additionalProperty)}"`
    case 'required':
      return `missing key "${String(error.params.missingProperty)}"`
    case 'enum':
      return `${name} must be one of: ${(error.params.allowedValues as string[]).join(', ')}`
    case 'minLength':
    case 'pattern':
      return name === 'id' ? 'id must be lowercase letters, digits, ".", "_" or "-"' : `${name} must not be empty`
    case 'minItems':
      return `${name} must not be empty`
    case 'type':
      // An item of a list: say what an item must be (a variant is a text, or a mapping with `text`).
      if (/\/\d+$/.test(error.instancePath)) {
        return name === 'variants'
          ? 'a variant must be a text, or a mapping with "text" (and context keys)'
          : `each of ${name} must be ${String(error.params.type)}`
      }
      return `${name} must be ${String(error.params.type)}`
    default:
      return `${name} ${error.message ?? 'is invalid'}`
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/** The rules shipped with mtclean, used when neither `--rules` nor a `./rules` folder is there. */
export const BUNDLED_RULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules')

export function defaultRulePaths(cwd: string): string[] {
  const local = path.join(cwd, 'rules')
  return [existsSync(local) ? path.relative(cwd, local) || '.' : BUNDLED_RULES]
}

/** The rule paths a command uses: those given (`--rules`, the config), else the default ones for `cwd`. */
export function rulePathsOf(given: string[] | null | undefined, cwd: string): string[] {
  return given ?? defaultRulePaths(cwd)
}

/** rules (load, validate, compile, and check that they settle): the first step of the pipeline. Throws ConfigErrors. */
export function loadRuleSet(rulePaths: string[]): RuleSet {
  const files = listRuleFiles(rulePaths)
  // A rule set kept as it was validated and settled, file for file the same, is only compiled (cache.ts).
  const cache = ruleSetCache(process.cwd())
  const texts = cache && readTexts(files)
  const kept = texts && cache.get(files, texts)
  if (kept) return compileValidated(kept)
  const { rules, ...knowledge } = loadRuleFiles(files)
  const ruleSet = compileRules(rules, files, knowledge)
  const unsettled = unsettledRules(ruleSet)
  if (unsettled.length > 0) throw new ConfigErrors(unsettled)
  if (texts) cache.set(files, texts, loadedRulesOf(ruleSet))
  return ruleSet
}

/** The texts of the rule files, or undefined if one cannot be read (loading it then says why). */
function readTexts(files: string[]): string[] | undefined {
  try {
    return files.map((file) => readTextFile(file))
  } catch (error) {
    if (error instanceof ConfigError) return undefined
    throw error
  }
}
