import { DECISIONS_FILE } from './decision.js'

/** What `clean` writes beside the copies: the record (report.json), the diff, and the views asked for. */
export const REPORT_FILES = { diff: 'changes.diff', json: 'report.json', markdown: 'report.md', html: 'report.html' } as const

/** The output folder's manifest: the files an mtclean run wrote there (io/manifest.ts). */
export const MANIFEST = '.mtclean-manifest.json'

/** The names mtclean gives its own files in an output folder: no cleaned copy may take one. */
export const RESERVED_OUTPUT_NAMES: ReadonlySet<string> = new Set([
  DECISIONS_FILE,
  REPORT_FILES.json,
  REPORT_FILES.markdown,
  REPORT_FILES.html,
  REPORT_FILES.diff,
  MANIFEST,
])
