#!/usr/bin/env node
// npm run eval:real [-- --json] [-- --suggest] [-- --list N] [-- --data DIR]
// Measures mtclean on real machine translation nobody annotated: WMT21 newstest2021 zh-en (a professional
// translation and 8 MT systems, line-aligned), with the scripts kept beside the project in
// ../shared/real-mt (cut.py makes one folder of documents per translation, score_real.py runs `check` and
// `clean` over them and compares with the reference; its docstring explains the figures). This script only
// finds them and runs them in order: the measuring is theirs. Without them it says how to get them and
// exits 0, so that a clone without the data runs it harmlessly.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = path.resolve(import.meta.dirname, '..')
const { values, tokens } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.MTCLEAN_REAL_MT ?? path.resolve(ROOT, '../shared/real-mt') },
    json: { type: 'boolean' },
    suggest: { type: 'boolean' },
    list: { type: 'string' },
    work: { type: 'string' },
  },
  tokens: true,
})

const home = path.resolve(values.data)
const cut = path.join(home, 'cut.py')
const score = path.join(home, 'score_real.py')
if (!existsSync(cut) || !existsSync(score) || !existsSync(path.join(home, 'data'))) {
  console.log(`eval:real: no real MT dev set at ${home} (it needs cut.py, score_real.py and data/).
It is kept outside the project, beside it, as ../shared/real-mt (or give --data DIR, or MTCLEAN_REAL_MT):
  - data/: WMT21 newstest2021 zh-en, the Chinese source, the professional translation ref.A and the outputs of
    8 systems (newstest2021.zh-en.*, xz-compressed), from the WMT21 news task: txt/sources, txt/references
    and txt/system-outputs of https://github.com/wmt-conference/wmt21-news-systems (Akhbardeh et al.,
    "Findings of the 2021 Conference on Machine Translation", WMT 2021);
  - cut.py and score_real.py: the project's scorer for it; ask the maintainers for ../shared/real-mt.
Nothing was measured.`)
  process.exit(0)
}

const python = process.env.PYTHON ?? 'python3'
const run = (args) => spawnSync(python, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
const temp = mkdtempSync(path.join(os.tmpdir(), 'mtclean-real-'))
const corpus = path.join(temp, 'real')
const work = path.resolve(values.work ?? path.join(temp, 'work'))

const cutting = spawnSync(python, [cut, path.join(home, 'data'), corpus], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
if (cutting.error) {
  console.log(`eval:real: cannot run ${python} (${cutting.error.message}); score_real.py needs Python 3. Nothing was measured.`)
  process.exit(0)
}
if (cutting.status !== 0) process.exit(cutting.status ?? 1)

const passOn = tokens
  .filter((token) => token.kind === 'option' && ['json', 'suggest', 'list'].includes(token.name))
  .flatMap((token) => [`--${token.name}`, ...(token.value === undefined ? [] : [token.value])])
const scoring = run([
  score,
  corpus,
  '--cmd',
  `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'bin/mtclean.js'))}`,
  '--work',
  work,
  ...passOn,
])
if (!values.json) console.log(`eval:real: every item (each false alarm, each miss) is in ${path.join(work, 'items.txt')}`)
process.exit(scoring.status ?? 1)
