import { visibleControls } from '../../model/controls.js'
import { Option, type Command } from 'commander'
import { formatLocation } from '../../model/errors.js'
import { loadRuleSet, rulePathsOf } from '../../rules/load.js'
import { CATEGORIES } from '../../model/rule.js'
import { EXIT } from '../../model/exit-codes.js'
import { RULES_OPTION } from '../inputs.js'

export function registerRulesList(rules: Command): void {
  rules
    .command('list')
    .description('list the rules: entities with their variants, patterns, and counts per category')
    .option(...RULES_OPTION)
    .addOption(new Option('--category <category>', 'only this category').choices([...CATEGORIES]))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { rules?: string[]; category?: string; format: 'text' | 'json' }) => {
      const { rules: all } = loadRuleSet(rulePathsOf(options.rules, process.cwd()))
      const shown = all.filter((rule) => !options.category || rule.category === options.category)
      const rows = shown.map((rule) => ({
        id: rule.id,
        kind: rule.kind,
        category: rule.category,
        ...(rule.kind === 'entity'
          ? { canonical: rule.canonical, variants: rule.variants.map((variant) => variant.text) }
          : { pattern: rule.pattern, replace: rule.replace }),
        examples: rule.examples.length,
        location: formatLocation(rule.location),
      }))
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
      } else {
        for (const row of rows) {
          const what = 'canonical' in row ? `${row.canonical} ← ${row.variants!.join(', ')}` : `/${row.pattern}/ → ${JSON.stringify(row.replace)}`
          // A rule's texts reach the terminal made visible: a control character in a rule file cannot drive it.
          process.stdout.write(`${visibleControls(`${row.id}  ${row.category}  ${what}  ${row.location}`).replace(/\n/g, '\\n')}\n`)
        }
        const counts = CATEGORIES.map((category) => [category, shown.filter((rule) => rule.category === category)] as const).filter(
          ([, list]) => list.length > 0,
        )
        const variants = shown.reduce((sum, rule) => sum + (rule.kind === 'entity' ? rule.variants.length : 0), 0)
        process.stdout.write(`${shown.length} rule(s), ${variants} variant(s): ${counts.map(([category, list]) => `${list.length} ${category}`).join(', ')}\n`)
      }
      process.exitCode = EXIT.ok
    })
}
