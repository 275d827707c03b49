import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import os from 'node:os'
import path from 'node:path'
import { describeFsError } from '../io/read.js'
import { ConfigError, ConfigErrors } from '../errors.js'
import { Interrupted } from '../io/write.js'
import { endQuietlyOnBrokenPipe } from './broken-pipe.js'
import { registerApply } from './commands/apply.js'
import { registerCheck } from './commands/check.js'
import { registerClean } from './commands/clean.js'
import { registerDecide } from './commands/decide.js'
import { registerEval } from './commands/eval.js'
import { registerNames } from './commands/names.js'
import { registerReport } from './commands/report.js'
import { registerReview } from './commands/review.js'
import { registerRules } from './commands/rules.js'
import { registerStatus } from './commands/status.js'
import { registerSuggest } from './commands/suggest.js'
import { EXIT } from './exit-codes.js'
import { applyProjectConfig } from './project-config.js'
import { registerInit } from './commands/init.js'

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

registerInit(program)
registerClean(program)
registerCheck(program)
registerReview(program)
registerDecide(program)
registerApply(program)
registerStatus(program)
registerEval(program)
registerRules(program)
registerNames(program)
registerSuggest(program)
registerReport(program)

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
