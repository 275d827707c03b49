import { spawnSync } from 'node:child_process'
import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { BIN, projectWithTexts, runCli } from './helpers/project.js'

// A seed sentence: its messages name the rule files, so the reasons run long (lines of 150+ characters).
const TEXTS = { 'in/a.txt': 'Russian Foreign Minister Ravorov met Asia Danian in Beijing.Patrushev said.\n' }

/** `mtclean ARGS` in a pseudo-terminal (util-linux `script`) `columns` wide; what the terminal got, without colour. */
function inTerminal(args: string, cwd: string, columns: number): string {
  const command = `stty cols ${columns}; '${process.execPath}' '${BIN}' ${args}`
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' })
  expect(result.status, `script (util-linux) is needed for this test: ${result.stderr}`).not.toBeNull()
  return result.stdout.replace(/\r\n/g, '\n')
}

describe('check: lines that fit the terminal', () => {
  it('at a terminal, every line of the text format fits its width; each message starts its own line', () => {
    const dir = projectWithTexts(TEXTS)
    const out = inTerminal('check in -q', dir, 70)
    const lines = out.trimEnd().split('\n')
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(70)
    const starts = lines.filter((line) => /^\d+:\d+-\d+:\d+ /.test(line))
    expect(starts.map((line) => line.split(' ')[0])).toEqual(['1:26-1:33', '1:38-1:49', '1:53-1:70'])
    expect(starts[0]).toMatch(/ known-variant +mtclean$/)
  })

  it('into a pipe, one line per message, as before', () => {
    const dir = projectWithTexts(TEXTS)
    const piped = runCli(['check', 'in', '-q'], dir)
    const lines = piped.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(100)
  })
})
