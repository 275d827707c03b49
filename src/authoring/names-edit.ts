import { existsSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { isMap, isScalar, isSeq, parseDocument, type YAMLSeq } from 'yaml'
import { ConfigError, ConfigErrors } from '../model/errors.js'
import { readTextFile } from '../io/read.js'
import { writeFileAtomic } from '../io/write.js'
import { parseRuleSource } from '../rules/load.js'
import { yamlScalar } from '../rules/yaml-scalar.js'

/** The file of a rules folder that holds the names known to be right. */
export const NAMES_FILE = 'names.yaml'

/** What adding names did: the words written, and those the file listed already (each once, in the order given). */
export interface NamesAdded {
  added: string[]
  already: string[]
}

export interface NamesPlan extends NamesAdded {
  /** The file's text before (null: there is no file yet) and after the edit. */
  before: string | null
  after: string
}

const NEW_FILE_HEADER = [
  '# Names known to be right in this project: a personal dictionary for `mtclean check`. A word listed',
  '# here is never reported as unknown, suspect or run together. Added to by `mtclean names add`.',
  '',
  '',
]

const MAX_WORDS = 5
const MAX_LENGTH = 80

/**
 * A name as it will be listed (surrounding spaces dropped), or a ConfigError saying why it cannot be:
 * empty, no letter, a control or invisible format character, other spacing than single spaces, or more
 * than a few words (a names list holds names, not sentences).
 */
export function checkName(word: string, file: string): string {
  const name = word.trim()
  const shown = JSON.stringify(word)
  if (name === '') throw new ConfigError('a name must not be empty', file)
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) throw new ConfigError(`${shown}: a name must not hold control or invisible characters`, file)
  if (/[^\S ]| {2}/u.test(name)) throw new ConfigError(`${shown}: the words of a name are separated by single spaces`, file)
  if (!/\p{L}/u.test(name)) throw new ConfigError(`${shown}: a name needs a letter`, file)
  if (name.length > MAX_LENGTH || name.split(' ').length > MAX_WORDS) {
    throw new ConfigError(`${shown}: a name is a word or a few (at most ${MAX_WORDS} words, ${MAX_LENGTH} characters)`, file)
  }
  return name
}

/** Offset of the end of the line holding `offset`: its `\r\n` or `\n`, or the end of the text. */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  if (newline < 0) return text.length
  return text[newline - 1] === '\r' ? newline - 1 : newline
}

/** Column of the `-` that introduces the sequence item starting at `itemStart`. */
function dashColumn(text: string, itemStart: number): number {
  const dash = text.lastIndexOf('-', itemStart)
  return dash - (text.lastIndexOf('\n', dash) + 1)
}

/**
 * `text` with `names` appended to its `names:` list. A line-level edit, as `rules add` does (edit.ts):
 * re-serialising the document with `yaml` would re-flow comments, quotes and blank lines, so only new
 * lines are inserted, after the list's last item, at its indentation, with the file's line ending.
 */
function insertNames(text: string, names: string[], file: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const items = (indent: string): string => names.map((name) => `${eol}${indent}- ${yamlScalar(name)}`).join('')
  const doc = parseDocument(text)
  if (doc.contents === null) {
    // Empty, or comments only: the list goes at the end.
    const base = text === '' || text.endsWith('\n') ? text : `${text}${eol}`
    return `${base}names:${items('  ')}${eol}`
  }
  if (!isMap(doc.contents)) throw new ConfigError('not a rule file: expected a mapping (e.g. `names:`) at the top', file)
  if (doc.contents.flow) throw new ConfigError('the file is one flow mapping ({…}): add the names by hand', file)
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === 'names')
  if (!pair) {
    const base = text.endsWith('\n') ? text : `${text}${eol}`
    return `${base}${eol}names:${items('  ')}${eol}`
  }
  const list = pair.value
  if (isSeq(list) && list.flow) return insertIntoFlow(text, list, names)
  if (isSeq(list) && list.items.length > 0) {
    const last = list.items[list.items.length - 1] as { range?: [number, number, number] }
    const at = endOfLine(text, last.range![1] - 1)
    return `${text.slice(0, at)}${items(' '.repeat(dashColumn(text, last.range![0])))}${text.slice(at)}`
  }
  throw new ConfigError('`names` is not a list of names: add them by hand', file)
}

function insertIntoFlow(text: string, list: YAMLSeq, names: string[]): string {
  const last = list.items[list.items.length - 1] as { range?: [number, number, number] } | undefined
  const at = last?.range ? last.range[1] : list.range![1] - 1
  return `${text.slice(0, at)}${last ? ', ' : ''}${names.map(yamlScalar).join(', ')}${text.slice(at)}`
}

/**
 * Plans adding `words` to the names list in `text` (null: no file yet, one is made with a short header).
 * Words the file lists already are reported, not added twice. The edited text is loaded back as a rule
 * file and must list exactly the names it listed before and the new ones: nothing else may change.
 */
export function planNames(text: string | null, words: string[], file: string): NamesPlan {
  const names = [...new Set(words.map((word) => checkName(word, file)))]
  // Throws ConfigErrors at file:line:column if the file is not a valid rule file as it is.
  const listed = text === null ? [] : parseRuleSource(text, file).names
  const known = new Set(listed)
  const added = names.filter((name) => !known.has(name))
  const already = names.filter((name) => known.has(name))
  if (added.length === 0) return { added, already, before: text, after: text ?? '' }
  const after = insertNames(text ?? NEW_FILE_HEADER.join('\n'), added, file)
  if (!listsExactly(after, file, [...listed, ...added])) {
    // A layout the line edit does not foresee: nothing is written rather than a file that says otherwise.
    throw new ConfigError(
      `adding ${added.map((name) => JSON.stringify(name)).join(', ')} by a line edit would change what the file says: add them by hand`,
      file,
    )
  }
  return { added, already, before: text, after }
}

/** Whether `text` loads as a rule file whose names are exactly `expected`, in order. */
function listsExactly(text: string, file: string, expected: string[]): boolean {
  try {
    const names = parseRuleSource(text, file).names
    return names.length === expected.length && names.every((name, index) => name === expected[index])
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ConfigErrors) return false
    throw error
  }
}

/**
 * Adds `words` to the names file `file` (made if it does not exist), keeping its comments, order,
 * indentation and line endings; writes atomically and durably, through a symbolic link to its target,
 * keeping the file's mode. Refuses a file inside an installed package (`node_modules`): an upgrade would
 * lose the words, and the bundled rules are not the project's. With `dryRun`, writes nothing.
 */
export function addNames(file: string, words: string[], options: { dryRun?: boolean } = {}): NamesAdded {
  const exists = existsSync(file)
  const target = exists ? realpathSync(file) : path.join(realpathOrSelf(path.dirname(file)), path.basename(file))
  if (target.split(path.sep).includes('node_modules')) {
    throw new ConfigError('is inside an installed package: keep names in your project (a ./rules folder, or --file PATH)', file)
  }
  const plan = planNames(exists ? readTextFile(target) : null, words, file)
  if (plan.added.length > 0 && !options.dryRun) {
    writeFileAtomic(target, plan.after, { durable: true, like: exists ? statSync(target) : undefined })
  }
  return { added: plan.added, already: plan.already }
}

function realpathOrSelf(folder: string): string {
  try {
    return realpathSync(folder)
  } catch {
    return path.resolve(folder)
  }
}

/** Whether `file` is a folder. */
const isFolder = (file: string): boolean => {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}

/** The names file in a rules folder: `names.yaml`, or a `names.yml` that is there already. */
function namesFileIn(folder: string): string {
  const yml = path.join(folder, 'names.yml')
  return existsSync(yml) && !existsSync(path.join(folder, NAMES_FILE)) ? yml : path.join(folder, NAMES_FILE)
}

/**
 * The project's names file, as an absolute path: `file` if given; else the names file in the first
 * folder of `rules` (or a `names.yaml` listed in it); else in `./rules`. Never the rules bundled with
 * mtclean: with neither `file`, `rules` nor a `./rules` folder, a ConfigError says what to do.
 */
export function projectNamesFile(options: { file?: string; rules?: string[]; cwd: string }): string {
  const resolve = (each: string): string => path.resolve(options.cwd, each)
  if (options.file) return resolve(options.file)
  if (options.rules && options.rules.length > 0) {
    const folder = options.rules.map(resolve).find(isFolder)
    if (folder !== undefined) return namesFileIn(folder)
    const listed = options.rules.find((each) => /^names\.ya?ml$/u.test(path.basename(each)))
    if (listed !== undefined) return resolve(listed)
    throw new ConfigError('no rules folder and no names.yaml among --rules: pass --file PATH to name the names file', options.rules[0]!)
  }
  if (isFolder(resolve('rules'))) return namesFileIn(resolve('rules'))
  throw new ConfigError(
    'no ./rules folder here: create one (mkdir rules) or pass --file PATH (the rules bundled with mtclean are never changed)',
    'mtclean names',
  )
}
