import path from 'node:path'
import { StagedFile } from '../io/staged.js'
import { HTML_TAIL, htmlHead } from './html.js'
import { jsonFrame } from './json.js'
import type { ReportPlace } from './links.js'
import { markdownHead } from './markdown.js'
import type { RunSummary } from './report.js'

export const REPORT_FILES = { diff: 'changes.diff', markdown: 'report.md', json: 'report.json', html: 'report.html' } as const

/** One file's rendered share of each report, as UTF-8. */
export interface ReportPieces {
  path: string
  diff: Uint8Array
  json: Uint8Array
  markdown: Uint8Array
  html: Uint8Array
}

/**
 * Writes the diff and the three reports a file at a time, in the run's order, into staged files; `commit`
 * puts the totals on top and renames all four into place, `discard` leaves the old ones as they were.
 */
export class ReportWriter {
  private readonly staged: Record<keyof typeof REPORT_FILES, StagedFile>
  private readonly paths: string[] = []
  private readonly place: ReportPlace

  /** `cwd`: the folder the reports' paths are relative to (the links in report.html are made from it). */
  constructor(outFolder: string, cwd: string = process.cwd()) {
    this.place = { cwd, outFolder }
    this.staged = {
      diff: new StagedFile(path.join(outFolder, REPORT_FILES.diff)),
      markdown: new StagedFile(path.join(outFolder, REPORT_FILES.markdown)),
      json: new StagedFile(path.join(outFolder, REPORT_FILES.json)),
      html: new StagedFile(path.join(outFolder, REPORT_FILES.html)),
    }
  }

  /** The files written, for the manifest. */
  get files(): string[] {
    return Object.values(this.staged).map((file) => file.path)
  }

  add(pieces: ReportPieces): void {
    if (this.paths.length > 0) this.staged.json.append(',\n')
    this.staged.json.append(pieces.json)
    this.paths.push(pieces.path)
    this.staged.diff.append(pieces.diff)
    this.staged.markdown.append(pieces.markdown)
    this.staged.html.append(pieces.html)
  }

  commit(run: RunSummary): void {
    const json = jsonFrame(run, this.paths.length)
    this.staged.json.commit(json.head, json.tail)
    this.staged.markdown.commit(markdownHead(run, this.place), '')
    this.staged.html.commit(htmlHead(run, this.paths, this.place), HTML_TAIL)
    this.staged.diff.commit('', '')
  }

  discard(): void {
    for (const file of Object.values(this.staged)) file.discard()
  }
}
