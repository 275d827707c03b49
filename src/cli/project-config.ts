import path from 'node:path'
import type { Command } from 'commander'
import { findProjectConfig, ruleLayerPaths } from '../config/find.js'
import type { ProjectConfig } from '../config/types.js'

let loaded: ProjectConfig | undefined

/** The project config of this run (found before the command's action ran), if there is one. */
export function projectConfig(): ProjectConfig | undefined {
  return loaded
}

/** Commands that must work whatever the config says (or whether it parses): `init` writes one. */
const WITHOUT_CONFIG = new Set(['init'])

/**
 * commander's preAction hook: finds the project config and fills in the options the command line left
 * out, with commander's own 'config' source (so a command can tell an option given from one configured):
 * `--out` and `--rules`. Options given on the command line win.
 */
export async function applyProjectConfig(_program: Command, command: Command): Promise<void> {
  if (WITHOUT_CONFIG.has(command.name())) return
  const cwd = process.cwd()
  loaded = await findProjectConfig(cwd)
  if (!loaded) return
  const relative = (file: string): string => path.relative(cwd, file) || '.'
  const takes = (name: string): boolean => command.options.some((option) => option.attributeName() === name)
  if (loaded.out && takes('out') && command.getOptionValueSource('out') !== 'cli') {
    command.setOptionValueWithSource('out', relative(loaded.out), 'config')
  }
  if (takes('rules') && command.getOptionValue('rules') === undefined) {
    command.setOptionValueWithSource('rules', ruleLayerPaths(loaded).map(relative), 'config')
  }
}
