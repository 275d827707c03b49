import { InvalidArgumentError, type Command } from 'commander'
import { EXIT } from './exit-codes.js'

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

/** The exit status of a check: problems over `--max-warnings` (any, without it), or a file that failed. */
export function checkExitCode(problems: number, failed: number, maxWarnings: number | undefined): number {
  if (failed > 0) return EXIT.problems
  return problems > (maxWarnings ?? 0) ? EXIT.problems : EXIT.ok
}
