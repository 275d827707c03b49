import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, runCli, tempProject } from './helpers/project.js'

const FILES = 1500
const text = (index: number): string => `Minister Ravorov met the China -Russia team, file ${index}.\n`
const oldCopy = (index: number): string => text(index).replace(' -', '-')
const newCopy = (index: number): string => oldCopy(index).replace('Ravorov', 'Lavrov')

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 600 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('an interrupted run', () => {
  const cases = [
    { signal: 'SIGINT', jobs: '1' },
    { signal: 'SIGTERM', jobs: '1' },
    { signal: 'SIGTERM', jobs: '2' }, // worker threads finish the files they were given, then stop
  ] as const
  for (const { signal, jobs } of cases) {
    it(`leaves every output old or new, never half-written, on ${signal} (--jobs ${jobs})`, async () => {
      const dir = tempProject('rules')
      mkdirSync(path.join(dir, 'in'))
      for (let index = 0; index < FILES; index++) writeFileSync(path.join(dir, 'in', `f${String(index).padStart(4, '0')}.txt`), text(index))
      // The old copies: a run without the people rules (Ravorov stays).
      mkdirSync(path.join(dir, 'partial'))
      writeFileSync(path.join(dir, 'partial/spacing.yaml'), readFileSync(path.join(dir, 'rules/spacing.yaml')))
      expect(runCli(['clean', 'in', '--out', 'out', '--rules', 'partial'], dir).status).toBe(0)

      const child = spawn(process.execPath, [BIN, 'clean', 'in', '--out', 'out', '--jobs', jobs], { cwd: dir, stdio: 'ignore' })
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      // Counts the copies already rewritten (temp files come and go meanwhile: only final names count).
      const newOnes = (): number =>
        readdirSync(path.join(dir, 'out')).filter((name) => {
          try {
            return /^f\d{4}\.txt$/.test(name) && readFileSync(path.join(dir, 'out', name), 'utf8').includes('Lavrov')
          } catch {
            return false
          }
        }).length
      await waitUntil(() => newOnes() >= 100 || child.exitCode !== null)
      child.kill(signal)
      const status = await exited

      const names = readdirSync(path.join(dir, 'out')).filter(
        (name) => !['report.json', 'report.md', 'report.html', 'changes.diff', '.mtclean-manifest.json'].includes(name),
      )
      expect(names.filter((name) => !/^f\d{4}\.txt$/.test(name))).toEqual([]) // no temp files left
      const states = { old: 0, new: 0 }
      names.forEach((name) => {
        const index = Number(name.slice(1, 5))
        const content = readFileSync(path.join(dir, 'out', name), 'utf8')
        expect([oldCopy(index), newCopy(index)]).toContain(content)
        states[content === newCopy(index) ? 'new' : 'old']++
      })
      expect(names).toHaveLength(FILES)
      expect(status).toBe(signal === 'SIGINT' ? 130 : 143)
      expect(states.new).toBeGreaterThan(0)
      expect(states.old).toBeGreaterThan(0)
      // The next run finishes the job.
      expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
      rmSync(dir, { recursive: true, force: true })
    })
  }
})
