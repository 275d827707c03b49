import { closeSync, fchownSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs'
import path from 'node:path'
import { threadId } from 'node:worker_threads'

export interface OutputFile {
  path: string
  content: string
}

/** Thrown when a run is interrupted between two files: what was written is complete, the rest is as it was. */
export class Interrupted extends Error {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly written: number,
    readonly total: number,
  ) {
    super(`interrupted by ${signal}: ${written} of ${total} file(s) done; every output is either as it was or complete`)
    this.name = 'Interrupted'
  }
}

/**
 * Makes a folder and the folders above it. (Node's `mkdirSync(…, { recursive: true })` loops for ever
 * where a parent exists but a child cannot be made in it, as in `/proc`: measured at 100 % CPU.)
 */
export function makeFolder(folder: string): void {
  try {
    mkdirSync(folder)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    const parent = path.dirname(folder)
    if (code !== 'ENOENT' || parent === folder) throw error
    makeFolder(parent)
    mkdirSync(folder) // once more: a second ENOENT is the file system's answer, and it goes up
  }
}

let counter = 0

/** At most this many bytes of a file's name go into its temporary name: a name may have 255 bytes in all. */
const NAME_BYTES_IN_TEMP = 64

/** The first `bytes` bytes of a name, cut between characters. */
function nameStart(name: string, bytes: number): string {
  let end = Math.min(name.length, bytes)
  while (Buffer.byteLength(name.slice(0, end)) > bytes) end--
  if (end > 0 && /[\ud800-\udbff]/.test(name[end - 1]!)) end--
  return name.slice(0, end)
}

/** Temporary files mtclean writes: a leftover of a killed run is recognised by this, and removed. */
export const TEMP_NAME = /^\..*\.mtclean-\d+-\d+-\d+\.tmp$/s

/** A name beside `file` that no other process, thread or call uses (and short enough for any file name). */
export const tempPathFor = (file: string): string =>
  path.join(path.dirname(file), `.${nameStart(path.basename(file), NAME_BYTES_IN_TEMP)}.mtclean-${process.pid}-${threadId}-${counter++}.tmp`)

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or an interrupted run)
 * sees the old file or the new one, never half of one. `durable` also fsyncs before the rename, so the
 * new content survives a power cut: used for what cannot be regenerated (sources rewritten by `apply`,
 * decisions, rule files), not for cleaned copies and reports, which a run writes again. (Written by hand
 * rather than with write-file-atomic: its per-file realpath, stat and exit hooks cost 0.3 ms a file, a
 * quarter of the budget of a 20,000-file run.)
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: { durable?: boolean; like?: Stats } = {}): void {
  makeFolder(path.dirname(file))
  const temp = tempPathFor(file)
  try {
    const fd = openSync(temp, 'wx')
    try {
      if (options.like) keepModeAndOwner(fd, options.like)
      writeFileSync(fd, content)
      if (options.durable) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** The new file gets the old one's permissions, and its owner where this process may give it (root). */
function keepModeAndOwner(fd: number, like: Stats): void {
  fchmodSync(fd, like.mode & 0o7777)
  try {
    fchownSync(fd, like.uid, like.gid)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error
  }
}

/** Writes each file atomically and durably (see writeFileAtomic). */
export function writeOutputs(files: OutputFile[]): void {
  for (const file of files) writeFileAtomic(file.path, file.content, { durable: true })
}

/** The runs watching for an interrupt now (see cli/broken-pipe.ts, which stops them on a broken pipe too). */
export const watchedRuns = new Set<InterruptWatch>()

/**
 * Notes SIGINT and SIGTERM while a long run writes, so it can stop between two files instead of dying
 * mid-write. Outside such a run the default action applies: the process stops at once, nothing written.
 * A broken pipe (SIGPIPE, the reader of the output gone) is noted the same way.
 */
export class InterruptWatch {
  received: NodeJS.Signals | undefined
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.received = signal
  }

  constructor() {
    process.on('SIGINT', this.onSignal)
    process.on('SIGTERM', this.onSignal)
    watchedRuns.add(this)
  }

  /** For a cause that is not a signal handler of this process (a broken pipe: Node ignores SIGPIPE). */
  notice(signal: NodeJS.Signals): void {
    this.onSignal(signal)
  }

  stop(): void {
    process.off('SIGINT', this.onSignal)
    process.off('SIGTERM', this.onSignal)
    watchedRuns.delete(this)
  }
}
