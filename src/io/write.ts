import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs'
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

let counter = 0

/** A name beside `file` that no other process, thread or call uses. */
export const tempPathFor = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${threadId}.${counter++}.tmp`)

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or an interrupted run)
 * sees the old file or the new one, never half of one. `durable` also fsyncs before the rename, so the
 * new content survives a power cut: used for what cannot be regenerated (sources rewritten by `apply`,
 * decisions, rule files), not for cleaned copies and reports, which a run writes again. (Written by hand
 * rather than with write-file-atomic: its per-file realpath, stat and exit hooks cost 0.3 ms a file, a
 * quarter of the budget of a 20,000-file run.)
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: { durable?: boolean } = {}): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = tempPathFor(file)
  try {
    const fd = openSync(temp, 'wx')
    try {
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
