import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * vitest globalSetup: compile src/ to dist/ so the end-to-end tests run the real `mtclean` binary, then
 * load the project's rules once, so that recheck's verdicts on their patterns are in the cache before the
 * test files run in parallel (on a fresh clone each would fuzz the same patterns at once, ~10 s each).
 */
export default function build(): void {
  const root = path.resolve(import.meta.dirname, '../..')
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  // Incremental: a test run after a small edit recompiles only what changed (~2 s instead of ~5 s). The build
  // info lives in dist/, so removing dist/ also forgets it and the next run compiles everything again.
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, ['--input-type=module', '-e', `(await import('./dist/rules/load.js')).loadRuleSet(['rules'])`], {
    cwd: root,
    stdio: 'inherit',
  })
}
