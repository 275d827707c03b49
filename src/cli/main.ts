import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import os from 'node:os'
import path from 'node:path'
import { describeFsError } from '../io/read.js'
import { ConfigError, ConfigErrors } from '../model/errors.js'
import { Interrupted } from '../io/write.js'
import { endQuietlyOnBrokenPipe } from './broken-pipe.js'
import { EXIT } from '../model/exit-codes.js'
import { applyProjectConfig } from './project-config.js'

// Before anything is printed: a reader that closes early (`| head`) ends the run quietly, exit 141.
endQuietlyOnBrokenPipe()

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

const program = new Command()
  .name('mtclean')
  .description('Clean machine-translated English news: YAML rules fix what is certain, a person reviews every change.')
  .version(version)
  .showHelpAfterError('(run mtclean help for usage)')
  .exitOverride()
  // The project config (mtclean.config.yaml, found from the working folder up) fills in what the command line leaves out.
  .hook('preAction', applyProjectConfig)

/**
 * Each command's module, by the names it registers, in the order `mtclean help` lists them. Only the module
 * of the command named on the command line is loaded (every one for the help, a mistyped name or no name):
 * loading all of them took 90 ms, more than `clean -` takes to clean a page of text.
 */
const loadDecide = async (): Promise<(program: Command) => void> => (await import('./commands/decide.js')).registerDecide
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  init: async () => (await import('./commands/init.js')).registerInit,
  clean: async () => (await import('./commands/clean.js')).registerClean,
  check: async () => (await import('./commands/check.js')).registerCheck,
  review: async () => (await import('./commands/review.js')).registerReview,
  accept: loadDecide,
  reject: loadDecide,
  apply: async () => (await import('./commands/apply.js')).registerApply,
  status: async () => (await import('./commands/status.js')).registerStatus,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  names: async () => (await import('./commands/names.js')).registerNames,
  suggest: async () => (await import('./commands/suggest.js')).registerSuggest,
  report: async () => (await import('./commands/report.js')).registerReport,
}

const named = process.argv[2]
const loaders = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : [...new Set(Object.values(COMMANDS))]
for (const register of await Promise.all(loaders.map((load) => load()))) register(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  process.exitCode = exitCodeFor(error)
}

function exitCodeFor(error: unknown): number {
  if (error instanceof Interrupted) {
    // A broken pipe ends a run as quietly as it ends a program (see broken-pipe.ts).
    if (error.signal !== 'SIGPIPE') process.stderr.write(`mtclean: ${error.message}\n`)
    return 128 + (os.constants.signals[error.signal] ?? 2)
  }
  if (error instanceof CommanderError) {
    // Commander has already printed the help, the version or the usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage
  }
  if (error instanceof ConfigErrors) {
    for (const each of error.errors) process.stderr.write(`${each.format()}\n`)
    return EXIT.usage
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.format()}\n`)
    return EXIT.usage
  }
  const fsError = error as NodeJS.ErrnoException
  if (fsError instanceof Error && typeof fsError.code === 'string' && typeof fsError.syscall === 'string') {
    // A file-system error no step caught (a folder that cannot be made, a full disk): one line, no trace.
    const where = fsError.path ? path.relative(process.cwd(), fsError.path) || '.' : 'mtclean'
    process.stderr.write(`${new ConfigError(describeFsError(fsError), where).format()}\n`)
    return EXIT.usage
  }
  process.stderr.write(`mtclean: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return EXIT.crash
}
