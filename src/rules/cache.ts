import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import findCacheDirectory from 'find-cache-directory'
import { writeFileAtomic } from '../io/write.js'
import { shownPath } from '../model/paths.js'
import type { LoadedRules } from './compile.js'
import type { RuleSource } from '../model/rule.js'

/**
 * A cache of parsed rule files, as nyc, AVA and babel keep theirs: in `node_modules/.cache/mtclean` of the
 * nearest package above the working folder (find-cache-directory; none outside a package), keyed by a hash of the file's path and text and of this
 * version of the loader, so an edit, a move or an upgrade misses it. Parsing YAML is the cost it saves
 * (1 s for a file of 10,000 entities; the whole rule set is still validated on every run). Only files
 * that parsed without an error are kept, an entry that cannot be read is a miss, and the oldest entries
 * beyond MAX_ENTRIES are removed.
 */
const FORMAT = 1
/** Entries kept: every edit of a rule file adds one, so the oldest go (a rule set has a handful of files). */
export const MAX_ENTRIES = 100

let loaderFingerprint: string | undefined
/** The loader's own code: a change to how rules are parsed invalidates every entry. */
function fingerprint(): string {
  // The loader's modules have this module's extension: .js when built, .ts under the tests.
  const extension = path.extname(fileURLToPath(import.meta.url))
  loaderFingerprint ??= createHash('sha256')
    .update(String(FORMAT))
    .update(readFileSync(new URL(`./load${extension}`, import.meta.url)))
    .update(readFileSync(new URL(`./schema${extension}`, import.meta.url)))
    .digest('hex')
  return loaderFingerprint
}

export interface RuleFileCache {
  get(file: string, text: string): RuleSource | undefined
  set(file: string, text: string, source: RuleSource): void
}

export function ruleFileCache(cwd: string): RuleFileCache | undefined {
  const folder = process.env.MTCLEAN_NO_CACHE ? undefined : findCacheDirectory({ name: 'mtclean', cwd })
  if (!folder) return undefined
  const entryPath = (file: string, text: string): string =>
    path.join(folder, `${createHash('sha256').update(fingerprint()).update(file).update('\u0000').update(text).digest('hex')}.json`)
  const entries = jsonEntries<RuleSource>(folder)
  return {
    get: (file, text) => entries.read(entryPath(file, text)),
    set: (file, text, source) => entries.write(entryPath(file, text), source),
  }
}

/**
 * The code a validated rule set depends on: what loads and validates it, and what settle.ts runs to check
 * that it settles (the matchers and the applier). A change to any of them invalidates every kept rule set.
 */
const RULE_SET_MODULES = [
  './load',
  './schema',
  './validate',
  './redos',
  './settle',
  './compile',
  '../engine/clean',
  '../apply/apply',
  '../match/index',
  '../match/entity-matcher',
  '../match/phrase-index',
  '../match/pattern-matcher',
  '../match/regexp-source',
  '../match/run-start',
  '../match/casing',
]

let ruleSetFingerprint: string | undefined
function ruleSetCodeFingerprint(): string {
  const extension = path.extname(fileURLToPath(import.meta.url))
  if (ruleSetFingerprint === undefined) {
    const hash = createHash('sha256').update(`set ${FORMAT}`)
    for (const module of RULE_SET_MODULES) hash.update(readFileSync(new URL(`${module}${extension}`, import.meta.url)))
    ruleSetFingerprint = hash.digest('hex')
  }
  return ruleSetFingerprint
}

export interface RuleSetCache {
  get(files: string[], texts: string[]): LoadedRules | undefined
  set(files: string[], texts: string[], loaded: LoadedRules): void
}

/**
 * A cache of whole rule sets as they were after validation and the check that they settle, beside the
 * parsed files: a run whose rule files are all as before (same paths, same texts, same code) skips
 * validating them again, which took 40 ms of the 200 ms `clean -` takes on a line of text (issue 17). The
 * entries count towards MAX_ENTRIES with the others.
 */
export function ruleSetCache(cwd: string): RuleSetCache | undefined {
  const folder = process.env.MTCLEAN_NO_CACHE ? undefined : findCacheDirectory({ name: 'mtclean', cwd })
  if (!folder) return undefined
  const entryPath = (files: string[], texts: string[]): string => {
    const hash = createHash('sha256').update(ruleSetCodeFingerprint())
    files.forEach((file, index) => {
      hash.update(`\u0000${file}\u0000${shownPath(file)}\u0000${texts[index]!.length}\u0000`).update(texts[index]!)
    })
    return path.join(folder, `set-${hash.digest('hex')}.json`)
  }
  const entries = jsonEntries<LoadedRules>(folder)
  return {
    get: (files, texts) => entries.read(entryPath(files, texts)),
    set: (files, texts, loaded) => entries.write(entryPath(files, texts), loaded),
  }
}

/** Reading and writing a cache entry as JSON: an entry that is missing or unreadable is a miss. */
function jsonEntries<T>(folder: string): { read(entry: string): T | undefined; write(entry: string, value: T): void } {
  return {
    read(entry) {
      try {
        return JSON.parse(readFileSync(entry, 'utf8')) as T
      } catch {
        return undefined
      }
    },
    write(entry, value) {
      try {
        writeFileAtomic(entry, JSON.stringify(value))
        prune(folder)
      } catch {
        // A cache that cannot be written is only slower.
      }
    },
  }
}

/** Removes the oldest entries beyond MAX_ENTRIES. Runs on a miss only, which is rare. */
function prune(folder: string): void {
  const entries = readdirSync(folder).filter((name) => name.endsWith('.json'))
  if (entries.length <= MAX_ENTRIES) return
  const byAge = entries
    .map((name) => ({ name, modified: statSync(path.join(folder, name)).mtimeMs }))
    .sort((a, b) => a.modified - b.modified || a.name.localeCompare(b.name))
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES)) rmSync(path.join(folder, name), { force: true })
}
