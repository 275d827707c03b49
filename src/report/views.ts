import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../model/errors.js'
import { StagedFile } from '../io/staged.js'
import { tempPathFor } from '../io/write.js'
import { recordDiff } from './diff.js'
import { runTexts, type RunTexts } from './expand.js'
import { HTML_TAIL, htmlFile, htmlFolded, htmlHead, htmlPiece } from './html.js'
import type { ReportPlace } from './links.js'
import { markdownFile, markdownHead } from './markdown.js'
import { loadReport } from './read.js'
import type { Report, ReportedFile } from './report.js'
import { textFile, textHead } from './text.js'
import { REPORT_FILES } from '../model/output-files.js'

/** What a view is given besides the report: where it is read, each file's texts as the run saw them, where its pieces go. */
export interface ViewContext {
  place: ReportPlace
  texts: (file: ReportedFile) => RunTexts
  /** The folder of the view's per-file pieces, relative to the view's own file (`report-files`). */
  pieces: string
}

/**
 * A view of report.json, as ESLint's formatters are: pure functions from the record to text, written
 * head, one entry per file in the report's order, tail, so that a run of any size streams through. A view
 * may also give a file a piece of its own, written beside the view (`piece`): report.html loads each
 * file's section so, when it is opened.
 */
export interface ReportView {
  name: string
  /** Its file in the output folder, for `clean --report`. */
  file: string
  head: (report: Report, context: ViewContext) => string
  entry: (file: ReportedFile, index: number, context: ViewContext) => string
  tail: (report: Report, context: ViewContext) => string
  piece?: (file: ReportedFile, index: number, context: ViewContext) => string | undefined
}

const pieceName = (index: number): string => `${index}.js`

export const VIEWS = {
  md: {
    name: 'md',
    file: REPORT_FILES.markdown,
    head: (report, { place }) => markdownHead(report, place),
    entry: (file) => markdownFile(file),
    tail: () => '',
  },
  html: {
    name: 'html',
    file: REPORT_FILES.html,
    head: (report, { place }) => htmlHead(report, place),
    entry: (file, index, { pieces }) => htmlFolded(file, index, `${pieces}/${pieceName(index)}`),
    tail: () => HTML_TAIL,
    piece: (file, index, { place, texts }) => {
      if (file.changes.length + file.skipped.length + file.findings.length === 0) return undefined
      const known = texts(file)
      return htmlPiece(index, htmlFile(file, recordDiff(file.path, known, file.changes), known.output, place))
    },
  },
  text: { name: 'text', file: 'report.txt', head: (report) => textHead(report), entry: (file) => textFile(file), tail: () => '' },
} satisfies Record<string, ReportView>

export type ViewName = keyof typeof VIEWS
export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[]
/** The views `clean --report` writes into the output folder. */
export const FILE_VIEWS: ViewName[] = ['md', 'html']

/** The folder of a view's pieces, beside it: `report.html` → `report-files`. */
export const piecesFolderOf = (viewFile: string): string => `${path.basename(viewFile, path.extname(viewFile))}-files`

/** A view's whole text, a piece at a time; `writePiece` gets each file's piece, if the view has them. */
export function renderView(
  view: ReportView,
  report: Report,
  context: ViewContext,
  write: (text: string) => void,
  writePiece?: (name: string, text: string) => void,
): void {
  write(view.head(report, context))
  report.files.forEach((file, index) => {
    write(view.entry(file, index, context))
    const piece = writePiece && view.piece?.(file, index, context)
    if (piece) writePiece!(pieceName(index), piece)
  })
  write(view.tail(report, context))
}

/**
 * The record of the run in `outFolder`, ready for views read from `readFrom` (the links in them are made
 * from there): report.json with each file's texts found again when a view asks for them.
 */
export function viewSource(
  outFolder: string,
  displayFolder: string,
  readFrom: string,
  pieces = piecesFolderOf(REPORT_FILES.html),
): { report: Report; context: ViewContext } {
  const report = loadReport(outFolder, displayFolder, { linksFrom: readFrom })
  const base = path.resolve(outFolder, report.run.base)
  const texts = (file: ReportedFile): RunTexts => {
    const known = runTexts(file, path.resolve(base, file.path), path.join(outFolder, file.copy))
    if (!known)
      throw new ConfigError(
        `${file.path}: the source changed since the run and its cleaned copy is gone or changed; run \`mtclean clean\` again`,
        `${displayFolder}/${REPORT_FILES.json}`,
      )
    return known
  }
  // The reports' paths are relative to the run's folder: links to rule files are made from there.
  return { report, context: { place: { cwd: base, outFolder: readFrom }, texts, pieces } }
}

/**
 * Writes a view into `target` atomically, and its pieces (if it has any) into the folder beside it, which
 * is replaced as a whole: a piece left from an earlier, larger run would be a file the page never names.
 * A folder there that holds anything but pieces is somebody's: refused.
 */
export function writeViewFile(view: ReportView, report: Report, context: ViewContext, target: string, shown: string): void {
  const piecesFolder = path.join(path.dirname(target), context.pieces)
  mkdirSync(path.dirname(target), { recursive: true })
  if (view.piece && existsSync(piecesFolder)) {
    const foreign = readdirSync(piecesFolder).filter((name) => !/^\d+\.js$/.test(name))
    if (foreign.length > 0)
      throw new ConfigError(
        `holds ${JSON.stringify(foreign[0])}, which is not a piece of a report: move it, or write the view elsewhere`,
        path.join(path.dirname(shown), context.pieces),
      )
  }
  const staged = new StagedFile(target)
  const stagedPieces = view.piece ? tempPathFor(piecesFolder) : undefined
  try {
    if (stagedPieces) mkdirSync(stagedPieces)
    renderView(
      view,
      report,
      context,
      (text) => staged.append(text),
      stagedPieces ? (name, text) => writeFileSync(path.join(stagedPieces, name), text) : undefined,
    )
    if (stagedPieces) {
      rmSync(piecesFolder, { recursive: true, force: true })
      renameSync(stagedPieces, piecesFolder)
    }
    staged.commit('', '')
  } catch (error) {
    staged.discard()
    if (stagedPieces) rmSync(stagedPieces, { recursive: true, force: true })
    throw error
  }
}

/** Writes views into the output folder (`clean --report`, `npm start`). */
export function writeViews(outFolder: string, displayFolder: string, names: ViewName[]): void {
  if (names.length === 0) return
  const { report, context } = viewSource(outFolder, displayFolder, outFolder)
  for (const name of names) writeViewFile(VIEWS[name], report, context, path.join(outFolder, VIEWS[name].file), `${displayFolder}/${VIEWS[name].file}`)
}
