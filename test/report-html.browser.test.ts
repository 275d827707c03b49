import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { expect, it } from 'vitest'
import { PROJECT, runCli, tempProject } from './helpers/project.js'

// report.html in a real headless Chromium (Debian's package; .ci/run installs it where missing).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOT = path.join(PROJECT, 'test/artifacts/report.png')

it('report.html loads offline in Chromium with no console errors and shows every file, rule and change', async () => {
  expect(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium)`).toBe(true)
  const dir = tempProject('seeds', 'rules')
  expect(runCli(['clean'], dir).status).toBe(0)
  const lavrov = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8')).files[0].changes.find((change: { ruleId: string }) => change.ruleId === 'lavrov')
  runCli(['reject', lavrov.id], dir)
  runCli(['accept', '--rule', 'sullivan'], dir)
  runCli(['clean', '--check'], dir)
  const report = JSON.parse(readFileSync(path.join(dir, 'cleaned/report.json'), 'utf8'))

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
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
