import { readFileSync } from 'node:fs'
import { ConfigError } from '../errors.js'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes a file's bytes as UTF-8 without losing any of them: a BOM stays in the string (so it is written
 * back), invalid UTF-8 and binary data (a NUL byte) are refused with an error naming the file.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  // UTF-16 text has a byte-order mark and NUL bytes: name it rather than calling it binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ConfigError('UTF-16 text, not UTF-8: convert it first (e.g. iconv -f UTF-16 -t UTF-8)', file)
  }
  if (bytes.includes(0)) throw new ConfigError('binary file (contains NUL bytes), not text', file)
  try {
    return utf8.decode(bytes)
  } catch {
    throw new ConfigError(`not valid UTF-8 (byte offset ${firstInvalidUtf8(bytes)})`, file)
  }
}

export function readTextFile(file: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new ConfigError(describeFsError(error), file)
  }
  return decodeText(bytes, file)
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder, not a file'
    case 'ELOOP':
      return 'symbolic link loop'
    default:
      return (error as Error).message
  }
}

/**
 * Offset of the first byte that breaks UTF-8: the longest prefix that decodes (binary search, since a prefix
 * that fails keeps failing), backed up to the start of a sequence it may have left unfinished.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const prefixIsValid = (end: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true })
      return true
    } catch {
      return false
    }
  }
  let good = 0
  let bad = bytes.length
  while (bad - good > 1) {
    const middle = (good + bad) >> 1
    if (prefixIsValid(middle)) good = middle
    else bad = middle
  }
  for (let back = good - 1; back >= Math.max(0, good - 3); back--) {
    const byte = bytes[back]!
    if (byte >= 0xc0) return back
    if (byte < 0x80) break
  }
  return good
}

/** A file of a run read as text, or why it cannot be: recorded as the file's failure, and the run goes on. */
export function readInputText(file: string): { text: string } | { failure: string } {
  try {
    return { text: readTextFile(file) }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return { failure: error.message }
  }
}
