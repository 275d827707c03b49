import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import findCacheDirectory from 'find-cache-directory'
import { writeFileAtomic } from '../io/write.js'

// Verdicts on rules that cost time to reach and depend only on their input (recheck's, whether a pattern
// can match the empty string, whether a rule set settles), kept between runs.

const known = new Map<string, unknown>()

/** A pure function's result, kept in memory and, as `<hash>.verdict.json`, in the cache folder (verdictFolder). */
export function remembered<T>(input: string, compute: () => T, keep: (value: T) => boolean = () => true): T {
  const key = createHash('sha256').update(input).digest('hex')
  if (known.has(key)) return known.get(key) as T
  const folder = verdictFolder()
  const file = folder && path.join(folder, `${key}.verdict.json`)
  let value: T | undefined
  if (file) {
    try {
      value = (JSON.parse(readFileSync(file, 'utf8')) as { value: T }).value
    } catch {
      // Not judged yet, or an unreadable entry: judge it.
    }
  }
  if (value === undefined) {
    value = compute()
    if (file && keep(value)) {
      try {
        writeFileAtomic(file, JSON.stringify({ value }))
      } catch {
        // A cache that cannot be written is only slower.
      }
    }
  }
  known.set(key, value)
  return value
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Where verdicts are kept: the working folder's package cache (as for parsed rule files), else mtclean's
 * own, else (mtclean installed where the user cannot write) the user's cache folder, so that a run in a
 * folder outside any package (the usual case) does not fuzz the bundled rules again. A verdict depends
 * only on its input, so one kept for another folder is as good.
 */
function verdictFolder(): string | undefined {
  if (process.env.MTCLEAN_NO_CACHE) return undefined
  const cwd = process.cwd()
  if (folderFor?.cwd !== cwd) {
    folderFor = { cwd, folder: findCacheDirectory({ name: 'mtclean', cwd }) ?? findCacheDirectory({ name: 'mtclean', cwd: PACKAGE_ROOT }) ?? userCacheFolder() }
  }
  return folderFor.folder
}
let folderFor: { cwd: string; folder: string | undefined } | undefined

/** `$XDG_CACHE_HOME/mtclean` or `~/.cache/mtclean` (created on the first write), if a home is known. */
function userCacheFolder(): string | undefined {
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '')
  return base ? path.join(base, 'mtclean') : undefined
}
