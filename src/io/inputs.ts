import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { globSync } from 'tinyglobby'
import { ConfigError } from '../model/errors.js'
import { MANIFEST, RESERVED_OUTPUT_NAMES } from '../model/output-files.js'
import { describeFsError } from './read.js'

/** A text file to clean, with the names it goes by. */
export interface InputFile {
  /** As shown in reports and the diff: relative to the working folder, with `/`. */
  displayPath: string
  absolutePath: string
  /** Relative to the input folder it was found in (or its own name): where its copy goes in the output. */
  outputPath: string
}

export interface InputRoot {
  /** Absolute path of a folder argument (or of a file argument's folder). */
  folder: string
  isFolder: boolean
}

const toPosix = (file: string): string => file.split(path.sep).join('/')

export function displayPathOf(absolutePath: string, cwd: string): string {
  return toPosix(path.relative(cwd, absolutePath)) || '.'
}

type WalkEntry = Dirent | { parentPath: string; name: string; unreadable: true }

/** Every entry below `folder`, folders first-level-down as they are met; a folder that cannot be read is one entry. */
function* walk(folder: string): Generator<WalkEntry> {
  let entries: Dirent[]
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    yield { parentPath: path.dirname(folder), name: path.basename(folder), unreadable: true }
    return
  }
  for (const entry of entries) {
    yield entry
    if (entry.isDirectory()) yield* walk(path.join(folder, entry.name))
  }
}

/**
 * The extensions a folder is searched for: plain text, Markdown and HTML (src/formats/format.ts says how
 * each is read). One list, so that a project config can replace it.
 */
export const DEFAULT_INPUT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html']

/** Folders are searched (recursively, in name order) for files with one of `extensions`; files are taken as named. */
export function findInputs(paths: string[], cwd: string, extensions: readonly string[] = DEFAULT_INPUT_EXTENSIONS): { files: InputFile[]; roots: InputRoot[] } {
  const names = extensions.map((extension) => extension.replace(/^\./, ''))
  const pattern = names.length === 1 ? `**/*.${names[0]}` : `**/*.{${names.join(',')}}`
  const wanted = (relative: string): boolean => names.some((name) => relative.endsWith(`.${name}`))
  const files: InputFile[] = []
  const roots: InputRoot[] = []
  const seen = new Set<string>()
  for (const given of paths) {
    const absolute = path.resolve(cwd, given)
    let stats
    try {
      stats = statSync(absolute)
    } catch (error) {
      throw new ConfigError(describeFsError(error), given)
    }
    const found: { absolutePath: string; outputPath: string }[] = []
    if (stats.isDirectory()) {
      roots.push({ folder: absolute, isFolder: true })
      const listed = globSync(pattern, { cwd: absolute, followSymbolicLinks: false })
      // The glob passes over links it cannot follow (a loop, a missing target) and over FIFOs and devices:
      // take them in, so that reading them fails and is reported instead of vanishing from the run unnoticed.
      const seenHere = new Set(listed)
      for (const entry of walk(absolute)) {
        const relative = toPosix(path.relative(absolute, path.join(entry.parentPath, entry.name)))
        // A folder that cannot be read is taken in too: reading it fails, is named, and the run goes on.
        if ('unreadable' in entry) listed.push(relative)
        else {
          const special = entry.isSymbolicLink() || (!entry.isFile() && !entry.isDirectory()) // a FIFO, a device, a socket
          if (special && wanted(relative) && !seenHere.has(relative)) listed.push(relative)
        }
      }
      // An output folder of mtclean (it has the manifest) is searched for the cleaned copies, not for
      // mtclean's own report.md and report.html beside them.
      const ownFiles = existsSync(path.join(absolute, MANIFEST)) ? RESERVED_OUTPUT_NAMES : new Set<string>()
      for (const relative of listed.filter((each) => !ownFiles.has(each)).sort()) {
        found.push({ absolutePath: path.join(absolute, relative), outputPath: toPosix(relative) })
      }
    } else {
      roots.push({ folder: path.dirname(absolute), isFolder: false })
      found.push({ absolutePath: absolute, outputPath: path.basename(absolute) })
    }
    for (const file of found) {
      if (seen.has(file.absolutePath)) continue
      seen.add(file.absolutePath)
      files.push({ ...file, displayPath: displayPathOf(file.absolutePath, cwd) })
    }
  }
  return { files, roots }
}

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

function lstatOrUndefined(file: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(file)
  } catch {
    return undefined
  }
}

/** A path with its links resolved, as far as it exists (the rest appended as given). */
function realPathOf(file: string): string {
  const missing: string[] = []
  let existing = path.resolve(file)
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...missing.reverse())
    } catch {
      const parent = path.dirname(existing)
      if (parent === existing) return path.resolve(file)
      missing.push(path.basename(existing))
      existing = parent
    }
  }
}

/**
 * The output folder must be a folder (or not exist yet), and may not be (or lie inside) an input folder,
 * also by way of a link: a second run would clean its own output.
 */
export function checkOutputFolder(outFolder: string, roots: InputRoot[], cwd: string): void {
  let stats
  try {
    stats = statSync(outFolder)
  } catch {
    stats = undefined
    if (lstatOrUndefined(outFolder)?.isSymbolicLink())
      throw new ConfigError('is a link to nothing: make the folder it names, or choose another --out', displayPathOf(outFolder, cwd))
  }
  if (stats && !stats.isDirectory()) throw new ConfigError('is not a folder: choose a folder for --out', displayPathOf(outFolder, cwd))
  const realOut = realPathOf(outFolder)
  for (const root of roots) {
    if (root.isFolder && (isInside(outFolder, root.folder) || isInside(realOut, realPathOf(root.folder)))) {
      const which = path.relative(root.folder, outFolder) === '' ? 'is' : 'is inside'
      throw new ConfigError(`output folder ${which} the input folder ${displayPathOf(root.folder, cwd)}`, displayPathOf(outFolder, cwd))
    }
  }
}

/** Two inputs that would be written to the same place in the output folder. */
export function checkOutputCollisions(files: InputFile[]): void {
  const byOutput = new Map<string, InputFile>()
  for (const file of files) {
    const earlier = byOutput.get(file.outputPath)
    if (earlier) throw new ConfigError(`would be written to the same output file as ${earlier.displayPath} (${file.outputPath})`, file.displayPath)
    byOutput.set(file.outputPath, file)
  }
}

/** The names mtclean gives its own files in an output folder: no input's copy may take one of them. */

/** Folders mtclean keeps its own files in (report.html's per-file pieces). */
export const RESERVED_OUTPUT_FOLDERS = new Set(['report-files'])

/** An input whose copy would land on one of mtclean's own files in the output folder is refused. */
export function checkReservedNames(files: InputFile[]): void {
  for (const file of files) {
    if (RESERVED_OUTPUT_NAMES.has(file.outputPath) || RESERVED_OUTPUT_FOLDERS.has(file.outputPath.split('/')[0]!)) {
      throw new ConfigError(
        `its cleaned copy would replace mtclean's own ${file.outputPath} in the output folder: rename it or put it in a subfolder`,
        file.displayPath,
      )
    }
  }
}
