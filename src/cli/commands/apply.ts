import { visibleControls } from '../../model/controls.js'
import path from 'node:path'
import type { Command } from 'commander'
import { ConfigError } from '../../model/errors.js'
import { Interrupted, InterruptWatch } from '../../io/write.js'
import { applyAccepted } from '../../review/apply-accepted.js'
import { RunRecord } from '../../review/record.js'
import { EXIT } from '../../model/exit-codes.js'
import { OUT_OPTION } from '../inputs.js'

interface ApplyOptions {
  out: string
  backup?: boolean
}

export function registerApply(program: Command): void {
  program
    .command('apply')
    .description('write the accepted changes (decisions.json) into the source files themselves')
    .option(...OUT_OPTION)
    .option('--backup', 'keep each source file as it was, as FILE.orig (FILE.orig.1, … if that exists)')
    .action((options: ApplyOptions) => runApply(options))
}

const describe = (change: { id: string; ruleId: string; before: string; after: string }): string =>
  `change ${change.id} (${change.ruleId}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)})`

function runApply(options: ApplyOptions): void {
  const cwd = process.cwd()
  const record = RunRecord.open(path.resolve(cwd, options.out), cwd)
  const watch = new InterruptWatch()
  const say = (line: string): boolean => process.stderr.write(`${visibleControls(line).replace(/\n/g, '\\n')}\n`)
  const counts = { changes: 0, files: 0, already: 0, problems: 0 }
  try {
    for (const outcome of applyAccepted(record, { backup: options.backup ?? false, stopped: () => watch.received !== undefined })) {
      if (outcome.kind === 'refused') {
        say(new ConfigError(outcome.why, outcome.file).format())
        counts.problems++
        continue
      }
      if (outcome.kind === 'already-applied') {
        counts.already++
        say(
          `${outcome.file}: already applied` +
            (outcome.acceptedSince ? `; ${outcome.acceptedSince} change(s) accepted since: run \`mtclean clean\`, then apply again` : ''),
        )
        continue
      }
      for (const { change, why } of outcome.notApplied) say(new ConfigError(`${describe(change)} not applied: ${why}`, outcome.file).format())
      counts.problems += outcome.notApplied.length
      if (outcome.kind === 'applied') {
        counts.changes += outcome.applied.length
        counts.files++
      }
    }
  } finally {
    watch.stop()
  }
  if (watch.received) throw new Interrupted(watch.received, counts.files, record.report.files.length)
  if (counts.files + counts.already + counts.problems === 0) {
    say('mtclean: no accepted change to apply: decide with `mtclean review` or `mtclean accept` (see `mtclean status`)')
    process.exitCode = EXIT.ok
    return
  }
  say(
    `mtclean: applied ${counts.changes} accepted change(s) to ${counts.files} file(s)` +
      (counts.already ? `, ${counts.already} file(s) already applied` : '') +
      (counts.problems ? `, ${counts.problems} not applied (named above)` : ''),
  )
  process.exitCode = counts.problems > 0 ? EXIT.problems : EXIT.ok
}
