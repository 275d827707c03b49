import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PROJECT, RULES, runCli, SEEDS, type CliResult } from './helpers/project.js'

// Rules in a folder beside the project (given as an absolute path, as a script would), the output in
// tmp/out: every path mtclean prints or writes is relative, with `/`, and every link resolves where it is read.

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** An absolute path into `folder`: the folder's path not reached by a relative `../` (which may end in it). */
const absoluteIn = (folder: string): RegExp => new RegExp(`(?<!\\.\\.)${escapeRegExp(folder)}`)

let root: string
let project: string
let sharedRules: string
const texts: Record<string, string> = {}

function record(name: string, result: CliResult): CliResult {
  texts[`${name} (stdout)`] = result.stdout
  texts[`${name} (stderr)`] = result.stderr
  return result
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mtclean-paths-'))
  project = path.join(root, 'project')
  sharedRules = path.join(root, 'shared/rules')
  cpSync(SEEDS, path.join(project, 'seeds'), { recursive: true })
  cpSync(RULES, sharedRules, { recursive: true })
})

describe('no absolute path in any output (rules outside the working folder)', () => {
  it('clean --check into tmp/out: the reports, the diff and stderr show the rules as ../shared/rules/…', () => {
    expect(record('clean', runCli(['clean', '--check', 'seeds', '-r', sharedRules, '-o', 'tmp/out', '--report', 'md,html'], project)).status).toBe(0)
    for (const name of ['report.json', 'report.md', 'report.html', 'changes.diff']) texts[name] = readFileSync(path.join(project, 'tmp/out', name), 'utf8')
    // report.html's sections, each in a piece of its own: mtcleanFile(N, "<section as a JSON string>").
    const pieces = readdirSync(path.join(project, 'tmp/out/report-files')).map((name) => readFileSync(path.join(project, 'tmp/out/report-files', name), 'utf8'))
    texts['report-files'] = pieces.map((piece) => JSON.parse(piece.slice(piece.indexOf(',') + 1, piece.lastIndexOf(')')))).join('\n')
    const report = JSON.parse(texts['report.json']!)
    expect(report.rules.map((rule: { rule: string }) => rule.rule)).toContain('../shared/rules/people.yaml:4:5')
    expect(report.rules.every((rule: { rule: string }) => /^\.\.\/shared\/rules\/[a-z]+\.yaml:\d+:\d+$/.test(rule.rule))).toBe(true)
  })

  it('check, in each format, names the rules of a known variant relative to the working folder', () => {
    for (const format of ['text', 'unix', 'json', 'github', 'sarif']) {
      expect(record(`check --format ${format}`, runCli(['check', 'seeds', '-r', sharedRules, '--format', format], project)).status).toBe(1)
    }
    expect(texts['check --format unix (stdout)']).toContain('(../shared/rules/')
  })

  it('rules list, lint and test; clean -n', () => {
    expect(record('rules list', runCli(['rules', 'list', '-r', sharedRules], project)).stdout).toContain('  ../shared/rules/people.yaml:4:5\n')
    record('rules list json', runCli(['rules', 'list', '-r', sharedRules, '--format', 'json'], project))
    record('rules lint', runCli(['rules', 'lint', '-r', sharedRules], project))
    record('rules test', runCli(['rules', 'test', '-r', sharedRules], project))
    expect(record('clean -n', runCli(['clean', '-n', 'seeds', '-r', sharedRules], project)).stdout).toContain('--- a/seeds/')
  })

  it('an error in a rule file given by its absolute path is shown at its relative path', () => {
    const broken = path.join(root, 'shared/broken/bad.yaml')
    mkdirSync(path.dirname(broken), { recursive: true })
    writeFileSync(broken, 'entities:\n  - id: x\n    canonical: [\n')
    const result = record('broken rules', runCli(['check', 'seeds', '-r', broken], project))
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^\.\.\/shared\/broken\/bad\.yaml:\d+:\d+: invalid YAML/)
    expect(record('missing input', runCli(['check', path.join(project, 'nothing-here')], project)).stderr).toMatch(/^nothing-here: /)
  })

  it('the bundled rules (no ./rules here) are shown relative too', () => {
    const result = record('rules list (bundled)', runCli(['rules', 'list'], project))
    const bundled = path.relative(project, path.join(PROJECT, 'rules')).split(path.sep).join('/')
    expect(result.stdout).toContain(`  ${bundled}/people.yaml:`)
  })

  it('none of it holds an absolute path into the temp folder or the mtclean package', () => {
    expect(Object.keys(texts).length).toBeGreaterThan(15)
    for (const [name, text] of Object.entries(texts)) {
      expect(text, name).not.toMatch(absoluteIn(root))
      expect(text, name).not.toMatch(absoluteIn(PROJECT))
    }
  })
})

describe('links resolve from where they are read', () => {
  const target = (from: string, url: string): string => path.resolve(from, decodeURIComponent(url.split('#')[0]!))

  it('every href of report.html (and its pieces) and every link of report.md, from the output folder', () => {
    const out = path.join(project, 'tmp/out')
    const html = texts['report.html']! + texts['report-files']!
    const hrefs = [...html.matchAll(/ href="([^"#][^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'))
    expect(hrefs.some((href) => /^(\.\.\/)+shared\/rules\/people\.yaml#L\d+$/.test(href))).toBe(true)
    expect(hrefs.some((href) => href.endsWith('docs/checks.md#repeated-phrase'))).toBe(true)
    const urls = [...texts['report.md']!.matchAll(/\]\(([^)]*docs\/checks\.md#[^)]*)\)/g)].map((match) => match[1]!)
    expect(urls.length).toBeGreaterThan(0)
    for (const link of [...hrefs, ...urls]) expect(existsSync(target(out, link)), link).toBe(true)
    expect(new Set(urls.map((url) => target(out, url)))).toEqual(new Set([path.join(PROJECT, 'docs/checks.md')]))
  })

  it('every url of check --format json, from the working folder; the anchor is the check heading in docs/checks.md', () => {
    const headings = new Set([...readFileSync(path.join(PROJECT, 'docs/checks.md'), 'utf8').matchAll(/^## (\S+)$/gm)].map((match) => match[1]))
    const messages = JSON.parse(texts['check --format json (stdout)']!).flatMap((file: { messages: unknown[] }) => file.messages) as {
      url: string
      ruleId: string
    }[]
    for (const message of messages) {
      expect(target(project, message.url)).toBe(path.join(PROJECT, 'docs/checks.md'))
      expect(message.url.endsWith(`#${message.ruleId}`) && headings.has(message.ruleId), message.url).toBe(true)
    }
  })
})
