import path from 'node:path'

/** How a text is read: plain text is prose throughout; Markdown and HTML have prose between their markup. */
export type TextFormat = 'text' | 'markdown' | 'html'

const FORMAT_BY_EXTENSION: Record<string, TextFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
}

/** The format of a file by its extension (case-insensitive); anything else, and no name at all, is plain text. */
export function formatOf(fileName: string | undefined): TextFormat {
  if (fileName === undefined) return 'text'
  return FORMAT_BY_EXTENSION[path.extname(fileName).toLowerCase()] ?? 'text'
}

/** The formats among some files (each once): what a run must load the parsers of. */
export function formatsOf(files: readonly { absolutePath: string }[]): TextFormat[] {
  return [...new Set(files.map((file) => formatOf(file.absolutePath)))]
}
