import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../errors.js'

/** The list of files mtclean wrote into an output folder: what it may overwrite next time. */
export const MANIFEST = '.mtclean-manifest.json'

const toPosix = (file: string): string => file.split(path.sep).join('/')

/** Files kept in the output folder that mtclean writes but lists nowhere else. */
const OWN_FILES = new Set([MANIFEST, 'decisions.json'])

/**
 * An output folder may hold only what mtclean wrote there (as its manifest says): anything else is
 * somebody's file, which a run must not overwrite or mix with its output.
 */
export function checkOutputFolderOwnership(outFolder: string, displayFolder: string): void {
  if (!existsSync(outFolder)) return
  const manifestPath = path.join(outFolder, MANIFEST)
  let written = new Set<string>()
  if (existsSync(manifestPath)) {
    try {
      written = new Set((JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: string[] }).files)
    } catch {
      throw new ConfigError('its manifest is not valid JSON: remove the folder or choose another --out', `${displayFolder}/${MANIFEST}`)
    }
  }
  const present = readdirSync(outFolder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => toPosix(path.relative(outFolder, path.join(entry.parentPath, entry.name))))
  const foreign = present.filter((file) => !written.has(file) && !OWN_FILES.has(file)).sort()
  if (foreign.length > 0) {
    throw new ConfigError(
      `output folder holds ${foreign.length} file(s) mtclean did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}): choose an empty folder or move them`,
      displayFolder,
    )
  }
}

export function manifestContent(outFolder: string, files: string[]): string {
  const relative = files.map((file) => toPosix(path.relative(outFolder, file))).sort()
  return `${JSON.stringify({ version: 1, files: relative }, null, 2)}\n`
}
