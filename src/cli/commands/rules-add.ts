import { Option, type Command } from 'commander'
import { ConfigError, ConfigErrors } from '../../errors.js'
import { shownPath } from '../../paths.js'
import { readTextFile } from '../../io/read.js'
import { writeOutputs } from '../../io/write.js'
import { defaultRulePaths } from '../../rules/load.js'
import type { AddRequest } from '../../rules/edit.js'
import { CATEGORIES, type Category } from '../../rules/types.js'
import { EXIT } from '../exit-codes.js'
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
    .action((options: AddOptions) => runAdd(options))
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
    if (typeof item.canonical !== 'string' || item.canonical.trim() === '') throw new ConfigError(`${where}: name the canonical form (a text), or delete the suggestion`, file)
    const variants = item.variants ?? []
    if (!Array.isArray(variants) || !variants.every((variant) => typeof variant === 'string')) throw new ConfigError(`${where}: variants must be a list of texts`, file)
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

async function runAdd(options: AddOptions): Promise<void> {
  const cwd = process.cwd()
  const rulePaths = options.rules ?? defaultRulePaths(cwd)
  let requests: AddRequest[]
  if (options.from) requests = await requestsFrom(options.from)
  else if (options.canonical && options.variant?.length) {
    requests = [{ canonical: options.canonical, variants: options.variant, category: options.category, file: options.file }]
  } else throw new ConfigError('give --canonical and --variant, or --from a review file', 'mtclean rules add')
  const { planAddTo } = await import('../../rules/edit.js')
  let edits
  try {
    edits = planAddTo(rulePaths, requests)
  } catch (error) {
    // The problems are reported at their lines in the rule files as they would be after the edit.
    if (error instanceof ConfigErrors) process.stderr.write('mtclean rules add: refused, the rule set would not be valid (nothing written):\n')
    throw error
  }
  for (const edit of edits) process.stderr.write(`mtclean: ${options.dryRun ? 'would change' : 'changed'} ${shownPath(edit.file)}${edit.before === '' ? ' (new file)' : ''}\n`)
  if (!options.dryRun) writeOutputs(edits.map((edit) => ({ path: edit.file, content: edit.after })))
  if (edits.length === 0) process.stderr.write('mtclean: nothing to add: every variant is there already\n')
  process.exitCode = EXIT.ok
}
