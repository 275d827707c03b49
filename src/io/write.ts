import { mkdirSync } from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'

export interface OutputFile {
  path: string
  content: string
}

/** Thrown when a run is interrupted between two writes: what was written is complete, the rest is as it was. */
export class Interrupted extends Error {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly written: number,
    readonly total: number,
  ) {
    super(`interrupted by ${signal}: ${written} of ${total} output file(s) written; every output is either as it was or complete`)
    this.name = 'Interrupted'
  }
}

/** Writes each file through a temporary file in the same folder and a rename: old or new, never half. */
export function writeOutputs(files: OutputFile[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(file.path), { recursive: true })
    writeFileAtomic.sync(file.path, file.content, { encoding: 'utf8', fsync: true })
  }
}

/**
 * Like writeOutputs, for the many outputs of a run: one file at a time, giving way between files, and
 * stopping before the next file on SIGINT or SIGTERM (listened for only while writing: before that,
 * the default action stops the run at once, with nothing written).
 */
export async function writeOutputsInterruptibly(files: OutputFile[]): Promise<void> {
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    received = signal
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    let written = 0
    for (const file of files) {
      if (received) throw new Interrupted(received, written, files.length)
      mkdirSync(path.dirname(file.path), { recursive: true })
      await writeFileAtomic(file.path, file.content, { encoding: 'utf8', fsync: true })
      written++
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
