import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, ConfigErrors } from '../../model/errors.js'
import { readTextFile } from '../../io/read.js'
import { REPORT_FILES } from '../../model/output-files.js'
import { listRuleFiles, loadRuleFiles } from '../../rules/load.js'
import { decisionsPath, type Decision } from '../../model/decision.js'
import { prepareReview, recordStore, type PreparedReview, type ReviewScope } from '../prepare.js'
import { RunRecord, type ChangeState, type DecidableChange } from '../record.js'
import { ReviewSession, type ChangeItem, type FindingItem } from '../session.js'
import { keepWord, makeRule } from '../word-actions.js'

// The web review's state: the same plan, session (its undo stack) and record as the terminal review,
// read again from disk whenever the record changed under it. Every action is checked against the version
// of the record the page was drawn from, so a page another tab or the terminal review made stale says so
// instead of overwriting what was decided there; and every action is saved before it is answered.

/** What became of a finding: still open, its word kept in the names list, or a rule made of it. */
export type FindingState = 'open' | 'kept' | 'rule'

export interface Summary {
  undecided: number
  accepted: number
  rejected: number
  findingsOpen: number
}

/** The part of the page that actions change: sent after every action, and drawn into the page on load. */
export interface ReviewState {
  version: string
  changes: Record<string, ChangeState>
  findings: Record<string, FindingState>
  summary: Summary
}

export interface FileView {
  file: string
  changes: { item: ChangeItem; change: DecidableChange }[]
  findings: { key: string; item: FindingItem; line: string }[]
}

/** Everything the page shows. */
export interface ReviewView {
  state: ReviewState
  files: FileView[]
  /** Files of the run with no change to decide and no finding: folded away on the page. */
  quiet: string[]
  /** Sources edited since the run: `clean` must run again before they can be reviewed. */
  stale: string[]
  /** The command that writes the accepted changes into the sources. */
  applyCommand: string
}

export type Action =
  | { type: 'decide'; id: string; decision: Decision | null; rest?: boolean }
  | { type: 'undo' }
  | { type: 'keep'; finding: string }
  | { type: 'rule'; finding: string; canonical: string }

export type ActionResult =
  | { status: 200; body: { state: ReviewState; message?: string; done: boolean } }
  // 200, not 409: the page expects it, and a browser logs every 4xx answer as a console error.
  | { status: 200; body: { stale: true; message: string } }
  | { status: 400; body: { error: string } }

const STALE =
  'The record changed since this page was drawn (another tab, the terminal review or a new `mtclean clean`): nothing was written. Reload the page to see it as it is.'

const hashOf = (file: string): string => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'none')

export class WebReview {
  private prepared: PreparedReview
  private session: ReviewSession
  private reportVersion: string
  private decisionsVersion: string

  private constructor(
    private readonly scope: ReviewScope,
    private readonly cwd: string,
    prepared: PreparedReview,
  ) {
    this.prepared = prepared
    this.session = this.newSession()
    this.reportVersion = hashOf(this.reportFile)
    this.decisionsVersion = hashOf(this.decisionsFile)
  }

  static async open(scope: ReviewScope, cwd: string): Promise<WebReview> {
    return new WebReview(scope, cwd, await prepareReview(scope, cwd))
  }

  get record(): RunRecord {
    return this.prepared.record
  }

  private get reportFile(): string {
    return path.join(this.record.outFolder, REPORT_FILES.json)
  }

  private get decisionsFile(): string {
    return decisionsPath(this.record.outFolder)
  }

  private newSession(): ReviewSession {
    return new ReviewSession(
      this.prepared.plan.items,
      recordStore(() => this.prepared.record),
    )
  }

  /** The version of the record on disk: report.json and decisions.json as they are now. */
  private versionOnDisk(): { report: string; decisions: string } {
    return { report: hashOf(this.reportFile), decisions: hashOf(this.decisionsFile) }
  }

  private get version(): string {
    return `${this.reportVersion.slice(0, 16)}.${this.decisionsVersion.slice(0, 16)}`
  }

  /** Reads the record again if it changed on disk: decisions from elsewhere, or a new run (a new plan). */
  private async refresh(): Promise<void> {
    const now = this.versionOnDisk()
    if (now.report !== this.reportVersion) {
      this.prepared = await prepareReview(this.scope, this.cwd)
      this.session = this.newSession()
    } else if (now.decisions !== this.decisionsVersion) {
      this.prepared.record = RunRecord.open(this.record.outFolder, this.cwd)
    }
    this.reportVersion = now.report
    this.decisionsVersion = now.decisions
  }

  private save(): void {
    this.record.save()
    this.decisionsVersion = hashOf(this.decisionsFile)
  }

  /** The words of the names lists and the variants of the rules, with the rule files' stamps they were read at. */
  private known: { stamp: string; names: Set<string>; variants: Set<string> } | undefined

  /** The words the names list holds and the variants the rules rewrite, read again only when a rule file changed. */
  private knownWords(): { names: Set<string>; variants: Set<string> } {
    try {
      const files = listRuleFiles(this.prepared.rulePaths)
      const stamp = files.map((file) => `${file}\0${statSync(file).mtimeMs}\0${statSync(file).size}`).join('\n')
      if (this.known?.stamp !== stamp) {
        const loaded = loadRuleFiles(files)
        const variants = new Set(loaded.rules.flatMap((rule) => (rule.kind === 'entity' ? rule.variants.map((variant) => variant.text) : [])))
        this.known = { stamp, names: new Set(loaded.names), variants }
      }
      return this.known
    } catch (error) {
      // Rule files broken by hand: every finding shows as open; the actions say what is wrong.
      if (!(error instanceof ConfigError || error instanceof ConfigErrors)) throw error
      return { names: new Set(), variants: new Set() }
    }
  }

  /** What became of each finding: its word kept in the names list, made a variant of a rule, or still open. */
  private findingStates(): Record<string, FindingState> {
    const { names, variants } = this.knownWords()
    const states: Record<string, FindingState> = {}
    this.prepared.plan.items.forEach((item, index) => {
      if (item.kind === 'finding') states[findingKey(index)] = variants.has(item.actual) ? 'rule' : names.has(item.actual) ? 'kept' : 'open'
    })
    return states
  }

  private state(): ReviewState {
    const changes: Record<string, ChangeState> = {}
    const summary: Summary = { undecided: 0, accepted: 0, rejected: 0, findingsOpen: 0 }
    for (const item of this.prepared.plan.items) {
      if (item.kind !== 'change') continue
      const state = this.record.stateOf(item.id)
      changes[item.id] = state
      summary[state]++
    }
    const findings = this.findingStates()
    summary.findingsOpen = Object.values(findings).filter((state) => state === 'open').length
    return { version: this.version, changes, findings, summary }
  }

  async currentState(): Promise<ReviewState> {
    await this.refresh()
    return this.state()
  }

  async view(): Promise<ReviewView> {
    await this.refresh()
    const record = this.record
    const byId = new Map(record.allDecidable().map((change) => [change.id, change]))
    const files = new Map<string, FileView>()
    const fileOf = (name: string): FileView => {
      let file = files.get(name)
      if (!file) files.set(name, (file = { file: name, changes: [], findings: [] }))
      return file
    }
    const sources = new Map<string, string[]>()
    const linesOf = (shown: string): string[] => {
      let lines = sources.get(shown)
      if (!lines) sources.set(shown, (lines = readTextFile(path.resolve(this.cwd, shown)).split(/\r?\n/)))
      return lines
    }
    this.prepared.plan.items.forEach((item, index) => {
      if (item.kind === 'change') {
        const change = byId.get(item.id)
        if (change) fileOf(item.file).changes.push({ item, change })
      } else fileOf(item.file).findings.push({ key: findingKey(index), item, line: linesOf(item.file)[item.line - 1] ?? '' })
    })
    const shownAll = record.report.files.map((file) => record.shown(file))
    const out = path.relative(this.cwd, record.outFolder) || '.'
    return {
      state: this.state(),
      files: [...files.values()],
      quiet: shownAll.filter((file) => !files.has(file) && !this.prepared.plan.stale.includes(file)),
      stale: this.prepared.plan.stale,
      applyCommand: `mtclean apply${out === 'cleaned' ? '' : ` --out ${out}`}`,
    }
  }

  /** Does what a person asked, if the page they asked from shows the record as it is; saved before answering. */
  async act(action: Action, pageVersion: string): Promise<ActionResult> {
    await this.refresh()
    if (pageVersion !== this.version) return { status: 200, body: { stale: true, message: STALE } }
    let done = true
    let message: string | undefined
    if (action.type === 'decide') {
      const decision = action.decision ?? undefined
      done = action.rest && decision ? this.session.decideRuleFrom(action.id, decision) : this.session.decideChange(action.id, decision)
      if (!done) return { status: 400, body: { error: `no change ${action.id} in this review` } }
      this.save()
    } else if (action.type === 'undo') {
      done = this.session.undo()
      message = done ? 'Undone.' : 'Nothing to undo.'
      if (done) this.save()
    } else {
      const item = this.prepared.plan.items[indexOfKey(action.finding)]
      if (item?.kind !== 'finding') return { status: 400, body: { error: `no finding ${action.finding} in this review` } }
      const result =
        action.type === 'keep' ? await keepWord(this.prepared.rulePaths, item.actual) : await makeRule(this.prepared.rulePaths, item, action.canonical)
      done = result.done
      message = result.message
    }
    return { status: 200, body: { state: this.state(), message, done } }
  }
}

const findingKey = (index: number): string => `f${index}`
const indexOfKey = (key: string): number => (/^f\d+$/.test(key) ? Number(key.slice(1)) : -1)

/** An action as the page sends it, checked field by field: anything else is a bad request. */
export function parseAction(body: unknown): { action: Action; version: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const data = body as Record<string, unknown>
  if (typeof data.version !== 'string') return undefined
  const version = data.version
  if (data.type === 'undo') return { action: { type: 'undo' }, version }
  if (data.type === 'decide' && typeof data.id === 'string' && (data.decision === 'accepted' || data.decision === 'rejected' || data.decision === null)) {
    return { action: { type: 'decide', id: data.id, decision: data.decision, rest: data.rest === true }, version }
  }
  if (data.type === 'keep' && typeof data.finding === 'string') return { action: { type: 'keep', finding: data.finding }, version }
  if (data.type === 'rule' && typeof data.finding === 'string' && typeof data.canonical === 'string') {
    return { action: { type: 'rule', finding: data.finding, canonical: data.canonical }, version }
  }
  return undefined
}
