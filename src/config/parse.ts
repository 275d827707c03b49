import path from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type Scalar } from 'yaml'
import { ConfigError } from '../model/errors.js'
import { backtrackingVerdict } from '../rules/redos.js'
import { REPORT_VIEWS, SEVERITIES, type IgnoreEntry, type ProjectConfig, type ReportView, type RuleLayers, type Severity } from './types.js'

/** A config as the YAML loader read it: the document, and where in it the config is (`mtclean` in package.json). */
export interface ConfigSource {
  document: Document
  lineCounter: LineCounter
  /** The config's node, or undefined for an empty file. */
  node: Node | undefined
}

/** Parses YAML (a JSON package.json is YAML too); a syntax error is one ConfigError at its line and column. */
export function parseConfigText(text: string, shown: string): { document: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const error = document.errors[0]
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0])
    throw new ConfigError(`invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, shown, line, col)
  }
  return { document, lineCounter }
}

const KEYS = ['inputs', 'out', 'rules', 'checks', 'report', 'extensions', 'ignore'] as const
const RULE_KEYS = ['bundled', 'folder', 'extra'] as const

/**
 * Validates a config node into a ProjectConfig. Written over the YAML nodes rather than with a JSON schema:
 * each problem is reported at the node that has it (an unknown key at the key, a bad severity at the
 * value), in words about this config, and some checks are not a schema's (a regex must compile, a check
 * id must be one of mtclean's).
 * `file` is the config file (absolute); `shown`, its name in messages; `checkIds`, the rule ids of the checks.
 */
export function validateConfig(source: ConfigSource, file: string, shown: string, checkIds: readonly string[]): ProjectConfig {
  const folder = path.dirname(file)
  const fail = (node: Node | Pair['key'] | null | undefined, message: string): never => {
    const offset = (node as Node | undefined)?.range?.[0] ?? source.node?.range?.[0] ?? 0
    const { line, col } = source.lineCounter.linePos(offset)
    throw new ConfigError(message, shown, line, col)
  }
  const config: ProjectConfig = { file, folder, checks: {}, ignore: [] }
  const { node } = source
  if (node === undefined || isNull(node)) return config
  if (!isMap(node)) return fail(node, 'the config must be a mapping of keys (inputs, out, rules, checks, report, extensions, ignore)')

  const text = (value: unknown, what: string): string => {
    if (!isScalar(value) || typeof value.value !== 'string' || value.value === '') return fail(value as Node, `${what} must be a non-empty text`)
    return value.value
  }
  const list = (value: unknown, what: string): unknown[] => {
    if (isNull(value)) return []
    // A single text stands for a list of one, as `after: combat` does in rule files.
    if (isScalar(value) && typeof value.value === 'string') return [value]
    if (!isSeq(value)) return fail(value as Node, `${what} must be a list`)
    return value.items
  }
  const resolve = (given: string): string => path.resolve(folder, given)

  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value
    switch (key as (typeof KEYS)[number]) {
      case 'inputs':
        config.inputs = list(value, 'inputs').map((item) => resolve(text(item, 'each input')))
        break
      case 'out':
        config.out = resolve(text(value, 'out'))
        break
      case 'rules':
        config.rules = ruleLayers(value)
        break
      case 'checks':
        config.checks = checkSeverities(value)
        break
      case 'report':
        config.report = list(value, 'report').map((item) => {
          const view = isScalar(item) ? item.value : undefined
          if (!(REPORT_VIEWS as readonly unknown[]).includes(view)) return fail(item as Node, `each report view must be one of: ${REPORT_VIEWS.join(', ')}`)
          return view as ReportView
        })
        break
      case 'extensions':
        config.extensions = list(value, 'extensions').map((item) => {
          const extension = text(item, 'each extension').replace(/^\./u, '')
          if (!/^[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)*$/u.test(extension)) fail(item as Node, 'an extension is letters and digits, such as txt or md')
          return extension
        })
        if (config.extensions.length === 0) fail(value as Node, 'extensions must not be empty (leave the key out for the default)')
        break
      case 'ignore':
        config.ignore = list(value, 'ignore').map(ignoreEntry)
        break
      default:
        fail(pair.key as Node, `unknown key "${key}" (known: ${KEYS.join(', ')})`)
    }
  }
  return config

  function ruleLayers(value: unknown): RuleLayers {
    if (isNull(value)) return { bundled: true, extra: [] }
    if (!isMap(value)) return fail(value as Node, 'rules must be a mapping: bundled (true or false), folder, extra')
    const layers: RuleLayers = { bundled: true, extra: [] }
    for (const pair of value.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      switch (key as (typeof RULE_KEYS)[number]) {
        case 'bundled':
          if (!isScalar(pair.value) || typeof pair.value.value !== 'boolean') fail(pair.value as Node, 'rules.bundled must be true or false')
          layers.bundled = (pair.value as Scalar<boolean>).value
          break
        case 'folder':
          layers.folder = resolve(text(pair.value, 'rules.folder'))
          break
        case 'extra':
          layers.extra = list(pair.value, 'rules.extra').map((item) => resolve(text(item, 'each extra rule file')))
          break
        default:
          fail(pair.key as Node, `unknown key "${key}" in rules (known: ${RULE_KEYS.join(', ')})`)
      }
    }
    if (!layers.bundled && !layers.folder && layers.extra.length === 0)
      fail(value, 'rules: with bundled: false, name a folder or extra files (there would be no rules)')
    return layers
  }

  function checkSeverities(value: unknown): Record<string, Severity> {
    if (isNull(value)) return {}
    if (!isMap(value)) return fail(value as Node, 'checks must be a mapping of check ids to off, warn or error')
    const severities: Record<string, Severity> = {}
    for (const pair of value.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!checkIds.includes(id)) fail(pair.key as Node, `unknown check "${id}" (known: ${checkIds.join(', ')})`)
      // YAML 1.1 habits: `off` is a text in YAML 1.2 (the yaml package's default), so it arrives as 'off'.
      const severity = isScalar(pair.value) ? pair.value.value : undefined
      if (!(SEVERITIES as readonly unknown[]).includes(severity)) fail(pair.value as Node, `the severity of ${id} must be one of: ${SEVERITIES.join(', ')}`)
      severities[id] = severity as Severity
    }
    return severities
  }

  function ignoreEntry(item: unknown): IgnoreEntry {
    if (isScalar(item) && typeof item.value === 'string' && item.value !== '') return { phrase: item.value }
    if (isMap(item)) {
      const regexNode = item.get('regex', true)
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : ''
        if (key !== 'regex' && key !== 'flags') fail(pair.key as Node, `unknown key "${key}" in an ignore entry (known: regex, flags)`)
      }
      const regex = text(regexNode, 'ignore: regex')
      const flagsNode = item.get('flags', true)
      const flags = flagsNode === undefined ? '' : text(flagsNode, 'ignore: flags')
      if (!/^[ims]*$/u.test(flags)) fail(flagsNode as Node, 'ignore: flags may hold i, m and s')
      try {
        new RegExp(regex, `gu${flags}`)
      } catch (error) {
        fail(regexNode as Node, `ignore: not a valid regular expression: ${(error as Error).message}`)
      }
      // It runs over every text, as a rule's pattern does: the same check (recheck; its verdicts are kept on disk).
      const backtracking = backtrackingVerdict(regex, `gu${flags}`)
      if (backtracking)
        fail(
          regexNode as Node,
          `ignore: this regular expression can backtrack catastrophically (${backtracking}): rewrite it without repeats that can match the same text`,
        )
      return { regex, flags }
    }
    return fail(item as Node, 'each ignore entry is a phrase (a text), or a mapping with regex (and flags)')
  }
}

function isNull(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null)
}
