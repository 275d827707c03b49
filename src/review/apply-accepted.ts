import { constants, copyFileSync, lstatSync, realpathSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { applyChanges } from '../apply/apply.js'
import { ConfigError } from '../model/errors.js'
import { describeFsError, readTextFile } from '../io/read.js'
import { writeFileAtomic } from '../io/write.js'
import { hashText, isSourceHash, type ReportedFile } from '../report/report.js'
import type { DecidableChange, RunRecord } from './record.js'

/** A change `apply` did not write, and why. */
export interface NotApplied {
  change: DecidableChange
  why: string
}

/** What `apply` did with one file of the report. */
export type FileOutcome =
  | { kind: 'applied'; file: string; applied: DecidableChange[]; notApplied: NotApplied[]; backup?: string }
  | { kind: 'already-applied'; file: string; acceptedSince: number }
  | { kind: 'not-applied'; file: string; notApplied: NotApplied[] }
  | { kind: 'refused'; file: string; why: string }

export interface ApplyOptions {
  backup: boolean
  /** Asked before each file: a signal stops the run between two files. */
  stopped: () => boolean
}

/** The text at a change's offsets and around it is still what the report saw: the change still fits. */
function stillFits(source: string, change: DecidableChange): boolean {
  const { start, end, before, context } = change
  return (
    end <= source.length &&
    source.slice(start, end) === before &&
    source.slice(start - context.before.length, start) === context.before &&
    source.slice(end, end + context.after.length) === context.after
  )
}

/** The first free backup name beside the file: `FILE.orig`, then `FILE.orig.1`, … */
function backUp(target: string): string {
  for (let attempt = 0; ; attempt++) {
    const name = attempt === 0 ? `${target}.orig` : `${target}.orig.${attempt}`
    try {
      // COPYFILE_EXCL creates the backup with O_EXCL: it never replaces a file and never follows a link.
      copyFileSync(target, name, constants.COPYFILE_EXCL)
      return name
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ConfigError(`cannot write the backup: ${describeFsError(error)}`, name)
    }
  }
}

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * The file `apply` may write for a source: a regular file inside the folder the report was made in (a
 * symlink's target, if that lies inside too), writable, and with no other hard link (a rename would split
 * them). Anything else is refused with the reason.
 */
function writableTarget(record: RunRecord, file: ReportedFile): { target: string; stats: Stats } {
  const source = record.sourcePath(file)
  let target = source
  try {
    if (lstatSync(source).isSymbolicLink()) {
      target = realpathSync(source)
      if (!isInside(target, realpathSync(record.base)))
        throw new ConfigError('a link to a file outside the folder the report was made in: not changed', record.shown(file))
    }
    const stats = statSync(target)
    if (!stats.isFile()) throw new ConfigError('not a regular file: not changed', record.shown(file))
    if (stats.nlink > 1) throw new ConfigError(`has ${stats.nlink} hard links: writing it would split them; not changed`, record.shown(file))
    if ((stats.mode & 0o222) === 0) throw new ConfigError('read-only: not changed (make it writable to apply)', record.shown(file))
    return { target, stats }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(describeFsError(error), record.shown(file))
  }
}

function applyToFile(record: RunRecord, file: ReportedFile, accepted: DecidableChange[], options: ApplyOptions): FileOutcome {
  const shown = record.shown(file)
  const { target, stats } = writableTarget(record, file)
  const source = readTextFile(target)
  const hash = hashText(source)
  const earlier = record.review.applied.get(file.copy)
  // The source is as an earlier `apply` left it, and the report is older than that: nothing left to write.
  if (earlier?.hash === hash && !isSourceHash(hash, file.sourceHash)) {
    return { kind: 'already-applied', file: shown, acceptedSince: accepted.filter((change) => !earlier.ids.includes(change.id)).length }
  }
  const notApplied: NotApplied[] = []
  const fitting = accepted.filter((change) => {
    if (stillFits(source, change)) return true
    notApplied.push({ change, why: 'the text there changed since `mtclean clean`: run it again and review' })
    return false
  })
  // Accepted changes overlap only if a person accepted both sides of an overlap by id: the earlier one wins.
  const result = applyChanges(
    source,
    fitting.map((change, order) => ({ start: change.start, end: change.end, after: change.after, rule: { order }, change })),
  )
  for (const skip of result.skipped)
    notApplied.push({ change: skip.change.change, why: `overlaps accepted change ${skip.by?.change.id ?? ''}: reject one of them` })
  const applied = result.applied.map((each) => each.change)
  if (applied.length === 0) return { kind: 'not-applied', file: shown, notApplied }
  const backup = options.backup ? backUp(target) : undefined
  writeFileAtomic(target, result.output, { durable: true, like: stats })
  const ids = new Set(isSourceHash(earlier?.hash, file.sourceHash) ? earlier!.ids : [])
  for (const change of applied) ids.add(change.id)
  record.review.applied.set(file.copy, { hash: hashText(result.output), ids: [...ids].sort() })
  record.save()
  return { kind: 'applied', file: shown, applied, notApplied, backup: backup && path.relative(record.cwd, backup) }
}

/**
 * Writes the accepted changes (as decisions.json says now) into the sources, a file at a time: only those
 * whose text is still there, each file atomically, keeping its mode and owner; what is written is recorded
 * in decisions.json, so a second `apply` knows it is done.
 */
export function* applyAccepted(record: RunRecord, options: ApplyOptions): Generator<FileOutcome> {
  for (const file of record.report.files) {
    const accepted = record.decidable(file).filter((change) => record.stateOf(change.id) === 'accepted')
    if (accepted.length === 0) continue
    if (options.stopped()) return
    try {
      yield applyToFile(record, file, accepted, options)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      yield { kind: 'refused', file: error.file, why: error.message }
    }
  }
}
