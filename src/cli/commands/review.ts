import readline from 'node:readline'
import { InvalidArgumentError, type Command } from 'commander'
import pc from 'picocolors'
import { visibleControls } from '../../model/controls.js'
import { ConfigError } from '../../model/errors.js'
import { visibleWhitespace } from '../../report/visible.js'
import { prepareReview, recordStore } from '../../review/prepare.js'
import { keysFor, REVIEW_KEYS, ReviewSession, type ChangeItem, type ReviewItem, type ReviewKey } from '../../review/session.js'
import { EXIT } from '../../model/exit-codes.js'
import { OUT_OPTION, RULES_OPTION } from '../inputs.js'
import { keepWord, makeRule } from '../../review/word-actions.js'

interface ReviewOptions {
  out: string
  rules?: string[]
  web?: boolean
  port?: number
}

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('walk through every change of the last clean run nobody has decided on, then the open findings (like git add -p)')
    .argument('[paths...]', 'only these sources (files or folders) of the last run (default: all)')
    .option(...OUT_OPTION)
    .option(...RULES_OPTION)
    .option('--web', 'review in the browser instead: serve one page on 127.0.0.1 and print its address (opens nothing)')
    .option('--port <n>', 'with --web: the port to listen on (default: a free one)', parsePort)
    .action((paths: string[], options: ReviewOptions) => runReview(paths, options))
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535')
  return port
}

/** Control characters made visible, line breaks too: a crafted text cannot drive the reviewer's terminal. */
const safe = (text: string): string => visibleControls(text).replace(/\n/g, '⏎')

async function runReview(paths: string[], options: ReviewOptions): Promise<void> {
  if (options.port !== undefined && !options.web) throw new ConfigError('--port goes with --web', 'mtclean review')
  if (!options.web && (!process.stdin.isTTY || !process.stdout.isTTY)) {
    throw new ConfigError(
      'needs an interactive terminal (or --web: review in the browser); in scripts use `mtclean accept` and `mtclean reject`',
      'mtclean review',
    )
  }
  const cwd = process.cwd()
  if (options.web) {
    const { serveReview } = await import('../../review/web/serve.js')
    return serveReview({ out: options.out, rules: options.rules, paths, port: options.port }, cwd)
  }
  const { record, rulePaths, plan } = await prepareReview({ out: options.out, rules: options.rules, paths }, cwd)
  const session = new ReviewSession(
    plan.items,
    recordStore(() => record),
  )
  const out = (text: string): boolean => process.stdout.write(text)

  const changes = plan.items.filter((item): item is ChangeItem => item.kind === 'change')
  const findings = plan.items.length - changes.length
  for (const file of plan.stale) out(pc.yellow(`${file}: edited since the last clean: run \`mtclean clean\` to review it\n`))
  out(
    `${pc.bold(`${session.changesToReview} change(s) to review`)} in ${plan.files} file(s); ${changes.length - session.changesToReview} decided before; ` +
      `${findings} open finding(s). Press ? for help.\n`,
  )
  const notesShown = new Set<string>()

  readline.emitKeypressEvents(process.stdin)
  process.stdin.setRawMode(true)
  try {
    while (!session.done) {
      const item = session.current!
      out(render(item, session.progress, notesShown))
      const key = await readKey(keysFor(item.kind))
      out(`${key}\n`)
      if (key === 'q') break
      if (item.kind === 'change') {
        if (key === 'y') session.decide('accepted')
        else if (key === 'n') session.decide('rejected')
        else if (key === 'a') session.decideRule('accepted')
        else if (key === 'd') session.decideRule('rejected')
      } else {
        if (key === 'k') out(`${safe((await keepWord(rulePaths, item.actual)).message)}\n`)
        else if (key === 'r') out(`${safe((await makeRule(rulePaths, item)).message)}\n`)
        if (key === 'k' || key === 'r' || key === 'n') session.next()
      }
      if (key === 's') session.skipFile()
      else if (key === 'u') out(session.undo() ? pc.yellow('Undone.\n') : pc.yellow('Nothing to undo.\n'))
      else if (key === '?') out(help(item.kind))
      record.save()
    }
  } finally {
    process.stdin.setRawMode(false)
    process.stdin.pause()
  }
  const counts = { accepted: 0, rejected: 0, undecided: 0 }
  for (const change of changes) counts[record.stateOf(change.id)]++
  out(
    `\n${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.undecided} undecided (in ${record.decisionsShown}); ` +
      'run `mtclean apply` to write the accepted ones into the sources, or `mtclean clean` to update the copies.\n',
  )
  process.exitCode = EXIT.ok
}

function render(item: ReviewItem, progress: { index: number; total: number }, notesShown: Set<string>): string {
  const where = pc.cyan(`${safe(item.file)}:${item.line}:${item.column}`)
  if (item.kind === 'finding') {
    return [
      '',
      `${where}  ${pc.dim('open finding')}`,
      `${pc.bold(item.ruleId)}: ${safe(item.reason)}`,
      `Keep the word, make a rule, or leave it [${keysFor('finding').join(',')}]? `,
    ].join('\n')
  }
  const removed = item.before ? pc.red(`[-${safe(visibleWhitespace(item.before))}-]`) : ''
  const added = item.after ? pc.green(`{+${safe(visibleWhitespace(item.after))}+}`) : ''
  // A rule's note is shown with its first change only: the reviewer has read it.
  const note = item.note && !notesShown.has(item.ruleId) ? `: ${safe(item.note)}` : ''
  notesShown.add(item.ruleId)
  return [
    '',
    `${where}  ${pc.dim(`change ${progress.index}/${progress.total}  ${item.id}`)}`,
    `${pc.bold(item.ruleId)} ${pc.dim(`(${safe(item.ruleLocation)})`)}${note}`,
    `  …${safe(item.contextBefore)}${removed}${added}${safe(item.contextAfter)}…`,
    `Accept this change [${keysFor('change').join(',')}]? `,
  ].join('\n')
}

function help(kind: ReviewItem['kind']): string {
  return `${REVIEW_KEYS.filter((each) => each.on === kind || each.on === 'both')
    .map((each) => `  ${pc.bold(each.key)} - ${each.help}`)
    .join('\n')}\n`
}

/** One key press among `keys`; Ctrl-C and Ctrl-D quit (decisions so far are kept). */
function readKey(keys: ReviewKey[]): Promise<ReviewKey> {
  const allowed = new Set<string>(keys)
  return new Promise((resolve) => {
    const onKey = (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined): void => {
      const pressed = key?.ctrl && (key.name === 'c' || key.name === 'd') ? 'q' : (text ?? '').toLowerCase()
      if (!allowed.has(pressed)) return
      process.stdin.off('keypress', onKey)
      resolve(pressed as ReviewKey)
    }
    process.stdin.on('keypress', onKey)
    process.stdin.resume()
  })
}
