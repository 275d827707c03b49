import { mkdirSync } from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'

export interface OutputFile {
  path: string
  content: string
}

/** Writes each file through a temporary file in the same folder and a rename: old or new, never half. */
export function writeOutputs(files: OutputFile[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(file.path), { recursive: true })
    writeFileAtomic.sync(file.path, file.content, { encoding: 'utf8', fsync: true })
  }
}
