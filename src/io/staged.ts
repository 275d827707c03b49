import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { ConfigError } from '../model/errors.js'
import { describeFsError } from './read.js'
import { tempPathFor } from './write.js'

const CHUNK = 1 << 20

/**
 * An output written a piece at a time, whose beginning is known only at the end (a report opens with
 * the totals of the run): the body goes to a temporary file as the run goes, so memory holds one piece,
 * and `commit` writes head + body + tail to a second temporary file and renames it into place.
 * `discard` (an interrupted or failed run) removes both and leaves the old output as it was.
 */
export class StagedFile {
  private readonly bodyPath: string
  private body: number | undefined

  constructor(readonly path: string) {
    this.bodyPath = tempPathFor(path)
    this.body = openSync(this.bodyPath, 'wx')
  }

  append(content: string | Uint8Array): void {
    if (this.body === undefined) throw new Error(`${this.path}: already committed or discarded`)
    if (content.length === 0) return
    try {
      writeFileSync(this.body, content)
    } catch (error) {
      // Written through a descriptor, the error names no file: say which output could not be written.
      throw new ConfigError(describeFsError(error), this.path)
    }
  }

  commit(head: string, tail: string): void {
    if (this.body === undefined) throw new Error(`${this.path}: already committed or discarded`)
    closeSync(this.body)
    this.body = undefined
    const finalTemp = tempPathFor(this.path)
    try {
      const out = openSync(finalTemp, 'wx')
      try {
        writeFileSync(out, head)
        const input = openSync(this.bodyPath, 'r')
        try {
          const buffer = Buffer.allocUnsafe(CHUNK)
          for (let read = readSync(input, buffer); read > 0; read = readSync(input, buffer)) writeFileSync(out, buffer.subarray(0, read))
        } finally {
          closeSync(input)
        }
        writeFileSync(out, tail)
      } finally {
        closeSync(out)
      }
      renameSync(finalTemp, this.path)
    } finally {
      rmSync(finalTemp, { force: true })
      rmSync(this.bodyPath, { force: true })
    }
  }

  discard(): void {
    if (this.body !== undefined) closeSync(this.body)
    this.body = undefined
    rmSync(this.bodyPath, { force: true })
  }
}
