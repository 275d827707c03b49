import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { PROJECT, RULES, runCli, SEEDS, tempProject } from './helpers/project.js'

// report.html in a real headless Chromium (Debian's package; .ci/run installs it where missing).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOT = path.join(PROJECT, 'test/artifacts/report.png')

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
}

/** Opens every file's folded section, as a reader clicking through the list, and waits for its content. */
async function openEveryFile(page: Page): Promise<void> {
  for (const details of await page.locator('details.file').all()) {
    await details.locator('summary').click()
    await details.locator('section.file').waitFor()
  }
}

it("report.html loads offline in Chromium with no console errors: counts per file first, each file's section and diff loaded when opened", async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true)
  const dir = tempProject('seeds', 'rules')
  expect(runCli(['clean'], dir).status).toBe(0)
  const lavrov = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8')).files[0].changes.find(
    (change: { ruleId: string }) => change.ruleId === 'lavrov',
  )
  runCli(['reject', lavrov.id], dir)
  runCli(['accept', '--rule', 'sullivan'], dir)
  runCli(['clean', '--check', '--report', 'html'], dir)
  const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))
  type File = { path: string; changes: unknown[]; skipped?: unknown[]; findings?: unknown[] }
  const busy = report.files.filter((file: File) => file.changes.length + (file.skipped?.length ?? 0) + (file.findings?.length ?? 0) > 0)

  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`network: ${request.url()}`)
    })
    await page.goto(pathToFileURL(path.join(dir, 'cleaned/report.html')).href)

    // First the counts: a row per file with something to do, the others folded away; no section loaded yet.
    expect(await page.locator('table.files tr:not(:first-child) td:first-child').allTextContents()).toEqual(busy.map((file: File) => file.path))
    expect(await page.locator('details.idle li').count()).toBe(report.files.length - busy.length)
    expect(await page.locator('table.rules tr').count()).toBe(report.rules.filter((rule: { count: number }) => rule.count > 0).length + 1)
    expect(await page.locator('section.file').count()).toBe(0)
    expect(await page.locator('.d2h-file-side-diff').count()).toBe(0)
    // Each file's section and diff come from its piece (report-files/N.js) when it is opened.
    await openEveryFile(page)
    expect(await page.locator('section.file h2').allTextContents()).toEqual(busy.map((file: File) => file.path))
    const changeRows = report.files.reduce((sum: number, file: File) => sum + file.changes.length + (file.skipped?.length ?? 0), 0)
    expect(await page.locator('table.changes tr:not(:first-child)').count()).toBe(changeRows)
    await page
      .locator('.d2h-file-side-diff')
      .nth(2 * report.summary.changedFiles - 1)
      .waitFor()
    expect(await page.locator('.d2h-file-side-diff').count()).toBe(2 * report.summary.changedFiles)
    await page.evaluate(() => window.scrollTo(0, 0))
    expect(await page.locator('.badge.rejected').allTextContents()).toEqual(['rejected'])
    expect(await page.locator('.badge.accepted').count()).toBe(2)
    expect(await page.locator('tr.finding').count()).toBe(report.summary.findings)
    expect(problems).toEqual([])

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    await page.screenshot({ path: SCREENSHOT })
    // A PNG of the viewport: the signature, then the IHDR width and height.
    const png = readFileSync(SCREENSHOT)
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1400, 1000])
  } finally {
    await browser.close()
  }
})

it('report.html in an output folder of its own, rules elsewhere: its links to a rule definition and to a check description open the right files', async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true)
  // root/project/seeds, root/shared/rules, the report in root/project/tmp/out: no link may assume cleaned/ or ./rules.
  const root = mkdtempSync(path.join(os.tmpdir(), 'mtclean-links-'))
  const project = path.join(root, 'project')
  const rules = path.join(root, 'shared/rules')
  cpSync(SEEDS, path.join(project, 'seeds'), { recursive: true })
  cpSync(RULES, rules, { recursive: true })
  expect(runCli(['clean', '--check', 'seeds', '-r', '../shared/rules', '-o', 'tmp/out', '--report', 'html'], project).status).toBe(0)
  const report = JSON.parse(readFileSync(path.join(project, 'tmp/out/report.json'), 'utf8'))
  const lavrov = report.rules.find((rule: { ruleId: string }) => rule.ruleId === 'lavrov')
  expect(lavrov.rule).toBe('../shared/rules/people.yaml:4:5')
  const finding = report.files.flatMap((file: { findings?: { ruleId: string }[] }) => file.findings ?? [])[0]
  expect(finding).toBeDefined()

  const browser = await launch()
  try {
    const page = await browser.newPage({ acceptDownloads: true })
    const reportUrl = pathToFileURL(path.join(project, 'tmp/out/report.html')).href
    await page.goto(reportUrl)
    await openEveryFile(page)

    // A change's rule links to its definition. Chromium hands a .yaml file to the user as a download:
    // what it fetched must be the rule file, and the line the link names must define that rule.
    const ruleLink = page.locator('table.changes a.rule', { hasText: 'lavrov' }).first()
    const [download] = await Promise.all([page.waitForEvent('download'), ruleLink.click()])
    expect(await download.failure()).toBeNull()
    const fetched = new URL(download.url())
    expect(fileURLToPath(fetched)).toBe(path.join(rules, 'people.yaml'))
    expect(readFileSync(await download.path())).toEqual(readFileSync(path.join(rules, 'people.yaml')))
    const line = Number(/^#L(\d+)$/.exec(fetched.hash)?.[1])
    expect(readFileSync(path.join(rules, 'people.yaml'), 'utf8').split('\n')[line - 1]).toBe('  - id: lavrov')

    // A finding's check links to its section of docs/checks.md in the installed package.
    await page.goto(reportUrl)
    await openEveryFile(page)
    const checkLink = page.locator('tr.finding a', { hasText: finding.ruleId }).first()
    const [response] = await Promise.all([page.waitForNavigation(), checkLink.click()])
    expect(response?.ok()).toBe(true)
    const opened = new URL(page.url())
    expect(fileURLToPath(opened)).toBe(path.join(PROJECT, 'docs/checks.md'))
    expect(opened.hash).toBe(`#${finding.ruleId}`)
    expect(await page.locator('body').textContent()).toContain(`\n## ${finding.ruleId}\n`)
  } finally {
    await browser.close()
  }
})
