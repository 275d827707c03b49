import { existsSync } from 'node:fs'
import path from 'node:path'
import { Option, type Command } from 'commander'
import { ConfigError, ConfigErrors } from '../../model/errors.js'
import { shownPath } from '../../model/paths.js'
import { readTextFile } from '../../io/read.js'
import { writeOutputs } from '../../io/write.js'
import { listRuleFiles } from '../../rules/load.js'
import { projectConfig } from '../project-config.js'
import { projectRulesFolder } from '../../config/find.js'
import type { AddRequest } from '../../authoring/edit.js'
import { CATEGORIES, type Category } from '../../model/rule.js'
import { EXIT } from '../../model/exit-codes.js'
import { RULES_OPTION } from '../inputs.js'

interface AddOptions {
  canonical?: string
  variant?: string[]
  category?: Category
  file?: string
  from?: string
  rules?: string[]
  dryRun?: boolean
}

export function registerRulesAdd(rules: Command): void {
  rules
    .command('add')
    .description('add variants to an entity (or a new entity), keeping the YAML file as it was around them')
    .option('--canonical <form>', 'the canonical form')
    .option('--variant <texts...>', 'the variants to add')
    .addOption(new Option('--category <category>', 'category of a new entity').choices([...CATEGORIES]))
    .option('--file <file>', 'the rule file for a new entity (default: by category, e.g. rules/people.yaml)')
    .option('--from <file>', 'a review file written by `mtclean suggest --write` and edited by a person')
    .option(...RULES_OPTION)
    .option('-n, --dry-run', 'say what would change, write nothing')
    .action((options: AddOptions, command: Command) => runAdd(options, command))
}

// The YAML editor (and the parser) load only when this command runs: `mtclean` starts faster.
async function requestsFrom(file: string): Promise<AddRequest[]> {
  const { parseDocument } = await import('yaml')
  const doc = parseDocument(readTextFile(file), { uniqueKeys: false })
  const firstError = doc.errors[0]
  if (firstError) throw new ConfigError(firstError.message.split('\n')[0]!, file, firstError.linePos?.[0].line, firstError.linePos?.[0].col)
  const data = doc.toJS({ maxAliasCount: 100 }) as { suggestions?: unknown } | null
  if (!data || !Array.isArray(data.suggestions)) throw new ConfigError('not a review file: expected a `suggestions:` list', file)
  // A hand-edited review file is checked item by item: each problem is one line, nothing is written.
  return data.suggestions.map((suggestion: unknown, index: number) => {
    const where = `suggestion ${index + 1}`
    const item = (suggestion ?? {}) as Record<string, unknown>
    if (typeof item.canonical !== 'string' || item.canonical.trim() === '')
      throw new ConfigError(`${where}: name the canonical form (a text), or delete the suggestion`, file)
    const variants = item.variants ?? []
    if (!Array.isArray(variants) || !variants.every((variant) => typeof variant === 'string'))
      throw new ConfigError(`${where}: variants must be a list of texts`, file)
    if (item.category !== undefined && !(CATEGORIES as readonly unknown[]).includes(item.category)) {
      throw new ConfigError(`${where}: category must be one of ${CATEGORIES.join(', ')}`, file)
    }
    return {
      canonical: item.canonical,
      variants: variants as string[],
      category: item.category as Category | undefined,
      note: typeof item.note === 'string' ? item.note : undefined,
      examples: item.examples as AddRequest['examples'],
    }
  })
}

async function runAdd(options: AddOptions, command: Command): Promise<void> {
  const cwd = process.cwd()
  const target = projectLayer(options, command, cwd)
  let requests: AddRequest[]
  if (options.from) requests = await requestsFrom(options.from)
  else if (options.canonical && options.variant?.length) {
    requests = [{ canonical: options.canonical, variants: options.variant, category: options.category, file: options.file }]
  } else throw new ConfigError('give --canonical and --variant, or --from a review file', 'mtclean rules add')
  const { planAdd, planAddTo } = await import('../../authoring/edit.js')
  let edits
  try {
    // With the project config's layers, every layer is read (a variant must not clash with any), but only
    // the project's folder is written: an entity of another layer gets its variants in a new entity there.
    edits = target.writable
      ? planAdd(listRuleFiles(target.rulePaths), target.writable, requests, { writableFolder: target.writable })
      : planAddTo(target.rulePaths, requests)
  } catch (error) {
    // The problems are reported at their lines in the rule files as they would be after the edit.
    if (error instanceof ConfigErrors) process.stderr.write('mtclean rules add: refused, the rule set would not be valid (nothing written):\n')
    throw error
  }
  for (const edit of edits)
    process.stderr.write(`mtclean: ${options.dryRun ? 'would change' : 'changed'} ${shownPath(edit.file)}${edit.before === '' ? ' (new file)' : ''}\n`)
  if (!options.dryRun) writeOutputs(edits.map((edit) => ({ path: edit.file, content: edit.after })))
  if (edits.length === 0) process.stderr.write('mtclean: nothing to add: every variant is there already\n')
  process.exitCode = EXIT.ok
}

/**
 * The rules a `rules add` reads and the folder it writes: `--rules` as given (the first folder is written);
 * with a project config, its layers, written only in its rules folder; else `./rules`. Never the rules
 * bundled with mtclean when the user named no folder: without one it refuses and says how to make one.
 */
export function projectLayer(options: { rules?: string[] }, command: Command, cwd: string): { rulePaths: string[]; writable?: string } {
  const config = projectConfig()
  if (options.rules && command.getOptionValueSource('rules') === 'config' && config) {
    const writable = projectRulesFolder(config)
    if (!writable) throw new ConfigError('the project config names no rules folder to write to: add `folder: rules` under `rules:`', shownPath(config.file))
    return { rulePaths: options.rules, writable }
  }
  if (options.rules) return { rulePaths: options.rules }
  if (existsSync(path.join(cwd, 'rules'))) return { rulePaths: ['rules'] }
  throw new ConfigError(
    'no project rules folder here: run `mtclean init` (or pass --rules DIR); the rules bundled with mtclean are never changed',
    'mtclean rules add',
  )
}
