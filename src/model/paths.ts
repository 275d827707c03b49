import path from 'node:path'

/**
 * A path as mtclean shows it in any output: relative to `from` (the working folder, or the folder the text
 * is read from), with `/`. A rule folder next to the project is `../shared/rules/a.yaml`, never `/home/…`:
 * outputs are shared, committed and compared, and an absolute path says where someone's home is.
 */
export function shownPath(file: string, from: string = process.cwd()): string {
  return path.relative(from, path.resolve(from, file)).split(path.sep).join('/') || '.'
}

/**
 * A link to `file` from a document read in `from` (a report in its output folder, output read in the
 * working folder): a relative URL, each segment percent-encoded so a space or `#` in a folder name stays
 * part of the path. `fragment` is added as is (an anchor, `L12`).
 */
export function relativeUrl(file: string, from: string, fragment?: string): string {
  const url = shownPath(file, from).split('/').map(encodeURIComponent).join('/')
  return fragment ? `${url}#${fragment}` : url
}
