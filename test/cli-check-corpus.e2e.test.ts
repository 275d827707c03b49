import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from './helpers/project.js'

interface FileMessages {
  path: string
  messages: { ruleId: string; actual: string; expected?: string[] }[]
}

/** A folder of news texts that spell one unlisted foreign name two ways. */
function corpusProject(): string {
  const dir = tempProject('rules')
  mkdirSync(path.join(dir, 'in'))
  for (let index = 0; index < 6; index++)
    writeFileSync(path.join(dir, `in/a${index}.txt`), `Chilean President Boricsson spoke on day ${index}. Boricsson left.\n`)
  writeFileSync(path.join(dir, 'in/b.txt'), 'Later, Boricson and Wang Lili met in Yilan County.\n')
  return dir
}

describe('mtclean check over a folder: evidence from the corpus', () => {
  it('reports the rarer spelling of a name with the commoner one, and leaves Chinese names alone', () => {
    const result = runCli(['check', 'in', '--format', 'json', '--quiet'], corpusProject())
    const files = JSON.parse(result.stdout) as FileMessages[]
    const names = files.flatMap((file) =>
      file.messages
        .filter((message) => message.ruleId === 'suspect-name')
        .map((message) => `${path.basename(file.path)}: ${message.actual} → ${message.expected?.join()}`),
    )
    expect(names).toEqual(['b.txt: Boricson → Boricsson'])
  })

  it('has no corpus evidence for one file alone', () => {
    const dir = corpusProject()
    const files = JSON.parse(runCli(['check', 'in/b.txt', '--format', 'json', '--quiet'], dir).stdout) as FileMessages[]
    expect(files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'suspect-name')).toEqual([])
  })

  it('gives clean --check the same evidence in its report', () => {
    const dir = corpusProject()
    expect(runCli(['clean', 'in', '--check', '--out', 'out', '--quiet'], dir).status).toBe(0)
    const report = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')) as {
      files: { path: string; findings?: { ruleId: string; actual: string; expected?: string[] }[] }[]
    }
    const findings = report.files.flatMap((file) =>
      (file.findings ?? []).map((finding) => `${file.path}: ${finding.ruleId} ${finding.actual} → ${finding.expected?.join()}`),
    )
    expect(findings).toEqual(['in/b.txt: suspect-name Boricson → Boricsson'])
  })
})
