import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { ConfigError } from '../model/errors.js'

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

/**
 * The largest file mtclean reads (a text, a rule file, a report). Cleaning takes about 40 times a file's
 * size in memory: 64 MB keeps one file well inside a gigabyte; a larger text must be split first.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** What a thing that is not a regular file is, for the one-line refusal. */
function kindOf(stats: ReturnType<typeof fstatSync>): string {
  if (stats.isDirectory()) return 'is a folder, not a file'
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file: not read'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file: not read'
  if (stats.isSocket()) return 'is a socket, not a regular file: not read'
  return 'is not a regular file: not read'
}

/**
 * Reads a regular file of at most MAX_FILE_BYTES as text. It is opened without blocking and checked
 * before a byte is read, so a FIFO, a device (/dev/zero) or a socket is refused at once instead of
 * hanging the run or filling the memory.
 */
export function readTextFile(file: string): string {
  let bytes: Buffer
  let fd: number | undefined
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
    const stats = fstatSync(fd)
    if (!stats.isFile()) throw new ConfigError(kindOf(stats), file)
    if (stats.size > MAX_FILE_BYTES) {
      throw new ConfigError(`too large: ${(stats.size / 1048576).toFixed(0)} MB, the limit is ${MAX_FILE_BYTES / 1048576} MB a file (split it)`, file)
    }
    bytes = readFileSync(fd)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    // A name that is not valid UTF-8 reaches Node with U+FFFD in it, and no file has that name.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && file.includes('\ufffd')) throw new ConfigError('its name is not valid UTF-8: rename it', file)
    throw new ConfigError(describeFsError(error), file)
  } finally {
    if (fd !== undefined) closeSync(fd)
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
    case 'ENOTDIR':
      return 'a part of the path is not a folder'
    case 'ENAMETOOLONG':
      return 'name too long'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EROFS':
      return 'read-only file system'
    case 'EEXIST':
      return 'exists already'
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
