import { ConfigError } from '../model/errors.js'
import { decodeText, MAX_FILE_BYTES } from '../io/read.js'

/** The path that means standard input (and, for `clean`, standard output), as in cat, ESLint and Prettier. */
export const STDIN_PATH = '-'

/** The name stdin is reported under when `--stdin-filename` does not give one (vfile-reporter's too). */
export const STDIN_LABEL = '<stdin>'

/**
 * Whether the paths ask for stdin. `-` is a stream mode of its own (one text in, one out): mixed with files
 * it is refused with one line, exit 2.
 */
export function readsStdin(paths: string[]): boolean {
  if (!paths.includes(STDIN_PATH)) return false
  if (paths.length > 1) throw new ConfigError('`-` (standard input) is read alone: name no other path with it', STDIN_PATH)
  return true
}

/**
 * All of stdin as text, byte for byte (a BOM, CRLF and a missing final newline stay), refused as a file is
 * when it is not UTF-8, is binary or is over MAX_FILE_BYTES; the error names `label`.
 */
export async function readStdinText(label: string): Promise<string> {
  // Read as a stream, not readFileSync(0): a pipe's descriptor can be non-blocking, and then a synchronous
  // read fails with EAGAIN as soon as the writer is slower than mtclean (`base64 … | mtclean clean -`).
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_FILE_BYTES) throw new ConfigError(`too large: over ${MAX_FILE_BYTES / 1048576} MB, the limit a text (split it)`, label)
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    // stdin closed (`<&-`) or not readable: one line, as for a file.
    throw new ConfigError(`cannot read standard input (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, label)
  }
  return decodeText(Buffer.concat(chunks, size), label)
}
