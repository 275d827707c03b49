import type { Command } from 'commander'

/** The `--rules` option, as every command that reads rules takes it. */
export const RULES_OPTION = ['-r, --rules <paths...>', 'rule files or folders (default: ./rules, else the bundled rules)'] as const

/** The arguments every command that reads texts shares: the paths, and the rules to use. */
export function withInputs(command: Command): Command {
  return command.argument('[paths...]', 'text files, or folders searched for *.txt', ['seeds']).option(...RULES_OPTION)
}
