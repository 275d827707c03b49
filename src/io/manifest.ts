import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../model/errors.js'
import { DECISIONS_FILE } from '../model/decision.js'
import { MANIFEST } from '../model/output-files.js'
import { LOCK_FILE } from './lock.js'
import { TEMP_NAME } from './write.js'

const toPosix = (file: string): string => file.split(path.sep).join('/')

/** Files kept in the output folder that mtclean writes but lists nowhere else. */
const OWN_FILES = new Set([MANIFEST, DECISIONS_FILE, LOCK_FILE])
/** Folders of the output folder that are mtclean's as a whole: report.html's per-file pieces. */
export const OWN_FOLDERS = new Set(['report-files'])

/** Whether a path in the output folder is mtclean's own without being listed: its files, or in its folders or temporary folders. */
const isOwn = (file: string): boolean => {
  const [first] = file.split('/')
  return OWN_FILES.has(file) || OWN_FOLDERS.has(first!) || TEMP_NAME.test(first!) || TEMP_NAME.test(path.posix.basename(file))
}

/**
 * An output folder may hold only what mtclean wrote there (as its manifest says): anything else is
 * somebody's file, which a run must not overwrite or mix with its output.
 */
export function checkOutputFolderOwnership(outFolder: string, displayFolder: string): string[] {
  if (!existsSync(outFolder)) return []
  // A folder without mtclean's manifest must be empty: looked at one level deep, so that `--out /` or
  // `--out ~` is refused at once instead of after a walk through the whole tree.
  if (!existsSync(path.join(outFolder, MANIFEST))) {
    const entries = readdirSync(outFolder)
      .filter((name) => !isOwn(name))
      .sort()
    if (entries.length > 0) {
      throw new ConfigError(
        `output folder holds ${entries.length} file(s) mtclean did not write (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): choose an empty folder or move them`,
        displayFolder,
      )
    }
    return []
  }
  const written = new Set(earlierOutputs(outFolder, displayFolder))
  const present = readdirSync(outFolder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => toPosix(path.relative(outFolder, path.join(entry.parentPath, entry.name))))
  const foreign = present.filter((file) => !written.has(file) && !isOwn(file)).sort()
  if (foreign.length > 0) {
    throw new ConfigError(
      `output folder holds ${foreign.length} file(s) mtclean did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): choose an empty folder or move them`,
      displayFolder,
    )
  }
  return present.filter((file) => written.has(file))
}

/** What the manifest of an earlier run lists (the files mtclean wrote there). */
function earlierOutputs(outFolder: string, displayFolder: string): string[] {
  const manifestPath = path.join(outFolder, MANIFEST)
  if (!existsSync(manifestPath)) return []
  try {
    const files = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: unknown }).files
    if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) throw new Error('no list of files')
    return files as string[]
  } catch {
    throw new ConfigError('its manifest is not an mtclean manifest: remove the folder or choose another --out', `${displayFolder}/${MANIFEST}`)
  }
}

export function manifestContent(outFolder: string, files: string[]): string {
  const relative = files.map((file) => toPosix(path.relative(outFolder, file))).sort()
  return `${JSON.stringify({ version: 1, files: relative }, null, 2)}\n`
}

/** Removes what a killed run left: its temporary files, mtclean's own by their names (call with the lock held). */
export function removeStaleTemps(outFolder: string): void {
  for (const entry of readdirSync(outFolder, { recursive: true, withFileTypes: true })) {
    // A temporary folder (report.html's pieces being written) goes as a whole.
    if (TEMP_NAME.test(entry.name)) rmSync(path.join(entry.parentPath, entry.name), { recursive: true, force: true })
  }
}
