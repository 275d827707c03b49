import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardProjectFolders, PROJECT, projectWithTexts, runCli, tempProject } from './helpers/project.js'
import { runCliWithStdin } from './helpers/stdin.js'

// Fixtures with prose to clean beside code, links, front matter, comments, attributes, script and style;
// the expected files differ from them only in their prose (read them side by side: `diff news.md news.expected.md`).
const FIXTURES = path.join(PROJECT, 'test/fixtures/markup')
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name))

/** A project with the bundled rules and the fixtures in `in/`. */
function projectWithFixtures(): string {
  const dir = tempProject('rules')
  mkdirSync(path.join(dir, 'in'))
  for (const name of ['news.md', 'news.html']) copyFileSync(path.join(FIXTURES, name), path.join(dir, 'in', name))
  return dir
}

guardProjectFolders()

describe('Markdown and HTML', () => {
  it('clean changes only the prose of a Markdown and an HTML file, byte for byte', () => {
    const dir = projectWithFixtures()
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.stderr).toContain('2 file(s)')
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'out/news.md'))).toEqual(fixture('news.expected.md'))
    expect(readFileSync(path.join(dir, 'out/news.html'))).toEqual(fixture('news.expected.html'))
    // The diff turns the inputs into the copies.
    execFileSync('patch', ['-p1', '-s', '-i', 'out/changes.diff'], { cwd: dir })
    expect(readFileSync(path.join(dir, 'in/news.md'))).toEqual(fixture('news.expected.md'))
    expect(readFileSync(path.join(dir, 'in/news.html'))).toEqual(fixture('news.expected.html'))
  })

  it('clean - takes the format from --stdin-filename', () => {
    const dir = projectWithTexts({})
    expect(runCliWithStdin(['clean', '-', '--stdin-filename', 'news.md'], dir, fixture('news.md')).stdout).toEqual(fixture('news.expected.md'))
    expect(runCliWithStdin(['clean', '-', '--stdin-filename', 'a/news.html'], dir, fixture('news.html')).stdout).toEqual(fixture('news.expected.html'))
    // Without a name it is plain text: the link's address is rewritten too.
    const plain = runCliWithStdin(['clean', '-'], dir, '[Ravorov](http://x.com/Ravorov)').stdout.toString('utf8')
    expect(plain).toBe('[Lavrov](http://x.com/Lavrov)')
    expect(runCliWithStdin(['clean', '-', '--stdin-filename', 'a.md'], dir, '[Ravorov](http://x.com/Ravorov)').stdout.toString('utf8')).toBe(
      '[Lavrov](http://x.com/Ravorov)',
    )
    // A byte order mark and CRLF line ends stay, and the places after them are right.
    const bom = '\uFEFF# Ravorov\r\n\r\n> Ravorov met\r\n> Asia Danian `Ravorov`.\r\n'
    expect(runCliWithStdin(['clean', '-', '--stdin-filename', 'a.md'], dir, bom).stdout.toString('utf8')).toBe(
      '\uFEFF# Lavrov\r\n\r\n> Lavrov met\r\n> ASEAN `Ravorov`.\r\n',
    )
  })

  it('report.json gives each change at its place in the original file', () => {
    const dir = projectWithFixtures()
    runCli(['clean', 'in', '--out', 'out'], dir)
    const report = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')) as {
      files: { path: string; changes: { start: number; end: number; before: string }[] }[]
    }
    const source = fixture('news.md').toString('utf8')
    const changes = report.files.find((file) => file.path === 'in/news.md')!.changes
    // report.json keeps offsets only; line and column are worked out from them, here as the views do.
    const placeOf = (offset: number): string => {
      const before = source.slice(0, offset).split('\n')
      return `${before.length}:${before.at(-1)!.length + 1}`
    }
    expect(changes.map((change) => `${placeOf(change.start)} ${change.before}`)).toEqual([
      '5:3 Ravorov',
      '5:15 Asia Danian',
      '7:18 Ravorov',
      '7:50 Asia Danian',
      '8:11 Ravorov',
      '19:3 Ravorov',
      '20:12  -',
      '22:3 Rafrov',
      '27:3 Ravorov',
      '34:29 Asia Danian',
      '37:1 Ravorov',
    ])
    for (const change of changes) expect(source.slice(change.start, change.end)).toBe(change.before)
  })

  it('check reports at the line and column of the original file, and nothing outside the prose or in a disabled span', () => {
    const dir = projectWithFixtures()
    const result = runCli(['check', 'in/news.md', '--format', 'unix'], dir)
    expect(result.status).toBe(1)
    const places = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('  ')[0])
    expect(places).toEqual([
      'in/news.md:5:3-5:10',
      'in/news.md:5:15-5:26',
      'in/news.md:7:18-7:25',
      'in/news.md:7:50-7:61',
      'in/news.md:8:11-8:18',
      'in/news.md:19:3-19:10',
      'in/news.md:22:3-22:9',
      'in/news.md:27:3-27:10',
      'in/news.md:37:1-37:8',
    ])
    // Each place holds the word it names.
    const lines = fixture('news.md').toString('utf8').split('\n')
    for (const line of result.stdout.trim().split('\n')) {
      const [, row, column, endColumn, word] = /:(\d+):(\d+)-\d+:(\d+)\s+warning\s+`([^`]+)`/.exec(line)!
      expect(lines[Number(row) - 1]!.slice(Number(column) - 1, Number(endColumn) - 1)).toBe(word)
    }
  })

  it('check - takes the format from --stdin-filename, and a cleaned copy has nothing left to report', () => {
    const dir = projectWithTexts({})
    const checked = runCliWithStdin(['check', '-', '--stdin-filename', 'news.html', '--format', 'unix'], dir, fixture('news.html'))
    expect(checked.stdout.toString('utf8')).toMatch(/^news\.html:5:8-5:15 {2}warning {2}`Ravorov` is a known variant/)
    expect(checked.stdout.toString('utf8')).not.toMatch(/^news\.html:(4|7|10|17|18|19|20|22):/m) // meta, style, script, code, pre, a comment, img, a disabled span
    const clean = runCliWithStdin(['check', '-', '--stdin-filename', 'news.md'], dir, fixture('news.expected.md'))
    expect(clean.stdout.toString('utf8')).toBe('')
    expect(clean.status).toBe(0)
  })

  it('a disabled span is left alone by clean and check', () => {
    const text =
      'Ravorov met Asia Danian.\n\n<!-- mtclean-disable -->\nRavorov met Asia Danian.\n<!-- mtclean-enable -->\n\n<!-- mtclean-disable asean known-variant -->\nRavorov met Asia Danian.\n'
    const dir = projectWithTexts({ 'in/a.md': text })
    runCli(['clean', 'in', '--out', 'out'], dir)
    expect(readFileSync(path.join(dir, 'out/a.md'), 'utf8')).toBe(
      text.replace('Ravorov met Asia Danian', 'Lavrov met ASEAN').replace(/\nRavorov met Asia Danian\.\n$/, '\nLavrov met Asia Danian.\n'),
    )
    const checked = runCli(['check', 'in/a.md', '--format', 'unix'], dir)
    expect(
      checked.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('  ')[0]),
    ).toEqual(['in/a.md:1:1-1:8', 'in/a.md:1:13-1:24'])
  })

  it('folders are searched for .txt, .md, .markdown and .html files, nothing else', () => {
    const dir = projectWithTexts({
      'in/a.txt': 'Ravorov\n',
      'in/b.md': 'Ravorov\n',
      'in/c.markdown': 'Ravorov\n',
      'in/d.html': '<p>Ravorov</p>\n',
      'in/e.json': '"Ravorov"\n',
      'in/f.rst': 'Ravorov\n',
    })
    expect(runCli(['clean', 'in', '--out', 'out'], dir).status).toBe(0)
    for (const name of ['a.txt', 'b.md', 'c.markdown', 'd.html']) expect(readFileSync(path.join(dir, 'out', name), 'utf8')).toContain('Lavrov')
    for (const name of ['e.json', 'f.rst']) expect(existsSync(path.join(dir, 'out', name))).toBe(false)
    // The output folder's own report.md and report.html are not inputs of a run over it.
    expect(runCli(['clean', 'in', '--out', 'out', '--report', 'md,html'], dir).status).toBe(0)
    const again = runCli(['clean', 'out', '--out', 'again'], dir)
    expect(again.status).toBe(0)
    expect(existsSync(path.join(dir, 'again/report.json'))).toBe(true)
    expect(again.stderr).toMatch(/4 file\(s\), 0 change\(s\)/) // the 4 copies, not report.md and report.html
  })

  it('an HTML file nested too deeply for the parser is named and left alone; the others are cleaned', () => {
    const deep = `${'<b>'.repeat(50_000)}Ravorov${'</b>'.repeat(50_000)}`
    const dir = projectWithTexts({ 'in/a.md': 'Ravorov\n', 'in/deep.html': deep })
    const result = runCli(['clean', 'in', '--out', 'out'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('in/deep.html: cannot be read as HTML: nested too deeply')
    expect(readFileSync(path.join(dir, 'out/a.md'), 'utf8')).toBe('Lavrov\n')
    expect(readFileSync(path.join(dir, 'in/deep.html'), 'utf8')).toBe(deep)
    const streamed = runCliWithStdin(['clean', '-', '--stdin-filename', 'deep.html'], dir, deep)
    expect(streamed.status).toBe(2)
    expect(streamed.stdout.length).toBe(0)
    expect(streamed.stderr.toString('utf8')).toMatch(/^deep\.html: cannot be read as HTML: nested too deeply/)
  })

  it('a Markdown text of 100,000 nested block quotes is refused at once, not parsed for minutes', () => {
    const deep = `${'> '.repeat(100_000)}Ravorov\n`
    const dir = projectWithTexts({})
    const streamed = runCliWithStdin(['clean', '-', '--stdin-filename', 'deep.md'], dir, deep)
    expect(streamed.status).toBe(2)
    expect(streamed.stdout.length).toBe(0)
    expect(streamed.stderr.toString('utf8')).toBe(
      'deep.md: cannot be read as Markdown: nested too deeply (more than 100 block quotes or lists inside each other at line 1)\n',
    )
  })
})
