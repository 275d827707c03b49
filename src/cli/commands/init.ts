import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { CONFIG_FILES, STARTER_CONFIG } from '../../config/find.js'
import { ConfigError } from '../../model/errors.js'
import { writeOutputs } from '../../io/write.js'
import { EXIT } from '../../model/exit-codes.js'

/** The starter config: every key, commented, with the defaults a new project needs. */
export const STARTER_CONFIG_TEXT = `# mtclean project configuration, written by \`mtclean init\` (README.md, "Project config").
# mtclean finds this file from this folder or any folder below it. Every key is optional; paths are
# relative to this file's folder; an option on the command line wins over what is set here.

# The texts \`mtclean clean\` and \`mtclean check\` work on when no paths are given: files, or folders
# (searched recursively for the extensions below).
# inputs:
#   - articles

# The output folder of \`clean\`: the cleaned copies, changes.diff, the reports and decisions.json.
out: cleaned

# The rule layers, read in this order: the rules bundled with mtclean (bundled: false leaves them out),
# the project's own folder (where \`mtclean rules add\` and \`mtclean names add\` write), extra files or folders.
rules:
  bundled: true
  folder: rules
  # extra:
  #   - ../shared/terms.yaml

# How much each check's findings weigh, as in ESLint: off (not reported), warn (reported; exit 1 only past
# --max-warnings N), error (exit 1). A check not named here is reported and sets exit 1, as without a config.
# The check ids are in the installed mtclean's docs/checks.md.
checks:
  # unknown-word: off
  # repeated-phrase: warn
  # untranslated: error

# Views of report.json that \`clean\` also writes, as --report does (report.json is always written).
# report: [md, html]

# The file extensions searched for in folders (default: txt, md, markdown, html).
# extensions: [txt, md, markdown, html]

# Text to leave alone: neither changed by \`clean\` nor reported by \`check\`. A phrase as written (e.g. a
# site's headline separator), or a regular expression.
ignore:
  # - " - Ecns.cn"
  # - regex: '\\(Xinhua\\)'
`

/** The example file of a new project rules folder: nothing in force, a commented entity to copy. */
export const EXAMPLE_RULES_TEXT = `# The project's own rules, read after the rules bundled with mtclean (see mtclean.config.yaml).
# \`mtclean rules add\` adds entities here (one file per category: people.yaml, places.yaml, …) and
# \`mtclean names add\` keeps the names known to be right in names.yaml. The format is in the installed
# mtclean's docs/rules.md. An example, to copy without the leading '# ':
#
# entities:
#   - id: lavrov
#     canonical: Lavrov
#     category: person
#     note: Sergey Lavrov, Russian foreign minister.
#     variants: [Ravorov, Rafrov]
#     examples:
#       - before: Russian Foreign Minister Ravorov said
#         after: Russian Foreign Minister Lavrov said
`

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('start a project here: a commented mtclean.config.yaml and a rules/ folder for its own rules')
    .action(() => runInit())
}

function runInit(): void {
  const cwd = process.cwd()
  const existing = CONFIG_FILES.filter((name) => name !== 'package.json').find((name) => existsSync(path.join(cwd, name)))
  if (existing) throw new ConfigError('a project config is here already: edit it (init never overwrites one)', existing)
  const outputs = [{ path: path.join(cwd, STARTER_CONFIG), content: STARTER_CONFIG_TEXT }]
  // An existing rules folder is the project's already: it is kept as it is.
  const rulesFolder = path.join(cwd, 'rules')
  if (!existsSync(rulesFolder)) outputs.push({ path: path.join(rulesFolder, 'example.yaml'), content: EXAMPLE_RULES_TEXT })
  writeOutputs(outputs)
  for (const output of outputs) process.stderr.write(`mtclean: wrote ${path.relative(cwd, output.path)}\n`)
  process.stderr.write('mtclean: next: list your texts under `inputs:` (or pass them), then run `mtclean clean --check`\n')
  process.exitCode = EXIT.ok
}
