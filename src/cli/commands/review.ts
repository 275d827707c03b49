import path from 'node:path'
import readline from 'node:readline'
import type { Command } from 'commander'
import pc from 'picocolors'
import { cleanFiles, type FileResult } from '../../clean.js'
import { ConfigError, formatLocation } from '../../errors.js'
import { checkOutputFolder, displayPathOf, findInputs } from '../../io/inputs.js'
import { visibleWhitespace } from '../../report/visible.js'
import { decisionsPath, loadDecisions, saveDecisions } from '../../review/decisions.js'
import { REVIEW_KEYS, ReviewSession, type ReviewItem, type ReviewKey } from '../../review/session.js'
import { defaultRulePaths, loadRuleSet } from '../../rules/load.js'
import { EXIT } from '../exit-codes.js'
import { withInputs } from '../inputs.js'

interface ReviewOptions {
  out: string
  rules?: string[]
}

const CONTEXT_CHARS = 40

export function registerReview(program: Command): void {
  withInputs(program.command('review').description('walk through every proposed change and accept or reject it (like git add -p)'))
    .option('-o, --out <dir>', 'output folder (where decisions.json is kept)', 'cleaned')
    .action((paths: string[], options: ReviewOptions) => runReview(paths, options))
}

async function runReview(paths: string[], options: ReviewOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new ConfigError('needs an interactive terminal; in scripts use `mtclean accept` and `mtclean reject`', 'mtclean review')
  }
  const cwd = process.cwd()
  const ruleSet = loadRuleSet(options.rules ?? defaultRulePaths(cwd))
  const { files, roots } = findInputs(paths, cwd)
  const outFolder = path.resolve(cwd, options.out)
  checkOutputFolder(outFolder, roots, cwd)
  const decisions = loadDecisions(outFolder, displayPathOf(decisionsPath(outFolder), cwd))
  const run = cleanFiles(files, ruleSet, { decisionOf: (id) => decisions.get(id)?.decision })
  const session = new ReviewSession(run.results.flatMap(itemsOf), decisions)
  const checker = (await import('../../checks/index.js')).createChecker(ruleSet)
  const out = (text: string): boolean => process.stdout.write(text)

  const undecided = session.items.filter((item) => !decisions.has(item.id)).length
  out(`${pc.bold(`${undecided} change(s) to review`)} in ${run.results.length} file(s); ${decisions.size} decided before. Press ? for help.\n`)
  let shownFindingsFor: string | undefined
  const showFindings = (file: string | undefined): void => {
    const result = run.results.find((each) => each.input.displayPath === file)
    if (!result || shownFindingsFor === file) return
    shownFindingsFor = file
    const messages = checker.check(result.output).messages
    if (messages.length === 0) return
    out(`\n${pc.bold(`Open findings in ${file}`)} (for a person to fix after cleaning):\n`)
    for (const message of messages) out(`  ${message.line}:${message.column}  ${message.reason}  ${pc.dim(message.ruleId ?? '')}\n`)
  }

  readline.emitKeypressEvents(process.stdin)
  process.stdin.setRawMode(true)
  let previousFile: string | undefined
  try {
    while (!session.done) {
      const item = session.current!
      if (previousFile && previousFile !== item.file) showFindings(previousFile)
      previousFile = item.file
      out(render(item, session.progress))
      const key = await readKey()
      out(`${key}\n`)
      if (key === 'q') break
      else if (key === 'y') session.decide('accepted')
      else if (key === 'n') session.decide('rejected')
      else if (key === 'a') session.decideRule('accepted')
      else if (key === 'd') session.decideRule('rejected')
      else if (key === 's') session.skipFile()
      else if (key === 'u') out(session.undo() ? pc.yellow('Undone.\n') : pc.yellow('Nothing to undo.\n'))
      else out(help())
      saveDecisions(outFolder, decisions)
    }
    if (session.done) showFindings(previousFile)
  } finally {
    process.stdin.setRawMode(false)
    process.stdin.pause()
  }
  const counts = { accepted: 0, rejected: 0 }
  for (const record of decisions.values()) counts[record.decision]++
  out(`\n${counts.accepted} accepted, ${counts.rejected} rejected in ${displayPathOf(decisionsPath(outFolder), cwd)}; run \`mtclean clean\` to apply them.\n`)
  process.exitCode = EXIT.ok
}

function itemsOf(result: FileResult): ReviewItem[] {
  return result.applied.map((change) => {
    const before = result.source.slice(Math.max(0, change.start - CONTEXT_CHARS), change.start)
    const after = result.source.slice(change.end, change.end + CONTEXT_CHARS)
    const line = result.source.slice(0, change.start).split('\n').length
    const column = change.start - result.source.lastIndexOf('\n', change.start - 1)
    return {
      id: result.ids.get(change)!,
      file: result.input.displayPath,
      ruleId: change.rule.id,
      ruleLocation: formatLocation(change.rule.location),
      note: change.rule.note,
      line,
      column,
      before: change.before,
      after: change.after,
      contextBefore: before.slice(before.lastIndexOf('\n') + 1),
      contextAfter: after.split('\n')[0]!,
    }
  })
}


function render(item: ReviewItem, progress: { index: number; total: number }): string {
  const removed = item.before ? pc.red(`[-${visibleWhitespace(item.before)}-]`) : ''
  const added = item.after ? pc.green(`{+${visibleWhitespace(item.after)}+}`) : ''
  return [
    '',
    `${pc.cyan(`${item.file}:${item.line}:${item.column}`)}  ${pc.dim(`change ${progress.index}/${progress.total}  ${item.id}`)}`,
    `${pc.bold(item.ruleId)} ${pc.dim(`(${item.ruleLocation})`)}${item.note ? `: ${item.note}` : ''}`,
    `  …${item.contextBefore}${removed}${added}${item.contextAfter}…`,
    `Accept this change [${REVIEW_KEYS.map((each) => each.key).join(',')}]? `,
  ].join('\n')
}

function help(): string {
  return `${REVIEW_KEYS.map((each) => `  ${pc.bold(each.key)} - ${each.help}`).join('\n')}\n`
}

const KEYS = new Set<string>(REVIEW_KEYS.map((each) => each.key))

/** One key press; Ctrl-C and Ctrl-D quit (decisions so far are kept). */
function readKey(): Promise<ReviewKey> {
  return new Promise((resolve) => {
    const onKey = (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined): void => {
      const pressed = key?.ctrl && (key.name === 'c' || key.name === 'd') ? 'q' : (text ?? '').toLowerCase()
      if (!KEYS.has(pressed)) return
      process.stdin.off('keypress', onKey)
      resolve(pressed as ReviewKey)
    }
    process.stdin.on('keypress', onKey)
    process.stdin.resume()
  })
}
