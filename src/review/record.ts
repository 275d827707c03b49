import path from 'node:path'
import { OffsetMap, type Span } from '../apply/offset-map.js'
import { ConfigError } from '../model/errors.js'
import { displayPathOf } from '../io/inputs.js'
import { loadReport } from '../report/read.js'
import type { Report, ReportedChange, ReportedFile } from '../report/report.js'
import { type Decision, decisionsPath, type ReviewRecord } from '../model/decision.js'
import { loadDecisions, saveDecisions } from './decisions.js'

export type ChangeState = Decision | 'undecided'

/** A change a person can decide on, with its file. */
export interface DecidableChange extends ReportedChange {
  file: ReportedFile
}

/** Held back by a decision: still a change a person decides on (a loser of an overlap or a tie is not). */
const HELD_BACK = new Set(['rejected', 'undecided'])

/**
 * The last run as every review command sees it: report.json (what the run proposed, where) and
 * decisions.json (what people decided, read now: the one record of decisions).
 */
export class RunRecord {
  readonly base: string

  private constructor(
    readonly outFolder: string,
    readonly cwd: string,
    readonly report: Report,
    readonly review: ReviewRecord,
  ) {
    if (path.isAbsolute(report.run.base)) throw new ConfigError('run.base must be a relative path: refused', this.reportShown)
    this.base = path.resolve(outFolder, report.run.base)
  }

  /** Reads the record of the run whose output folder is `outFolder` (a ConfigError if there is none). */
  static open(outFolder: string, cwd: string): RunRecord {
    const report = loadReport(outFolder, displayPathOf(outFolder, cwd))
    const review = loadDecisions(outFolder, displayPathOf(decisionsPath(outFolder), cwd))
    return new RunRecord(outFolder, cwd, report, review)
  }

  get reportShown(): string {
    return `${displayPathOf(this.outFolder, this.cwd)}/report.json`
  }

  get decisionsShown(): string {
    return displayPathOf(decisionsPath(this.outFolder), this.cwd)
  }

  /**
   * Where a file's source is. A path that is absolute or leaves the folder the report was made in is
   * refused: a tampered report.json must not point `apply` at `/etc/…` or `../elsewhere`.
   */
  sourcePath(file: ReportedFile): string {
    const normal = path.posix.normalize(file.path)
    if (path.isAbsolute(file.path) || path.win32.isAbsolute(file.path) || normal === '..' || normal.startsWith('../') || file.path.includes('\0')) {
      throw new ConfigError(`${JSON.stringify(file.path)} is not a path inside the folder the report was made in: refused`, this.reportShown)
    }
    return path.resolve(this.base, normal)
  }

  /** A file's source as shown to the person running the command: relative to their working folder. */
  shown(file: ReportedFile): string {
    return displayPathOf(this.sourcePath(file), this.cwd)
  }

  /** The changes of a file a person decides on: those applied, and those held back by a decision. */
  decidable(file: ReportedFile): DecidableChange[] {
    return [...file.changes, ...file.skipped.filter((skip) => HELD_BACK.has(skip.reason))]
      .map((change) => ({ ...change, file }))
      .sort((a, b) => a.start - b.start || a.end - b.end)
  }

  allDecidable(): DecidableChange[] {
    return this.report.files.flatMap((file) => this.decidable(file))
  }

  stateOf(id: string): ChangeState {
    return this.review.decisions.get(id)?.decision ?? 'undecided'
  }

  decide(change: DecidableChange, decision: Decision): void {
    this.review.decisions.set(change.id, { decision, file: change.file.copy, ruleId: change.ruleId, before: change.before, after: change.after })
  }

  /**
   * Where the rejected changes are, in each source and in each cleaned copy (by absolute path): a person
   * said the text there is right, so no check reports it again.
   */
  rejectedSpans(): Map<string, Span[]> {
    const spans = new Map<string, Span[]>()
    for (const file of this.report.files) {
      const rejected = this.decidable(file).filter((change) => this.stateOf(change.id) === 'rejected')
      if (rejected.length === 0) continue
      const map = new OffsetMap(file.changes)
      spans.set(
        this.sourcePath(file),
        rejected.map(({ start, end }) => ({ start, end })),
      )
      spans.set(
        path.join(this.outFolder, file.copy),
        rejected.map((change) => map.toOutput(change)),
      )
    }
    return spans
  }

  save(): void {
    saveDecisions(this.outFolder, this.review)
  }
}
