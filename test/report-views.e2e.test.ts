import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, snapshotTree, tempProject } from './helpers/project.js'

/** Everything a view wrote: report.md, or report.html and its pieces. */
const viewFiles = (folder: string, view: 'md' | 'html'): Map<string, Buffer> =>
  new Map([...snapshotTree(folder)].filter(([name]) => (view === 'md' ? name === 'report.md' : name === 'report.html' || name.startsWith('report-files/'))))

describe('report.md and report.html are views of report.json', () => {
  it('`mtclean report --format md|html` renders from a saved report.json exactly what `clean --report md,html` wrote', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['clean', '--check', '--report', 'md,html', '--out', 'out'], dir).status).toBe(0)
    // A decision after the run changes decisions.json, not the snapshot in report.json: the views stay the same.
    const lavrov = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).files[0].changes.find(
      (change: { ruleId: string }) => change.ruleId === 'lavrov',
    )
    expect(runCli(['reject', lavrov.id, '--out', 'out'], dir).status).toBe(0)
    // The saved record, on its own in another folder at the same depth (the views' links are made from there).
    cpSync(path.join(dir, 'out/report.json'), path.join(dir, 'saved/report.json'))
    expect(runCli(['report', 'out', '--format', 'md', '--out', 'view/report.md'], dir).status).toBe(0)
    expect(runCli(['report', 'out', '--format', 'html', '--out', 'view/report.html'], dir).status).toBe(0)
    for (const view of ['md', 'html'] as const) {
      const written = viewFiles(path.join(dir, 'out'), view)
      const rendered = viewFiles(path.join(dir, 'view'), view)
      expect([...rendered.keys()].sort(), view).toEqual([...written.keys()].sort())
      for (const [name, bytes] of written) expect(rendered.get(name)?.equals(bytes), name).toBe(true)
    }
    expect(viewFiles(path.join(dir, 'out'), 'html').size).toBeGreaterThan(2)
    // To stdout, the same text; report.json was not touched by any of it.
    expect(runCli(['report', 'out', '--format', 'md'], dir).stdout).toBe(readFileSync(path.join(dir, 'out/report.md'), 'utf8'))
    expect(readFileSync(path.join(dir, 'out/report.json')).equals(readFileSync(path.join(dir, 'saved/report.json')))).toBe(true)
  })

  it('renders after `apply` changed the sources: the texts the run saw come from the cleaned copies', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['clean', '--report', 'md'], dir).status).toBe(0)
    const before = readFileSync(path.join(dir, 'cleaned/report.md'), 'utf8')
    expect(runCli(['accept', '--all'], dir).status).toBe(0)
    expect(runCli(['apply'], dir).status).toBe(0)
    expect(runCli(['report', '--format', 'md'], dir).stdout).toBe(before)
    // With the copy gone too, nothing tells the text the run saw: one line, exit 2.
    writeFileSync(path.join(dir, 'cleaned/000_8f9708c4ec4fda24.txt'), 'edited\n')
    const result = runCli(['report', '--format', 'md'], dir)
    expect(result).toMatchObject({ status: 2, stdout: '' })
    expect(result.stderr).toMatch(
      /^cleaned\/report\.json: seeds\/000_8f9708c4ec4fda24\.txt: the source changed since the run and its cleaned copy .* run `mtclean clean` again\n$/,
    )
  })

  it('text lines for grep by default; html only into a file (it comes with a folder of pieces)', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['clean'], dir).status).toBe(0)
    const text = runCli(['report'], dir)
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/^5 file\(s\), 4 changed, \d+ change\(s\) by \d+ rule\(s\)/)
    expect(text.stdout).toMatch(/^seeds\/000_8f9708c4ec4fda24\.txt:1:10 {2}undecided {2}hyphen-space {2}␣- → - {2}[0-9a-f]{12}$/m)
    expect(runCli(['report', '--format', 'html'], dir)).toMatchObject({
      status: 2,
      stderr: '--out -: the html view is a page and a folder of per-file pieces beside it: give --out FILE\n',
    })
    expect(existsSync(path.join(dir, 'cleaned/report.html'))).toBe(false)
  })

  it('refuses a report.json of an older mtclean in one line', () => {
    const dir = tempProject('seeds', 'rules')
    expect(runCli(['clean'], dir).status).toBe(0)
    const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
    delete report.version
    writeFileSync(path.join(dir, 'cleaned/report.json'), JSON.stringify(report))
    for (const command of [['report'], ['status']]) {
      expect(runCli(command, dir)).toMatchObject({
        status: 2,
        stderr: 'cleaned/report.json: made by an older mtclean (no "version"): run `mtclean clean` again\n',
      })
    }
  })
})
