import { InvalidArgumentError, type Command } from 'commander'
import { EXIT } from '../model/exit-codes.js'
import type { FindingCounts } from '../config/severity.js'

/** `--no-color`, `--max-warnings N`: how `check`'s output fits the terminal and the CI around it. */
export function withOutputOptions(command: Command): Command {
  return command
    .option('--no-color', 'no colour in the text format (also off with NO_COLOR set, or when stdout is not a terminal)')
    .option('--max-warnings <n>', 'exit 1 only when there are more than N problems (default: any problem is exit 1)', (value: string) => {
      const limit = Number(value)
      if (!Number.isInteger(limit) || limit < 0) throw new InvalidArgumentError('a whole number of 0 or more is needed.')
      return limit
    })
}

/**
 * Colour only for a person at a terminal: stdout is a TTY, no `--no-color`, and NO_COLOR unset or empty
 * (no-color.org: "when present and not an empty string").
 */
export function useColor(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env, stdoutIsTty = process.stdout.isTTY === true): boolean {
  return option !== false && !env.NO_COLOR && stdoutIsTty
}

/**
 * The exit status of a check, as ESLint's: 1 for a file that failed or any finding of a check set to `error`;
 * findings of checks set to `warn` only past `--max-warnings N`; and findings of checks the project config
 * does not name (a plain number: every finding, as without a config) when there are any, or past N.
 */
export function checkExitCode(found: number | FindingCounts, failed: number, maxWarnings: number | undefined): number {
  const counts = typeof found === 'number' ? { errors: 0, warnings: 0, unrated: found } : found
  if (failed > 0 || counts.errors > 0) return EXIT.problems
  if (maxWarnings === undefined) return counts.unrated > 0 ? EXIT.problems : EXIT.ok
  return counts.warnings + counts.unrated > maxWarnings ? EXIT.problems : EXIT.ok
}
