import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

/** vitest globalSetup: compile src/ to dist/ so the end-to-end tests run the real `mtclean` binary. */
export default function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'inherit' })
}
