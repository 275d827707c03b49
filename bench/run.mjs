#!/usr/bin/env node
// npm run bench [-- --files 2000 --reps 3 --growth-files 500]
// Times mtclean clean and check beside GNU sed -E (the floor: the same substitutions, one concatenated
// stream) and textlint + textlint-rule-prh (a peer), on a deterministic corpus built from the seeds'
// paragraphs, and the cost of growing the rule set. Prints a table and writes bench/results.json.
// Figures drift on a shared machine: the ratios, measured in the same run, are what to compare.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import YAML from 'yaml'
import { prhRules } from './prh-rules.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const BIN = path.join(ROOT, 'bin/mtclean.js')
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    reps: { type: 'string', default: '3' },
    'growth-files': { type: 'string', default: '500' },
  },
})
const FILES = Number(values.files)
const REPS = Number(values.reps)
const WORK = path.join(ROOT, 'bench/.work')

const { loadRuleSet } = await import(path.join(ROOT, 'dist/rules/load.js'))

/** A deterministic corpus: files of 10–20 paragraphs drawn from the seeds by a fixed LCG. */
function makeCorpus(dir, files) {
  if (existsSync(path.join(dir, '.done'))) return
  rmSync(dir, { recursive: true, force: true })
  const seeds = readdirSync(path.join(ROOT, 'seeds')).map((name) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8'))
  const paragraphs = seeds.flatMap((text) => text.split(/\n+/).filter((line) => line.trim()))
  let state = 20261122
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
  for (let index = 0; index < files; index++) {
    const folder = path.join(dir, String(index % 50).padStart(2, '0'))
    mkdirSync(folder, { recursive: true })
    const count = 10 + Math.floor(random() * 11)
    const text = Array.from({ length: count }, () => paragraphs[Math.floor(random() * paragraphs.length)]).join('\n\n')
    writeFileSync(path.join(folder, `article-${index}.txt`), `${text}\n`)
  }
  writeFileSync(path.join(dir, '.done'), '')
}

const sizeOf = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.txt'))
    .reduce((sum, name) => sum + readFileSync(path.join(dir, name)).length, 0)

// This disk (ext4 mounted with `discard`) stalls file creation for a minute or two after many files are
// deleted: creating 2,000 files took 0.05 s, and 1.7 s within 10 s (1.3 s within 40 s) of deleting 4,000.
// So no timed run follows a deletion: each run writes into a new folder under RUNS, and what earlier
// benches left there is moved aside at the start and deleted at the end, after the last timing.
const RUNS = path.join(WORK, 'runs')
const TRASH = path.join(WORK, `trash-${process.pid}`)
let runsMade = 0
/** A folder no run has used yet. */
const freshFolder = (name) => path.join(RUNS, `${name}-${++runsMade}`)

/**
 * Wall time (s) and peak RSS (MB) of a command, by GNU time; the median of `reps` runs. `args` may be a
 * function, called before each run (for a fresh output folder each time).
 */
function measure(command, args, options = {}) {
  const runs = []
  for (let rep = 0; rep < (options.reps ?? REPS); rep++) {
    options.before?.()
    const argv = typeof args === 'function' ? args() : args
    // Written files reach the disk before the clock starts, not during the next run.
    spawnSync('sync')
    spawnSync('sleep', ['1'])
    const result = spawnSync('/usr/bin/time', ['-f', '@@ %e %M', command, ...argv], { cwd: options.cwd ?? WORK, encoding: 'utf8', maxBuffer: 1 << 30 })
    const line = result.stderr.split('\n').reverse().find((each) => each.startsWith('@@ '))
    if (!line) throw new Error(`${command} ${argv.join(' ')} failed:\n${result.stderr.slice(-2000)}`)
    const [, seconds, kilobytes] = line.split(' ')
    // GNU time says so when the command failed: a crashed run's time means nothing.
    const status = result.stderr.split('\n').find((each) => /^Command (exited with non-zero status|terminated by signal)/.test(each))
    // A tool may exit with its "problems found" status after a crash too (textlint: EMFILE, exit 1).
    const crash = options.failsOn && result.stderr.split('\n').find((each) => options.failsOn.test(each))
    const failed = crash || (options.okStatus?.test(status ?? '') ? undefined : status)
    runs.push({ seconds: Number(seconds), rssMb: Number(kilobytes) / 1024, failed })
  }
  runs.sort((a, b) => a.seconds - b.seconds)
  return runs[Math.floor(runs.length / 2)]
}

const sedEscape = (text) => text.replace(/[\\/.*+?()[\]{}|^$]/g, '\\$&').split(/\s+/).join('[[:space:]]+')
// The spacing patterns in sed's ERE (no lookarounds there: the context is captured and put back).
const SED_PATTERNS = {
  'hyphen-space': 's/([[:alpha:]]) +-([[:alpha:]])/\\1-\\2/g',
  'period-space': 's/([[:alpha:]][[:lower:]])\\.([[:upper:]][[:lower:]])/\\1. \\2/g',
  'apostrophe-space': "s/([[:alpha:]]) +(’s)/\\1\\2/g",
  'comma-space': 's/([[:alnum:])]) +([,;])/\\1\\2/g',
  'essence-artifact': 's/([.!?])Essence$/\\1/',
  'stray-xi': 's/(security|stability) +Xi([.,;])/\\1\\2/g',
}

function sedScript(rules) {
  const lines = []
  for (const rule of rules) {
    if (rule.kind === 'entity') {
      for (const variant of rule.variants) lines.push(`s/(^|[^[:alnum:]_])${sedEscape(variant.text)}([^[:alnum:]_]|$)/\\1${rule.canonical.replace(/[\\/&]/g, '\\$&')}\\2/g`)
    } else if (SED_PATTERNS[rule.id]) lines.push(SED_PATTERNS[rule.id])
  }
  return `${lines.join('\n')}\n`
}

function syntheticRules(count) {
  const names = Array.from({ length: count }, (_, index) => `  - {id: synthetic-${index}, canonical: Canon${index}a, category: person, variants: [Garble${index}x, Multi ${index} Word]}`)
  return `entities:\n${names.join('\n')}\n`
}

mkdirSync(WORK, { recursive: true })
// Outputs of earlier benches (and of the layout before RUNS) are moved aside now, deleted at the end.
mkdirSync(TRASH)
for (const name of ['runs', 'out', 'out-growth', 'out-subset', 'textlint-corpus']) {
  if (existsSync(path.join(WORK, name))) renameSync(path.join(WORK, name), path.join(TRASH, name))
}
mkdirSync(RUNS)
const corpus = path.join(WORK, `corpus-${FILES}`)
makeCorpus(corpus, FILES)
const megabytes = sizeOf(corpus) / 1e6
const rules = loadRuleSet([path.join(ROOT, 'rules')]).rules
let out // the last `mtclean clean` output, compared with textlint's below
const cleanInto = (extra) => () => [BIN, 'clean', corpus, '--out', (out = freshFolder('clean')), ...extra, '--rules', path.join(ROOT, 'rules')]
const results = { corpus: { files: FILES, megabytes: Number(megabytes.toFixed(2)) }, runs: {} }
const record = (name, run, mb = megabytes, files = FILES) => {
  results.runs[name] = { seconds: run.seconds, mbPerSecond: Number((mb / run.seconds).toFixed(2)), filesPerSecond: Math.round(files / run.seconds), peakRssMb: Math.round(run.rssMb) }
  if (run.failed) results.runs[name].failed = run.failed
  const row = results.runs[name]
  console.log(`${name.padEnd(28)} ${String(row.seconds).padStart(7)} s ${String(row.mbPerSecond).padStart(8)} MB/s ${String(row.filesPerSecond).padStart(7)} files/s ${String(row.peakRssMb).padStart(6)} MB RSS${row.failed ? `  FAILED: ${row.failed}` : ''}`)
}

console.log(`corpus: ${FILES} files, ${megabytes.toFixed(1)} MB; median of ${REPS} run(s)\n`)
record('mtclean clean', measure(process.execPath, cleanInto([])))
const cleaned = out
record('mtclean clean --check', measure(process.execPath, cleanInto(['--check'])))
record('mtclean check', measure(process.execPath, [BIN, 'check', corpus, '--rules', path.join(ROOT, 'rules'), '--format', 'json'], { okStatus: /status 1$/ }))
writeFileSync(path.join(WORK, 'rules.sed'), sedScript(rules))
record('sed -E (one stream)', measure('sh', ['-c', `find '${corpus}' -name '*.txt' -print0 | xargs -0 cat | sed -E -f '${path.join(WORK, 'rules.sed')}' > /dev/null`]))

// textlint + prh with --fix, on the same corpus, in a copy it may rewrite. (A pattern that can match the
// empty string makes prh loop until the heap runs out: none of the shipped patterns can.)
const textlintDir = path.join(WORK, 'textlint')
let textlintCopy // the copy of the corpus the last textlint run fixed
mkdirSync(textlintDir, { recursive: true })
// The prh rules (bench/prh-rules.mjs): literals where prh takes them, mtclean's own regex sources for
// hyphens and context; a pattern that would match the empty string in these texts gets a rewrite.
const corpusTexts = readdirSync(corpus, { recursive: true }).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(path.join(corpus, name), 'utf8'))
const prh = prhRules(rules, corpusTexts.flatMap((text) => [text, ...text.split(/\r?\n/)]))
writeFileSync(path.join(textlintDir, 'prh.yml'), YAML.stringify(prh.document, { lineWidth: 0 }))
for (const note of prh.notes) console.log(`  prh: ${note}`)
results.textlintPrhNotes = prh.notes
writeFileSync(path.join(textlintDir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [path.join(textlintDir, 'prh.yml')] } } }))
const textlint = path.join(ROOT, 'node_modules/textlint/bin/textlint.js')
const freshCopy = () => {
  textlintCopy = freshFolder('textlint')
  cpSync(corpus, textlintCopy, { recursive: true })
}
// Run from the project root, where textlint finds textlint-rule-prh. textlint opens every file it is given
// at once: 20,000 files exceed this machine's limit of open files (EMFILE, and exit 1 as for a finding),
// so it gets at most TEXTLINT_FILES files per invocation, as a user would do (xargs exits 123 when an
// invocation exits 1). On the default corpus that is one invocation.
const TEXTLINT_FILES = 5000
const textlintCommand = () => `find '${textlintCopy}' -name '*.txt' -print0 | xargs -0 -n ${TEXTLINT_FILES} '${process.execPath}' '${textlint}' --config '${path.join(textlintDir, '.textlintrc.json')}' --fix`
record('textlint + prh --fix', measure('sh', () => ['-c', textlintCommand()], { cwd: ROOT, before: freshCopy, okStatus: /status (1|123)$/, failsOn: /Error: / }))
// Whether the two did the same job: files that textlint left exactly as mtclean's cleaned copy.
const corpusFiles = readdirSync(corpus, { recursive: true }).filter((name) => name.endsWith('.txt'))
const agree = corpusFiles.filter((name) => readFileSync(path.join(textlintCopy, name)).equals(readFileSync(path.join(cleaned, name)))).length
results.textlintAgreesWithMtclean = { files: agree, of: corpusFiles.length }
console.log(`  textlint's output equals mtclean's cleaned copy for ${agree} of ${corpusFiles.length} files `)

// Growth of the rule set: the project's rules plus N synthetic entities, on a part of the corpus.
const growthFiles = Number(values['growth-files'])
const growthCorpus = path.join(WORK, `corpus-${growthFiles}`)
makeCorpus(growthCorpus, growthFiles)
const growthMb = sizeOf(growthCorpus) / 1e6
for (const count of [100, 1000, 10000]) {
  const dir = path.join(WORK, `rules-${count}`)
  rmSync(dir, { recursive: true, force: true })
  cpSync(path.join(ROOT, 'rules'), dir, { recursive: true })
  writeFileSync(path.join(dir, 'synthetic.yaml'), syntheticRules(count))
  record(`clean, ${count} extra entities`, measure(process.execPath, () => [BIN, 'clean', growthCorpus, '--out', freshFolder('growth'), '--rules', dir]), growthMb, growthFiles)
}

const ratio = (a, b) => Number((results.runs[a].mbPerSecond / results.runs[b].mbPerSecond).toFixed(2))
results.ratios = {
  'clean / sed (MB/s)': ratio('mtclean clean', 'sed -E (one stream)'),
  'clean / textlint (MB/s)': ratio('mtclean clean', 'textlint + prh --fix'),
  'time 10000 / 100 entities': Number((results.runs['clean, 10000 extra entities'].seconds / results.runs['clean, 100 extra entities'].seconds).toFixed(2)),
}
console.log('')
for (const [name, value] of Object.entries(results.ratios)) console.log(`${name.padEnd(40)} ${value}`)
// The default corpus writes bench/results.json; another size its own file beside it.
const resultsFile = `bench/results${values.files === '2000' ? '' : `-${FILES}`}.json`
writeFileSync(path.join(ROOT, resultsFile), `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nwritten: ${resultsFile}`)
// The deletions come last: see RUNS.
rmSync(RUNS, { recursive: true, force: true })
rmSync(TRASH, { recursive: true, force: true })
