import path from 'node:path'
import { StagedFile } from '../io/staged.js'
import { REPORT_FILES } from '../model/output-files.js'
import { jsonFrame } from './json.js'
import type { RunSummary } from './report.js'

/** One file's rendered share of the record, as UTF-8. */
export interface ReportPieces {
  path: string
  diff: Uint8Array
  json: Uint8Array
}

/**
 * Writes the diff and report.json a file at a time, in the run's order, into staged files; `commit` puts
 * the totals on top and renames both into place, `discard` leaves the old ones as they were. The views
 * (report.md, report.html) are rendered from report.json afterwards (`views.ts`).
 */
export class ReportWriter {
  private readonly staged: { diff: StagedFile; json: StagedFile }
  private entries = 0

  constructor(outFolder: string) {
    this.staged = {
      diff: new StagedFile(path.join(outFolder, REPORT_FILES.diff)),
      json: new StagedFile(path.join(outFolder, REPORT_FILES.json)),
    }
  }

  /** The files written, for the manifest. */
  get files(): string[] {
    return Object.values(this.staged).map((file) => file.path)
  }

  add(pieces: ReportPieces): void {
    if (this.entries++ > 0) this.staged.json.append(',\n')
    this.staged.json.append(pieces.json)
    this.staged.diff.append(pieces.diff)
  }

  commit(run: RunSummary): void {
    const json = jsonFrame(run, this.entries)
    this.staged.json.commit(json.head, json.tail)
    this.staged.diff.commit('', '')
  }

  discard(): void {
    for (const file of Object.values(this.staged)) file.discard()
  }
}
