import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { BIN, projectWithTexts, runCli } from './helpers/project.js'

const TEXTS = { 'in/a.txt': 'Ravorov met Asia Danian.\n', 'in/b, c.txt': 'Ravorov left.\n', 'in/clean.txt': 'The minister left on Monday.\n' }

/** `mtclean ARGS` in a pseudo-terminal made by util-linux `script` (stdout is a TTY); what the terminal got. */
function runInTerminal(args: string, cwd: string, env: Record<string, string> = {}): string {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env }
  if (!('NO_COLOR' in env)) delete environment.NO_COLOR
  const result = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN}' ${args}`, '/dev/null'], { cwd, env: environment, encoding: 'utf8' })
  expect(result.status, `script (util-linux) is needed for this test: ${result.stderr}`).not.toBeNull()
  return result.stdout
}

describe('check --format github', () => {
  it('writes one workflow command per problem, properties escaped', () => {
    const dir = projectWithTexts(TEXTS)
    const result = runCli(['check', 'in', '--format', 'github', '-q'], dir)
    expect(result.status).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^::warning file=in\/a\.txt,line=1,col=1,endLine=1,endColumn=8,title=known-variant::`Ravorov` is a known variant of `Lavrov`/)
    expect(lines[1]).toMatch(/^::warning file=in\/a\.txt,line=1,col=13,endLine=1,endColumn=24,title=known-variant::/)
    expect(lines[2]).toMatch(/^::warning file=in\/b%2C c\.txt,line=1,col=1,/)
  })
})

describe('check --format sarif', () => {
  it('writes one SARIF 2.1.0 run: mtclean, the rules that fired, results with relative locations', () => {
    const dir = projectWithTexts(TEXTS)
    const result = runCli(['check', 'in', '--format', 'sarif', '-q'], dir)
    expect(result.status).toBe(1)
    const log = JSON.parse(result.stdout) as {
      version: string
      runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription?: { text: string } }[] } }
        results: {
          ruleId: string
          level: string
          message: { text: string }
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]
        }[]
      }[]
    }
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const [run] = log.runs
    expect(run!.tool.driver.name).toBe('mtclean')
    expect(run!.tool.driver.rules).toEqual([{ id: 'known-variant', shortDescription: { text: 'a known variant a rule will fix' } }])
    expect(run!.results).toHaveLength(3)
    const [first] = run!.results
    expect(first!.ruleId).toBe('known-variant')
    expect(first!.level).toBe('warning')
    expect(first!.message.text).toMatch(/^`Ravorov` is a known variant of `Lavrov`/)
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'in/a.txt' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 8 },
    })
    expect(run!.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('in/b%2C%20c.txt')
  })

  it('is an empty run on clean texts, exit 0', () => {
    const dir = projectWithTexts(TEXTS)
    const result = runCli(['check', 'in/clean.txt', '--format', 'sarif'], dir)
    expect(result.status).toBe(0)
    expect((JSON.parse(result.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results).toEqual([])
  })
})

describe('check --max-warnings', () => {
  it('exits 1 only over N problems; without it, any problem is exit 1', () => {
    const dir = projectWithTexts(TEXTS)
    expect(runCli(['check', 'in', '-q'], dir).status).toBe(1)
    expect(runCli(['check', 'in', '-q', '--max-warnings', '3'], dir).status).toBe(0)
    const over = runCli(['check', 'in', '-q', '--max-warnings', '2'], dir)
    expect(over.status).toBe(1)
    expect(over.stderr).toContain('3 problem(s) (more than --max-warnings 2)')
    expect(runCli(['check', 'in', '-q', '--max-warnings', '0'], dir).status).toBe(1)
    expect(runCli(['check', 'in/clean.txt', '--max-warnings', '0'], dir).status).toBe(0)
    expect(runCli(['check', 'in', '--max-warnings', 'many'], dir).status).toBe(2)
  })
})

describe('colour in the text format', () => {
  const ESC = '\u001b['

  it("is on at a terminal, and the text's own control characters are shown, not sent", () => {
    const dir = projectWithTexts({ ...TEXTS, 'in/esc\u001b[2J.txt': 'Ravorov left.\n' })
    const shown = runInTerminal('check in -q', dir)
    expect(shown).toContain(`${ESC}33mwarning`) // vfile-reporter's yellow
    expect(shown).toContain('esc\\u001b[2J.txt')
    expect(shown).not.toContain(`${ESC}2J`)
  })

  it('is off with NO_COLOR, with --no-color, and when stdout is not a terminal', () => {
    const dir = projectWithTexts(TEXTS)
    expect(runInTerminal('check in -q', dir, { NO_COLOR: '1' })).not.toContain(ESC)
    expect(runInTerminal('check in -q --no-color', dir)).not.toContain(ESC)
    const piped = spawnSync(process.execPath, [BIN, 'check', 'in', '-q'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } })
    expect(piped.stdout).toContain('warning')
    expect(piped.stdout).not.toContain(ESC)
  })
})
