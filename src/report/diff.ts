import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff'
import type { FileResult } from '../clean.js'

/**
 * One unified diff for all changed files, with `a/` and `b/` prefixes on paths relative to the working
 * folder: `patch -p1` or `git apply` there turns the inputs into the cleaned copies.
 */
export function unifiedDiff(results: FileResult[]): string {
  return results
    .filter((result) => result.output !== result.source)
    .map((result) =>
      createTwoFilesPatch(`a/${result.input.displayPath}`, `b/${result.input.displayPath}`, result.source, result.output, undefined, undefined, {
        context: 3,
        headerOptions: FILE_HEADERS_ONLY,
      }),
    )
    .join('')
}
