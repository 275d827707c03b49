import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import { PROJECT, runCli, tempProject } from './helpers/project.js'
import type { StoredChange } from '../src/report/stored.js'
import { startWebReview, type WebReviewProcess } from './helpers/web-review.js'

// `mtclean review --web` in a real headless Chromium (Debian's package, as the report.html test), driven
// with the keyboard where a reviewer would use it: a whole review, then `apply`, checked on disk.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOT = path.join(PROJECT, 'test/artifacts/review-web.png')
// A copy of the seeds, and one text with a name the checks doubt rightly (Kulebo) and one wrongly (Zelenska).
const EXTRA = 'seeds/005_extra.txt'
const EXTRA_TEXT = 'Ukrainian Foreign Minister Kulebo met Olena Zelenska in Kyiv on Monday.\n'

type Change = Omit<StoredChange, 'decision'>
interface ReportShape {
  files: { path: string; changes: Change[]; skipped: (Change & { reason: string })[] }[]
}

let server: WebReviewProcess | undefined
afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop('SIGKILL')
})

/** Watches a page for what it must never do: a console error, an uncaught error, a request elsewhere. */
function watch(page: Page, origin: string, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`request elsewhere: ${request.url()}`)
  })
}

// The page answers when the server has written: on a loaded machine a rule made (the rule set checked
// again) can take seconds. A wait, not a timing: the value is polled until it settles or 30 s pass.
const settled = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000, interval: 50 })
const stateOf = (page: Page, selector: string) => () => page.locator(selector).first().getAttribute('data-state')

it('a whole review in the browser, by keyboard: decide, undo, a rule at once, keep a word, make a rule, reload, apply', async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true)
  const dir = tempProject('seeds', 'rules')
  writeFileSync(path.join(dir, EXTRA), EXTRA_TEXT)
  expect(runCli(['clean', '--check'], dir).status).toBe(0)
  const report: ReportShape = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
  const sources = new Map(report.files.map((file) => [file.path, readFileSync(path.join(dir, file.path), 'utf8')]))
  const namesBefore = readFileSync(path.join(dir, 'rules/names.yaml'), 'utf8')
  const peopleBefore = readFileSync(path.join(dir, 'rules/people.yaml'), 'utf8')

  const decided = { accepted: new Set<string>(), rejected: [] as string[] }
  server = await startWebReview(dir)
  const origin = new URL(server.url).origin
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  const problems: string[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    watch(page, origin, problems)
    await page.goto(server.url)
    const changes = page.locator('article.change')
    const ids = await changes.evaluateAll((articles) => articles.map((article) => (article as HTMLElement).dataset.id!))
    const [first, second, third] = ids as [string, string, string]
    const change = (id: string) => `article.change[data-id="${id}"]`

    // Nothing has the focus: the keys act on the first change left to do, then move on, as in the terminal.
    await page.keyboard.press('y')
    await settled(stateOf(page, change(first))).toBe('accepted')
    await settled(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(second)
    await page.keyboard.press('n')
    await settled(stateOf(page, change(second))).toBe('rejected')
    await page.keyboard.press('y')
    await settled(stateOf(page, change(third))).toBe('accepted')
    await page.keyboard.press('u')
    await settled(stateOf(page, change(third))).toBe('undecided')
    expect(await page.locator('#message').textContent()).toBe('Undone.')
    // `?` shows the keys (the terminal review's table), Escape hides them again.
    await page.keyboard.press('?')
    expect(await page.locator('#help').isVisible()).toBe(true)
    expect(await page.locator('#help').textContent()).toContain('accept this and every later undecided change of this rule')
    await page.keyboard.press('Escape')
    expect(await page.locator('#help').isVisible()).toBe(false)
    // `s` skips the rest of the file: the focus goes to the first item of the next one.
    const sectionOfFocus = () => page.evaluate(() => document.activeElement?.closest('section.file')?.getAttribute('data-file'))
    expect(await sectionOfFocus()).toBe(report.files[0]!.path)
    await page.keyboard.press('s')
    expect(await sectionOfFocus()).toBe(report.files[1]!.path)

    // A second tab, drawn now: it will be stale once the first acts again.
    const other = await browser.newPage()
    watch(other, origin, problems)
    await other.goto(server.url)

    // The rest of a rule at once: the filter picks the rule (by keyboard), `a` on its first change.
    const rule = await page.locator(change(third)).getAttribute('data-rule')
    const ofRule = report.files.flatMap((file) => file.changes.filter((each) => each.ruleId === rule)).map((each) => each.id)
    expect(ofRule.length).toBeGreaterThan(1)
    await page.locator('#filters select[name=rule]').focus()
    await page.locator('#filters select[name=rule]').selectOption(rule!)
    expect(await changes.evaluateAll((articles) => articles.filter((article) => !(article as HTMLElement).hidden).length)).toBe(ofRule.length)
    // On from the filter with Tab, past the other selects, to the first change shown.
    for (let step = 0; step < 3; step++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(third)
    await page.keyboard.press('a')
    for (const id of ofRule) await settled(stateOf(page, change(id))).toBe('accepted')
    await page.locator('#filters select[name=rule]').selectOption('')

    // The other tab knows it is stale: it says so, and writes nothing.
    const decisionsNow = readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')
    await other
      .locator(change(ids.at(-1)!))
      .locator('[data-act=reject]')
      .click()
    await other.locator('#stale').waitFor()
    expect(await other.locator('#stale').textContent()).toContain('The record changed since this page was drawn')
    expect(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).toBe(decisionsNow)
    await other.reload()
    await settled(stateOf(other, change(third))).toBe('accepted')
    await other.close()

    // Open findings: the filter picks a kind; `k` keeps a word, `r` opens the suggested rule to edit.
    await page.locator('#filters select[name=kind]').selectOption('suspect-name')
    const zelenska = page.locator('article.finding', { hasText: '`Zelenska`' })
    await zelenska.focus()
    await page.keyboard.press('k')
    await settled(stateOf(page, 'article.finding:has-text("`Zelenska`")')).toBe('kept')
    expect(await page.locator('#message').textContent()).toBe('Kept: Zelenska added to rules/names.yaml.')
    const kulebo = page.locator('article.finding', { hasText: '`Kulebo`' })
    await kulebo.focus()
    await page.keyboard.press('r')
    const canonical = kulebo.locator('input[name=canonical]')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('canonical')
    expect(await canonical.inputValue()).toBe('Kuleba')
    // Validated as `rules add` validates: a canonical form that is another rule's variant is refused, nothing written.
    await page.keyboard.type('Ravorov')
    await page.keyboard.press('Enter')
    await settled(() => page.locator('#message').textContent()).toMatch(
      /^Not written: rules\/people\.yaml:\d+:\d+: canonical form "Ravorov" of "ravorov" is a variant of "lavrov" .*a cycle/,
    )
    expect(readFileSync(path.join(dir, 'rules/people.yaml'), 'utf8')).toBe(peopleBefore)
    expect(await kulebo.getAttribute('data-state')).toBe('open')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Dmytro Kuleba')
    await page.keyboard.press('Enter')
    await settled(() => stateOf(page, 'article.finding:has-text("`Kulebo`")')()).toBe('rule')
    expect(await page.locator('#message').textContent()).toBe('Rule made: Kulebo → Dmytro Kuleba in rules/people.yaml; `mtclean clean` applies it.')
    await page.locator('#filters select[name=kind]').selectOption('')

    // Keys pressed faster than the server answers: each acts on the next change, none makes the page stale.
    const changesOfThirdFile = page.locator(`section.file[data-file="${report.files[2]!.path}"] article.change`)
    const quick = (await changesOfThirdFile.evaluateAll((articles) => articles.map((article) => (article as HTMLElement).dataset.id!))).slice(0, 3)
    await changesOfThirdFile.first().focus()
    for (let press = 0; press < 3; press++) await page.keyboard.press('y')
    for (const id of quick) await settled(stateOf(page, change(id))).toBe('accepted')
    expect(await page.locator('#stale').isVisible()).toBe(false)

    // Drawn again from disk: everything decided is there.
    await page.reload()
    await settled(stateOf(page, change(first))).toBe('accepted')
    expect(await page.locator(change(second)).getAttribute('data-state')).toBe('rejected')
    for (const id of ofRule) expect(await page.locator(change(id)).getAttribute('data-state')).toBe('accepted')
    expect(await page.locator('article.finding:has-text("`Zelenska`")').getAttribute('data-state')).toBe('kept')
    expect(await page.locator('article.finding:has-text("`Kulebo`")').getAttribute('data-state')).toBe('rule')
    decided.accepted = new Set([first, ...ofRule, ...quick])
    decided.rejected = [second]
    expect(await page.locator('[data-count=accepted]').textContent()).toBe(String(decided.accepted.size))
    expect(await page.locator('[data-count=rejected]').textContent()).toBe('1')
    expect(await page.locator('#apply-command').textContent()).toBe('mtclean apply')
    // A file with nothing to do is folded away.
    expect(await page.locator('details.quiet summary').textContent()).toBe('1 file(s) with nothing to do')

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    // The top of the page as a reviewer first sees it, the first change with the focus: the README's picture.
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.locator(change(first)).focus()
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: SCREENSHOT })
    if (process.env.MTCLEAN_DOCS_SCREENSHOT) copyFileSync(SCREENSHOT, path.join(PROJECT, 'docs/review-web.png'))
    expect(problems).toEqual([])
  } finally {
    await browser.close()
  }
  expect(await server.stop('SIGINT')).toBe(0)

  // apply writes exactly the accepted changes; the record, the names list and the rule file say what was done.
  const apply = runCli(['apply'], dir)
  expect(apply.status, apply.stderr).toBe(0)
  const decisions = JSON.parse(readFileSync(path.join(dir, 'cleaned/decisions.json'), 'utf8')).decisions as Record<string, { decision: string }>
  const byDecision = (wanted: string): string[] =>
    Object.keys(decisions)
      .filter((id) => decisions[id]!.decision === wanted)
      .sort()
  expect(byDecision('accepted')).toEqual([...decided.accepted].sort())
  expect(byDecision('rejected')).toEqual(decided.rejected)
  const acceptedIds = byDecision('accepted')
  for (const file of report.files) {
    const source = sources.get(file.path)!
    let expected = source
    for (const each of [...file.changes].sort((a, b) => b.start - a.start)) {
      if (acceptedIds.includes(each.id)) expected = expected.slice(0, each.start) + each.after + expected.slice(each.end)
    }
    expect(readFileSync(path.join(dir, file.path), 'utf8'), file.path).toBe(expected)
  }
  expect(readFileSync(path.join(dir, EXTRA), 'utf8')).toBe(EXTRA_TEXT)
  const names = readFileSync(path.join(dir, 'rules/names.yaml'), 'utf8')
  expect(names.startsWith(namesBefore.trimEnd())).toBe(true)
  expect(names.slice(namesBefore.trimEnd().length)).toMatch(/^\n {2}- Zelenska\n$/)
  const people = readFileSync(path.join(dir, 'rules/people.yaml'), 'utf8')
  for (const comment of peopleBefore.split('\n').filter((line) => line.trim().startsWith('#'))) expect(people).toContain(comment)
  expect(people).toMatch(/canonical: Dmytro Kuleba\n(.*\n)*? {4}variants: \[Kulebo\]/)
  // The rule set is valid, and the rule made rewrites the word on the next clean.
  const next = runCli(['clean', '--dry-run'], dir)
  expect(next.status, next.stderr).toBe(0)
  expect(next.stdout).toContain('+Ukrainian Foreign Minister Dmytro Kuleba met Olena Zelenska')
})
