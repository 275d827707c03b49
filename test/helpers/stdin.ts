import { spawnSync } from 'node:child_process'
import { BIN } from './project.js'

export interface CliBytesResult {
  status: number | null
  stdout: Buffer
  stderr: string
}

/** Runs the real CLI with `input` on its stdin (no TTY, NO_COLOR set); stdout is kept as bytes. */
export function runCliWithStdin(args: string[], cwd: string, input: string | Buffer): CliBytesResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1' } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') }
}
