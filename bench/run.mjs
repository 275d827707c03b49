#!/usr/bin/env node
// npm run bench [-- --files 2000 --reps 5 --growth-files 500 --rss-files 20000 --quick]
// mtclean measured like for like (issue 17), in one run: each job beside the tool that does the same job,
// the two commands in turn, medians of `reps`, and the ratio of the two (above 1: mtclean is faster).
//   stream     `mtclean clean -` against `sed -E -f rules.sed`, one concatenated corpus in, one text out;
//   folder     `mtclean clean DIR --out OUT` (its default outputs) against `cp -r` + `find -exec sed -E -i`;
//   views      the same with every view (`--report md,html`), when `clean` has the option;
//   textlint   textlint + textlint-rule-prh `--fix` on a copy, and whether it wrote what mtclean wrote;
//   check      MB/s; the rule set grown by 100 → 10,000 entities; peak RSS of clean, clean --check and check
//              on `rss-files` files; and the stream and folder jobs on the real MT of ../shared/real-mt.
// Corpora and outputs go to /dev/shm (memory: no disk in the figures). Prints a table, writes bench/results.json.
// Figures drift on a shared machine: compare the ratios, each measured from commands run in turn.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import YAML from 'yaml'
import { prhRules } from './prh-rules.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const BIN = path.join(ROOT, 'bin/mtclean.js')
const RULES = path.join(ROOT, 'rules')
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    reps: { type: 'string' },
    'growth-files': { type: 'string', default: '500' },
    'rss-files': { type: 'string' },
    'real-mt': { type: 'string', default: process.env.MTCLEAN_REAL_MT ?? path.resolve(ROOT, '../shared/real-mt') },
    quick: { type: 'boolean', default: false },
  },
})
const QUICK = values.quick
const FILES = Number(values.files)
const REPS = Number(values.reps ?? (QUICK ? 1 : 5))
const RSS_FILES = Number(values['rss-files'] ?? (QUICK ? 0 : 20000))

// mtclean runs from inside the project (bench/.work), where it finds its cache of validated rules, as it
// does in a user's project; everything it reads and writes is in SCRATCH.
const WORK = path.join(ROOT, 'bench/.work')
mkdirSync(WORK, { recursive: true })
const SCRATCH = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : WORK, 'mtclean-bench-'))
let runsMade = 0
/** A folder no run has used yet (no run pays for deleting an earlier one's output). */
const freshFolder = (name) => path.join(SCRATCH, 'runs', `${name}-${++runsMade}`)
mkdirSync(path.join(SCRATCH, 'runs'))

const { loadRuleSet } = await import(path.join(ROOT, 'dist/rules/load.js'))

/** A deterministic corpus: files of 10–20 paragraphs drawn from the seeds by a fixed LCG. */
function makeCorpus(dir, files) {
  const seeds = readdirSync(path.join(ROOT, 'seeds')).map((name) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8'))
  const paragraphs = seeds.flatMap((text) => text.split(/\n+/).filter((line) => line.trim()))
  let state = 20261122
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  for (let index = 0; index < files; index++) {
    const folder = path.join(dir, String(index % 50).padStart(2, '0'))
    mkdirSync(folder, { recursive: true })
    const count = 10 + Math.floor(random() * 11)
    const text = Array.from({ length: count }, () => paragraphs[Math.floor(random() * paragraphs.length)]).join('\n\n')
    writeFileSync(path.join(folder, `article-${index}.txt`), `${text}\n`)
  }
}

/** The corpus's text files, in one fixed order. */
const textFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.txt'))
    .sort()
const sizeOf = (dir) => textFiles(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0)
/** The corpus as one text: what the stream jobs read. */
function concatenate(dir, file) {
  writeFileSync(file, Buffer.concat(textFiles(dir).map((name) => readFileSync(path.join(dir, name)))))
  return file
}

/** Wall time (s) and peak RSS (MB) of one run, by GNU time. */
function runOnce(command, args, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '@@ %e %M', command, ...args], { cwd: options.cwd ?? WORK, encoding: 'utf8', maxBuffer: 1 << 30 })
  const lines = result.stderr.split('\n')
  const line = lines.reverse().find((each) => each.startsWith('@@ '))
  if (!line) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`)
  const [, seconds, kilobytes] = line.split(' ')
  // GNU time says so when the command failed: a crashed run's time means nothing.
  const status = lines.find((each) => /^Command (exited with non-zero status|terminated by signal)/.test(each))
  // A tool may exit with its "problems found" status after a crash too (textlint: EMFILE, exit 1).
  const crash = options.failsOn && lines.find((each) => options.failsOn.test(each))
  const failed = crash || (options.okStatus?.test(status ?? '') ? undefined : status)
  return { seconds: Number(seconds), rssMb: Number(kilobytes) / 1024, failed }
}

const median = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]

/**
 * Several commands measured in turn, `reps` rounds: in each round every command runs once, so that a busy
 * spell of the machine falls on all of them. Each job is `{ command, args, options }`; `args` may be a
 * function, called before each run (a fresh output folder), as may `options.before`.
 */
function measureInTurn(jobs, reps = REPS) {
  const runs = jobs.map(() => [])
  for (let rep = 0; rep < reps; rep++) {
    jobs.forEach((job, index) => {
      job.options?.before?.()
      runs[index].push(runOnce(job.command, typeof job.args === 'function' ? job.args() : job.args, job.options))
    })
  }
  return runs.map(median)
}

const sedEscape = (text) =>
  text
    .replace(/[\\/.*+?()[\]{}|^$]/g, '\\$&')
    .split(/\s+/)
    .join('[[:space:]]+')
// The spacing patterns in sed's ERE (no lookarounds there: the context is captured and put back).
const SED_PATTERNS = {
  'hyphen-space': 's/([[:alpha:]]) +-([[:alpha:]])/\\1-\\2/g',
  'period-space': 's/([[:alpha:]][[:lower:]])\\.([[:upper:]][[:lower:]])/\\1. \\2/g',
  'apostrophe-space': 's/([[:alpha:]]) +(’s)/\\1\\2/g',
  'comma-space': 's/([[:alnum:])]) +([,;])/\\1\\2/g',
  'essence-artifact': 's/([.!?])Essence$/\\1/',
  'stray-xi': 's/(security|stability) +Xi([.,;])/\\1\\2/g',
}

/** The same substitutions as a sed script: every variant as a literal between non-word characters, and the patterns above. */
function sedScript(rules) {
  const lines = []
  for (const rule of rules) {
    if (rule.kind === 'entity') {
      for (const variant of rule.variants)
        lines.push(`s/(^|[^[:alnum:]_])${sedEscape(variant.text)}([^[:alnum:]_]|$)/\\1${rule.canonical.replace(/[\\/&]/g, '\\$&')}\\2/g`)
    } else if (SED_PATTERNS[rule.id]) lines.push(SED_PATTERNS[rule.id])
  }
  return `${lines.join('\n')}\n`
}

function syntheticRules(count) {
  const names = Array.from(
    { length: count },
    (_, index) => `  - {id: synthetic-${index}, canonical: Canon${index}a, category: person, variants: [Garble${index}x, Multi ${index} Word]}`,
  )
  return `entities:\n${names.join('\n')}\n`
}

const os = await import('node:os')
const results = {
  machine: { cores: os.availableParallelism(), node: process.version, loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(1))) },
  reps: REPS,
  corpus: {},
  runs: {},
  ratios: {},
  notes: [],
}
const note = (text) => {
  results.notes.push(text)
  console.log(`  note: ${text}`)
}
/** Records a run under `name`, for `megabytes` and `files` of text, and prints its row. */
function record(name, run, megabytes, files) {
  const row = {
    seconds: run.seconds,
    mbPerSecond: Number((megabytes / run.seconds).toFixed(2)),
    filesPerSecond: files ? Math.round(files / run.seconds) : undefined,
    peakRssMb: Math.round(run.rssMb),
  }
  if (run.failed) row.failed = run.failed
  results.runs[name] = row
  console.log(
    `${name.padEnd(44)} ${String(row.seconds).padStart(7)} s ${String(row.mbPerSecond).padStart(8)} MB/s ${String(row.peakRssMb).padStart(6)} MB RSS${row.failed ? `  FAILED: ${row.failed}` : ''}`,
  )
}
/** The ratio of two recorded runs' times, `peer` over `ours`: how many times faster mtclean was. */
function ratio(label, ours, peer, target) {
  const value = Number((results.runs[peer].seconds / results.runs[ours].seconds).toFixed(2))
  results.ratios[label] = target === undefined ? value : { value, target }
  console.log(`${`  → ${label}`.padEnd(58)} ${String(value).padStart(6)}×${target ? `  (target ${target})` : ''}`)
  return value
}

// `clean --report md,html` once the views are optional (issue 17 item 1); until then `clean` writes them all.
const cleanHelp = spawnSync(process.execPath, [BIN, 'clean', '--help'], { encoding: 'utf8' }).stdout
const HAS_REPORT_OPTION = /--report\b/.test(cleanHelp)
const rulesSed = path.join(SCRATCH, 'rules.sed')
const rules = loadRuleSet([RULES]).rules
writeFileSync(rulesSed, sedScript(rules))
// One run first, untimed: a rule set is validated (and its patterns judged) once, then kept in the cache,
// as it is in a user's project after the first run.
runOnce('sh', ['-c', `echo | '${process.execPath}' '${BIN}' clean - --rules '${RULES}'`])

/** Streams and folders of one corpus, each beside sed. */
function streamAndFolder(label, corpus, megabytes, files) {
  const allText = concatenate(corpus, path.join(SCRATCH, `${label}-all.txt`))
  const streamOut = path.join(SCRATCH, `${label}-stream.out`)
  const [ours, sed] = measureInTurn([
    { command: 'sh', args: ['-c', `'${process.execPath}' '${BIN}' clean - --rules '${RULES}' < '${allText}' > '${streamOut}'`] },
    { command: 'sh', args: ['-c', `sed -E -f '${rulesSed}' < '${allText}' > '${path.join(SCRATCH, `${label}-sed.out`)}'`] },
  ])
  record(`${label}: mtclean clean - (one stream)`, ours, megabytes)
  record(`${label}: sed -E -f (one stream)`, sed, megabytes)
  ratio(
    `${label}: stream, sed time / clean - time`,
    `${label}: mtclean clean - (one stream)`,
    `${label}: sed -E -f (one stream)`,
    label === 'corpus' ? '≥ 2 (aim 3)' : undefined,
  )

  let out
  const folderJobs = [
    { command: process.execPath, args: () => [BIN, 'clean', corpus, '--out', (out = freshFolder(`${label}-clean`)), '--rules', RULES, '--quiet'] },
    {
      command: 'sh',
      args: () => {
        const copy = freshFolder(`${label}-sed`)
        return ['-c', `cp -r '${corpus}' '${copy}' && find '${copy}' -name '*.txt' -exec sed -E -i -f '${rulesSed}' {} +`]
      },
    },
  ]
  const [clean, cpSed] = measureInTurn(folderJobs)
  record(`${label}: mtclean clean DIR (${HAS_REPORT_OPTION ? 'default outputs' : 'copies, diff, all reports'})`, clean, megabytes, files)
  record(`${label}: cp -r + find -exec sed -E -i`, cpSed, megabytes, files)
  ratio(
    `${label}: folder, cp+sed time / clean time`,
    `${label}: mtclean clean DIR (${HAS_REPORT_OPTION ? 'default outputs' : 'copies, diff, all reports'})`,
    `${label}: cp -r + find -exec sed -E -i`,
    label === 'corpus' ? '≥ 1.0 (aim 1.5)' : undefined,
  )
  // The stream and the folder run did the same job: the stream's output is the copies, one after the other.
  const copies = Buffer.concat(textFiles(corpus).map((name) => readFileSync(path.join(out, name))))
  results.corpus[label].streamEqualsCopies = readFileSync(streamOut).equals(copies)
  console.log(`  clean -'s output ${results.corpus[label].streamEqualsCopies ? 'equals' : 'DIFFERS from'} the folder run's copies, concatenated`)

  if (HAS_REPORT_OPTION) {
    const [views, cpSedAgain] = measureInTurn([{ ...folderJobs[0], args: () => [...folderJobs[0].args(), '--report', 'md,html'] }, folderJobs[1]])
    record(`${label}: mtclean clean DIR --report md,html`, views, megabytes, files)
    record(`${label}: cp -r + find -exec sed -E -i (again)`, cpSedAgain, megabytes, files)
    ratio(
      `${label}: every view, cp+sed time / clean time`,
      `${label}: mtclean clean DIR --report md,html`,
      `${label}: cp -r + find -exec sed -E -i (again)`,
      label === 'corpus' ? '≥ 0.7' : undefined,
    )
  }
  return out
}

console.log(`mtclean bench: median of ${REPS} run(s), commands in turn; scratch ${SCRATCH}\n`)
if (!HAS_REPORT_OPTION) note('`clean` has no --report option yet: it writes every report, so the folder row is the one with every view')

// 1. The seeds corpus: stream, folder, views.
const corpus = path.join(SCRATCH, `corpus-${FILES}`)
makeCorpus(corpus, FILES)
const megabytes = sizeOf(corpus) / 1e6
results.corpus.corpus = { files: FILES, megabytes: Number(megabytes.toFixed(2)) }
console.log(`corpus: ${FILES} files, ${megabytes.toFixed(1)} MB (files of seed paragraphs)`)
const cleaned = streamAndFolder('corpus', corpus, megabytes, FILES)

// 2. textlint + prh --fix, on a copy it may rewrite, and whether it wrote what mtclean wrote. (A pattern
// that can match the empty string makes prh loop until the heap runs out: none of the shipped patterns can.)
const textlintDir = path.join(SCRATCH, 'textlint')
mkdirSync(textlintDir)
const corpusTexts = textFiles(corpus).map((name) => readFileSync(path.join(corpus, name), 'utf8'))
const prh = prhRules(
  rules,
  corpusTexts.flatMap((text) => [text, ...text.split(/\r?\n/)]),
)
writeFileSync(path.join(textlintDir, 'prh.yml'), YAML.stringify(prh.document, { lineWidth: 0 }))
for (const each of prh.notes) console.log(`  prh: ${each}`)
results.textlintPrhNotes = prh.notes
writeFileSync(path.join(textlintDir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [path.join(textlintDir, 'prh.yml')] } } }))
const textlint = path.join(ROOT, 'node_modules/textlint/bin/textlint.js')
let textlintCopy
const freshCopy = () => {
  textlintCopy = freshFolder('textlint')
  cpSync(corpus, textlintCopy, { recursive: true })
}
let cleanedForTextlint
// Run from the project root, where textlint finds textlint-rule-prh. textlint opens every file it is given
// at once: more than this machine's limit of open files fail (EMFILE, and exit 1 as for a finding), so
// it gets at most 5,000 files per invocation (xargs exits 123 when an invocation exits 1).
const [cleanAgain, textlintRun] = measureInTurn([
  { command: process.execPath, args: () => [BIN, 'clean', corpus, '--out', (cleanedForTextlint = freshFolder('clean')), '--rules', RULES, '--quiet'] },
  {
    command: 'sh',
    args: () => [
      '-c',
      `find '${textlintCopy}' -name '*.txt' -print0 | xargs -0 -n 5000 '${process.execPath}' '${textlint}' --config '${path.join(textlintDir, '.textlintrc.json')}' --fix`,
    ],
    options: { cwd: ROOT, before: freshCopy, okStatus: /status (1|123)$/, failsOn: /Error: / },
  },
])
record('corpus: mtclean clean DIR (beside textlint)', cleanAgain, megabytes, FILES)
record('corpus: textlint + prh --fix', textlintRun, megabytes, FILES)
ratio('textlint time / clean time', 'corpus: mtclean clean DIR (beside textlint)', 'corpus: textlint + prh --fix', '≥ 10')
const agree = textFiles(corpus).filter((name) =>
  readFileSync(path.join(textlintCopy, name)).equals(readFileSync(path.join(cleanedForTextlint ?? cleaned, name))),
).length
results.textlintAgreesWithMtclean = { files: agree, of: FILES }
console.log(`  textlint's output equals mtclean's cleaned copy for ${agree} of ${FILES} files`)

// 3. check, MB/s.
const [check] = measureInTurn([
  { command: process.execPath, args: [BIN, 'check', corpus, '--rules', RULES, '--format', 'json'], options: { okStatus: /status 1$/ } },
])
record('corpus: mtclean check --format json', check, megabytes, FILES)

// 4. Growth of the rule set: the project's rules plus N synthetic entities, on a part of the corpus.
const growthFiles = Number(values['growth-files'])
const growthCorpus = path.join(SCRATCH, `corpus-${growthFiles}`)
makeCorpus(growthCorpus, growthFiles)
const growthMb = sizeOf(growthCorpus) / 1e6
const growthJobs = [100, 1000, 10000].map((count) => {
  const dir = path.join(SCRATCH, `rules-${count}`)
  cpSync(RULES, dir, { recursive: true })
  writeFileSync(path.join(dir, 'synthetic.yaml'), syntheticRules(count))
  // One run first, untimed: a new rule set is validated once and then kept in the cache.
  runOnce(process.execPath, [BIN, 'clean', growthCorpus, '--out', freshFolder('growth'), '--rules', dir, '--quiet'])
  return { command: process.execPath, args: () => [BIN, 'clean', growthCorpus, '--out', freshFolder('growth'), '--rules', dir, '--quiet'] }
})
const growth = measureInTurn(growthJobs)
;[100, 1000, 10000].forEach((count, index) => {
  record(`clean ${growthFiles} files, ${count} extra entities`, growth[index], growthMb, growthFiles)
})
const growthRatio = Number((growth[2].seconds / growth[0].seconds).toFixed(2))
results.ratios['time 10,000 / 100 entities'] = { value: growthRatio, target: '≤ 1.3' }
console.log(`${'  → time 10,000 / 100 entities'.padEnd(58)} ${String(growthRatio).padStart(6)}   (target ≤ 1.3)`)

// 5. Memory and check's speed on many files (one run each: they take a minute).
if (RSS_FILES > 0) {
  const big = path.join(SCRATCH, `corpus-${RSS_FILES}`)
  makeCorpus(big, RSS_FILES)
  const bigMb = sizeOf(big) / 1e6
  results.corpus.many = { files: RSS_FILES, megabytes: Number(bigMb.toFixed(2)) }
  console.log(`\nmany files: ${RSS_FILES} files, ${bigMb.toFixed(1)} MB (one run each)`)
  const [clean, cleanCheck, checkMany] = measureInTurn(
    [
      { command: process.execPath, args: () => [BIN, 'clean', big, '--out', freshFolder('many'), '--rules', RULES, '--quiet'] },
      { command: process.execPath, args: () => [BIN, 'clean', big, '--out', freshFolder('many-check'), '--rules', RULES, '--check', '--quiet'] },
      { command: process.execPath, args: [BIN, 'check', big, '--rules', RULES, '--format', 'json'], options: { okStatus: /status 1$/ } },
    ],
    1,
  )
  record(`many: mtclean clean (${RSS_FILES} files)`, clean, bigMb, RSS_FILES)
  record(`many: mtclean clean --check (${RSS_FILES} files)`, cleanCheck, bigMb, RSS_FILES)
  record(`many: mtclean check (${RSS_FILES} files)`, checkMany, bigMb, RSS_FILES)
  results.targets = {
    'clean peak RSS < 300 MB': results.runs[`many: mtclean clean (${RSS_FILES} files)`].peakRssMb,
    'clean --check peak RSS < 400 MB': results.runs[`many: mtclean clean --check (${RSS_FILES} files)`].peakRssMb,
    'check ≥ 5 MB/s': results.runs[`many: mtclean check (${RSS_FILES} files)`].mbPerSecond,
  }
  rmSync(big, { recursive: true, force: true })
} else note('many files skipped (--rss-files 0 or --quick)')

// 6. Real machine translation (WMT21 zh-en, ../shared/real-mt), cut into articles as its README says.
const realData = path.join(values['real-mt'], 'data')
const cut = path.join(values['real-mt'], 'cut.py')
if (existsSync(realData) && existsSync(cut)) {
  const real = path.join(SCRATCH, 'real-mt')
  const made = spawnSync('python3', [cut, realData, real], { encoding: 'utf8' })
  if (made.status !== 0) note(`real-mt skipped: cut.py failed (${made.stderr.trim().split('\n').pop()})`)
  else {
    const realMb = sizeOf(real) / 1e6
    const realFiles = textFiles(real).length
    results.corpus['real-mt'] = { files: realFiles, megabytes: Number(realMb.toFixed(2)), systems: readdirSync(real).length }
    console.log(`\nreal-mt: ${realFiles} files, ${realMb.toFixed(1)} MB (${readdirSync(real).length} translations of WMT21 zh-en, 25 lines a file)`)
    streamAndFolder('real-mt', real, realMb, realFiles)
  }
} else note(`real-mt skipped: no ${path.relative(ROOT, realData)} (give --real-mt DIR)`)

const resultsFile = `bench/results${values.files === '2000' && !QUICK ? '' : `-${QUICK ? 'quick' : FILES}`}.json`
results.machine.loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(1)))
writeFileSync(path.join(ROOT, resultsFile), `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nwritten: ${resultsFile}`)
rmSync(SCRATCH, { recursive: true, force: true })
