import path from 'node:path'
import { visibleControls } from './controls.js'
import { shownPath } from './paths.js'

/** Where something sits in a source file: 1-based line and column, like unified's `Point`. */
export interface SourceLocation {
  file: string
  line: number
  column: number
}

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`
}

/**
 * A problem with the user's configuration or input (bad rule file, missing path, unreadable file…),
 * as opposed to a crash. The CLI prints `file:line:column: message` on one line and exits 2.
 */
export class ConfigError extends Error {
  readonly file: string
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(message: string, file: string, line?: number, column?: number) {
    super(message)
    this.name = 'ConfigError'
    this.file = file
    this.line = line
    this.column = column
  }

  /** One line: `file:line:column: message` (line and column where known); line breaks in it are escaped. */
  format(): string {
    // Most errors name a path as the user gave it; an absolute one is shown relative, as every path is.
    const file = path.isAbsolute(this.file) ? shownPath(this.file) : this.file
    const where = [file, this.line, this.column].filter((part) => part !== undefined).join(':')
    return visibleControls(`${where}: ${this.message}`.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))
  }
}

/** Several configuration errors found at once (a rule set is validated as a whole). */
export class ConfigErrors extends Error {
  readonly errors: ConfigError[]

  constructor(errors: ConfigError[]) {
    super(errors.map((error) => error.format()).join('\n'))
    this.name = 'ConfigErrors'
    this.errors = errors
  }
}
