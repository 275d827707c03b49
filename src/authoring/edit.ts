import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml'
import { ConfigError, ConfigErrors } from '../model/errors.js'
import { compileRules } from '../rules/compile.js'
import { listRuleFiles, parseRuleSource } from '../rules/load.js'
import { unsettledRules } from '../rules/settle.js'
import type { Category, RuleSource } from '../model/rule.js'
import { yamlScalar } from '../rules/yaml-scalar.js'
import { shownPath } from '../model/paths.js'

/** A canonical form and variants to add: to its entity if one exists, else as a new entity. */
export interface AddRequest {
  canonical: string
  variants: string[]
  category?: Category
  /** Where a new entity goes; default `<rules folder>/<category file>`. */
  file?: string
  note?: string
  zh?: string
  examples?: { before: string; after?: string }[]
}

export interface FileEdit {
  file: string
  before: string | null
  after: string
}

/** Where a new entity of each category goes by default. */
const FILE_OF_CATEGORY: Record<Category, string> = {
  person: 'people.yaml',
  organisation: 'organisations.yaml',
  place: 'places.yaml',
  term: 'terms.yaml',
  spacing: 'spacing.yaml',
  artifact: 'artifacts.yaml',
}

/** A scalar as YAML text: plain where it reads back as the same string (not `True`, `1e3`), else double-quoted. */
const scalar = yamlScalar

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'entity'

/** The line start and the indentation of the `- ` that introduces a sequence item. */
function dashColumn(text: string, itemStart: number): number {
  const dash = text.lastIndexOf('-', itemStart)
  return dash - (text.lastIndexOf('\n', dash) + 1)
}

const endOfLine = (text: string, offset: number): number => {
  const newline = text.indexOf('\n', offset)
  return newline < 0 ? text.length : newline
}

function insertVariants(text: string, seq: YAMLSeq, variants: string[]): string {
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined
  if (seq.flow) {
    const at = last?.range ? last.range[1] : seq.range![1] - 1
    const joined = variants.map(scalar).join(', ')
    return `${text.slice(0, at)}${last ? ', ' : ''}${joined}${text.slice(at)}`
  }
  const at = endOfLine(text, last!.range![1] - 1)
  const indent = ' '.repeat(dashColumn(text, last!.range![0]))
  return `${text.slice(0, at)}${variants.map((variant) => `\n${indent}- ${scalar(variant)}`).join('')}${text.slice(at)}`
}

function entityText(request: AddRequest, id: string, indent: string): string {
  const inner = `${indent}  `
  const lines = [`${indent}- id: ${id}`, `${inner}canonical: ${scalar(request.canonical)}`]
  if (request.zh) lines.push(`${inner}zh: ${scalar(request.zh)}`)
  lines.push(`${inner}category: ${request.category}`)
  if (request.note) lines.push(`${inner}note: ${JSON.stringify(request.note)}`)
  lines.push(`${inner}variants: [${request.variants.map(scalar).join(', ')}]`)
  if (request.examples?.length) {
    lines.push(`${inner}examples:`)
    for (const example of request.examples) {
      lines.push(`${inner}  - before: ${JSON.stringify(example.before)}`)
      if (example.after !== undefined) lines.push(`${inner}    after: ${JSON.stringify(example.after)}`)
    }
  }
  return lines.join('\n')
}

/**
 * Plans the edits that add `requests` to the rule files: each variant goes to the entity with that
 * canonical form (in whatever file it is), or a new entity is made in the category's file. Only the lines
 * of the new variants or entity change; comments, order and style stay. The whole rule set is validated
 * with the edits before anything is returned, so a conflict (a variant another entity claims, a cycle)
 * is an error and nothing is written.
 */
export function planAdd(ruleFiles: string[], rulesFolder: string, requests: AddRequest[], options: { writableFolder?: string } = {}): FileEdit[] {
  const texts = new Map<string, string>(ruleFiles.map((file) => [file, readFileSync(file, 'utf8')]))
  const original = new Map(texts)
  // With layers (the bundled rules, then the project's), only files in the project's folder are edited.
  const writable = (file: string): boolean => options.writableFolder === undefined || !path.relative(options.writableFolder, file).startsWith('..')
  for (const request of requests) {
    if (request.variants.length === 0) throw new ConfigError('no variant to add', request.canonical)
    let done = false
    for (const [file, text] of texts) {
      const doc = parseDocument(text)
      const entities = doc.get('entities', true)
      if (!isSeq(entities)) continue
      const entity = entities.items.find((item): item is YAMLMap => isMap(item) && item.get('canonical') === request.canonical)
      if (!entity) continue
      const variants = entity.get('variants', true)
      if (!isSeq(variants)) throw new ConfigError(`entity "${request.canonical}" has no variants list`, file)
      const known = new Set(variants.items.map((item) => (isScalar(item) ? String(item.value) : isMap(item) ? String(item.get('text')) : '')))
      if (!writable(file)) {
        // An entity of a layer the project does not write (the bundled rules): a second entity with the same
        // canonical form is refused by the validator, and the layer is never edited. Say what to do instead.
        const fresh = request.variants.filter((variant) => !known.has(variant))
        if (fresh.length === 0) {
          done = true
          break
        }
        const line = text.slice(0, entity.range![0]).split('\n').length
        throw new ConfigError(
          `"${request.canonical}" is an entity of a rule layer this project does not write: copy the entity into ${shownPath(options.writableFolder!)} and set \`bundled: false\` under \`rules:\` in the project config`,
          shownPath(file),
          line,
        )
      }
      const fresh = request.variants.filter((variant) => !known.has(variant))
      if (fresh.length > 0) texts.set(file, insertVariants(text, variants, fresh))
      done = true
      break
    }
    if (done) continue
    if (!request.category) throw new ConfigError('a new entity needs --category', request.canonical)
    const file = request.file ?? path.join(rulesFolder, FILE_OF_CATEGORY[request.category])
    const text = texts.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : null)
    if (!texts.has(file)) original.set(file, text ?? '')
    const ids = new Set([...texts.values()].flatMap((each) => [...each.matchAll(/^\s*- id: (\S+)/gm)].map((match) => match[1]!)))
    let id = slug(request.canonical)
    for (let n = 2; ids.has(id); n++) id = `${slug(request.canonical)}-${n}`
    if (text === null || text.trim() === '') {
      texts.set(file, `# ${request.category} entities, added by mtclean rules add.\n\nentities:\n${entityText(request, id, '  ')}\n`)
      continue
    }
    const doc = parseDocument(text)
    const entities = doc.get('entities', true)
    if (isSeq(entities) && !entities.flow && entities.items.length > 0) {
      const last = entities.items[entities.items.length - 1] as YAMLMap
      const at = endOfLine(text, last.range![1] - 1)
      const indent = ' '.repeat(dashColumn(text, last.range![0]))
      texts.set(file, `${text.slice(0, at)}\n\n${entityText(request, id, indent)}${text.slice(at)}`)
    } else if (!doc.has('entities')) {
      texts.set(file, `${text.replace(/\n*$/u, '\n')}\nentities:\n${entityText(request, id, '  ')}\n`)
    } else {
      throw new ConfigError('its entities list is empty or in flow style: add the entity by hand', file)
    }
  }

  // Validate the whole rule set as it would be after the edits.
  const source: RuleSource = { rules: [], names: [], gazetteer: [] }
  const errors: ConfigError[] = []
  for (const [file, text] of texts) {
    try {
      const loaded = parseRuleSource(text, file, source.rules.length)
      for (const rule of loaded.rules) source.rules.push(rule)
    } catch (error) {
      if (error instanceof ConfigErrors) for (const each of error.errors) errors.push(each)
      else throw error
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors)
  const unsettled = unsettledRules(compileRules(source.rules))
  if (unsettled.length > 0) throw new ConfigErrors(unsettled)
  return [...texts]
    .filter(([file, text]) => original.get(file) !== text)
    .map(([file, text]) => ({ file, before: original.get(file) ?? null, after: inLineEndingsOf(original.get(file), text) }))
}

/**
 * The edits that add `requests` to the rule set named by `rulePaths` (as `--rules` names it): a new
 * entity goes into the first rules folder named (or the folder of the first file).
 */
export function planAddTo(rulePaths: string[], requests: AddRequest[]): FileEdit[] {
  const folder = rulePaths.find((each) => !/\.ya?ml$/.test(each)) ?? path.dirname(rulePaths[0]!)
  return planAdd(listRuleFiles(rulePaths), folder, requests)
}

/** The edited text with the line endings of the file as it was: new lines in a CRLF file get CRLF too. */
function inLineEndingsOf(before: string | null | undefined, after: string): string {
  const crlf = before?.includes('\r\n') && !/(?<!\r)\n/.test(before)
  return crlf ? after.replace(/\r?\n/g, '\r\n') : after
}
