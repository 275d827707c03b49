import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
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

it('report.html loads offline in Chromium with no console errors and shows every file, rule and change', async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true)
  const dir = tempProject('seeds', 'rules')
  expect(runCli(['clean'], dir).status).toBe(0)
  const lavrov = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8')).files[0].changes.find((change: { ruleId: string }) => change.ruleId === 'lavrov')
  runCli(['reject', lavrov.id], dir)
  runCli(['accept', '--rule', 'sullivan'], dir)
  runCli(['clean', '--check'], dir)
  const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))

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

    expect(await page.locator('section.file h2').allTextContents()).toEqual(report.files.map((file: { path: string }) => file.path))
    expect(await page.locator('table.rules tr').count()).toBe(report.rules.length + 1)
    const changeRows = report.files.reduce((sum: number, file: { changes: unknown[]; skipped: unknown[] }) => sum + file.changes.length + file.skipped.length, 0)
    expect(await page.locator('table.changes tr:not(:first-child)').count()).toBe(changeRows)
    // Each diff is drawn when its section comes into view: scroll through them as a reader would.
    expect(await page.locator('.d2h-file-side-diff').count()).toBeLessThan(2 * report.summary.changedFiles)
    for (const diff of await page.locator('div.diff').all()) {
      await diff.scrollIntoViewIfNeeded()
      await diff.locator('.d2h-file-side-diff').first().waitFor()
    }
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
  expect(runCli(['clean', '--check', 'seeds', '-r', '../shared/rules', '-o', 'tmp/out'], project).status).toBe(0)
  const report = JSON.parse(readFileSync(path.join(project, 'tmp/out/report.json'), 'utf8'))
  const lavrov = report.files[0].changes.find((change: { ruleId: string }) => change.ruleId === 'lavrov')
  expect(lavrov.rule).toBe('../shared/rules/people.yaml:4:5')
  const finding = report.files.flatMap((file: { findings: { ruleId: string }[] }) => file.findings)[0]
  expect(finding).toBeDefined()

  const browser = await launch()
  try {
    const page = await browser.newPage({ acceptDownloads: true })
    const reportUrl = pathToFileURL(path.join(project, 'tmp/out/report.html')).href
    await page.goto(reportUrl)

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
