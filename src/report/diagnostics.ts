import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import reporterJson from 'vfile-reporter-json'

export const FORMATS = ['text', 'unix', 'json'] as const
export type Format = (typeof FORMATS)[number]

/** One line per message, `file:line:column-line:column  warning  reason  rule-id  source`, for grep and editors. */
function unixLines(files: VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : { start: message.place ?? { line: message.line, column: message.column }, end: undefined }
      const start = `${place.start.line ?? 1}:${place.start.column ?? 1}`
      const end = place.end ? `-${place.end.line}:${place.end.column}` : ''
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
      lines.push([`${file.path}:${start}${end}`, severity, message.reason, message.ruleId ?? '', message.source ?? ''].join('  '))
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/** Diagnostics in the unified formats: vfile-reporter (text), one line each (unix), vfile-reporter-json (json). */
export function formatDiagnostics(files: VFile[], format: Format, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return `${reporterJson(files)}\n`
    case 'unix':
      return unixLines(files)
    case 'text': {
      const text = reporter(files, { color: options.color ?? false, quiet: true })
      return text ? `${text}\n` : ''
    }
  }
}
