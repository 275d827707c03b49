import { visibleControls } from '../../model/controls.js'
import path from 'node:path'
import { Option, type Command } from 'commander'
import pc from 'picocolors'
import { RunRecord } from '../../review/record.js'
import { runStatus, type FileStatus } from '../../review/status.js'
import { EXIT } from '../../model/exit-codes.js'
import { OUT_OPTION } from '../inputs.js'

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('where the review stands, like git status: per file, changes undecided, accepted, rejected, applied; what changed since; what to run next')
    .option(...OUT_OPTION)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { out: string; format: 'text' | 'json' }) => {
      const cwd = process.cwd()
      const record = RunRecord.open(path.resolve(cwd, options.out), cwd)
      const status = runStatus(record)
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : render(status, record.reportShown))
      process.exitCode = EXIT.ok
    })
}

const SINCE: Record<NonNullable<FileStatus['since']>, string> = {
  changed: 'edited since the run',
  applied: 'written by apply since the run',
  missing: 'no longer there',
}

function render(status: ReturnType<typeof runStatus>, reportShown: string): string {
  const header = ['file', 'undecided', 'accepted', 'rejected', 'applied', 'findings']
  const rows = status.files.map((file) =>
    [visibleControls(file.file), file.undecided, file.accepted, file.rejected, file.applied, file.findings ?? '-'].map(String),
  )
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ')
  const lines = [`The last run, as ${reportShown} and decisions.json record it:`, '', pc.bold(line(header))]
  status.files.forEach((file, index) => {
    lines.push(line(rows[index]!) + (file.since ? `  ${pc.yellow(SINCE[file.since])}` : ''))
  })
  if (status.rulesChanged) lines.push('', pc.yellow('The rules changed since the run.'))
  lines.push('', status.next.command ? `Next: ${pc.bold(status.next.command)}  (${status.next.why})` : `Nothing to do: ${status.next.why}.`)
  return `${lines.join('\n')}\n`
}
