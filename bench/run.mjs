#!/usr/bin/env node
// npm run bench [-- --files 2000 --reps 3 --growth-files 500]
// Times mtclean clean and check beside GNU sed -E (the floor: the same substitutions, one concatenated
// stream) and textlint + textlint-rule-prh (a peer), on a deterministic corpus built from the seeds'
// paragraphs, and the cost of growing the rule set. Prints a table and writes bench/results.json.
// Figures drift on a shared machine: the ratios, measured in the same run, are what to compare.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

/** Wall time (s) and peak RSS (MB) of a command, by GNU time; the median of `reps` runs. */
function measure(command, args, options = {}) {
  const runs = []
  for (let rep = 0; rep < (options.reps ?? REPS); rep++) {
    options.before?.()
    // This disk is mounted with `discard`: deleting the last run's output slows the next run's file
    // creation for a while (measured: 2,000 files created in 0.1 s after a sync, 0.9 s right after rm).
    // Flush it before timing.
    spawnSync('sync')
    spawnSync('sleep', ['1'])
    const result = spawnSync('/usr/bin/time', ['-f', '@@ %e %M', command, ...args], { cwd: options.cwd ?? WORK, encoding: 'utf8', maxBuffer: 1 << 30 })
    const line = result.stderr.split('\n').reverse().find((each) => each.startsWith('@@ '))
    if (!line) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`)
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
const corpus = path.join(WORK, `corpus-${FILES}`)
makeCorpus(corpus, FILES)
const megabytes = sizeOf(corpus) / 1e6
const rules = loadRuleSet([path.join(ROOT, 'rules')]).rules
const out = path.join(WORK, 'out')
const results = { corpus: { files: FILES, megabytes: Number(megabytes.toFixed(2)) }, runs: {} }
const record = (name, run, mb = megabytes, files = FILES) => {
  results.runs[name] = { seconds: run.seconds, mbPerSecond: Number((mb / run.seconds).toFixed(2)), filesPerSecond: Math.round(files / run.seconds), peakRssMb: Math.round(run.rssMb) }
  if (run.failed) results.runs[name].failed = run.failed
  const row = results.runs[name]
  console.log(`${name.padEnd(28)} ${String(row.seconds).padStart(7)} s ${String(row.mbPerSecond).padStart(8)} MB/s ${String(row.filesPerSecond).padStart(7)} files/s ${String(row.peakRssMb).padStart(6)} MB RSS${row.failed ? `  FAILED: ${row.failed}` : ''}`)
}

console.log(`corpus: ${FILES} files, ${megabytes.toFixed(1)} MB; median of ${REPS} run(s)\n`)
record('mtclean clean', measure(process.execPath, [BIN, 'clean', corpus, '--out', out, '--rules', path.join(ROOT, 'rules')], { before: () => rmSync(out, { recursive: true, force: true }) }))
record('mtclean clean --check', measure(process.execPath, [BIN, 'clean', corpus, '--out', out, '--check', '--rules', path.join(ROOT, 'rules')], { before: () => rmSync(out, { recursive: true, force: true }) }))
record('mtclean check', measure(process.execPath, [BIN, 'check', corpus, '--rules', path.join(ROOT, 'rules'), '--format', 'json'], { okStatus: /status 1$/ }))
writeFileSync(path.join(WORK, 'rules.sed'), sedScript(rules))
record('sed -E (one stream)', measure('sh', ['-c', `find '${corpus}' -name '*.txt' -print0 | xargs -0 cat | sed -E -f '${path.join(WORK, 'rules.sed')}' > /dev/null`]))

// textlint + prh with --fix, on the same corpus, in a copy it may rewrite. (A pattern that can match the
// empty string makes prh loop until the heap runs out: none of the shipped patterns can.)
const textlintDir = path.join(WORK, 'textlint')
const textlintCopy = path.join(WORK, 'textlint-corpus')
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
const resetCopy = () => {
  rmSync(textlintCopy, { recursive: true, force: true })
  cpSync(corpus, textlintCopy, { recursive: true })
}
// Run from the project root, where textlint finds textlint-rule-prh. textlint opens every file it is given
// at once: 20,000 files exceed this machine's limit of open files (EMFILE, and exit 1 as for a finding),
// so it gets at most TEXTLINT_FILES files per invocation, as a user would do (xargs exits 123 when an
// invocation exits 1). On the default corpus that is one invocation.
const TEXTLINT_FILES = 5000
const textlintCommand = `find '${textlintCopy}' -name '*.txt' -print0 | xargs -0 -n ${TEXTLINT_FILES} '${process.execPath}' '${textlint}' --config '${path.join(textlintDir, '.textlintrc.json')}' --fix`
record('textlint + prh --fix', measure('sh', ['-c', textlintCommand], { cwd: ROOT, before: resetCopy, okStatus: /status (1|123)$/, failsOn: /Error: / }))
// Whether the two did the same job: files that textlint left exactly as mtclean's cleaned copy.
const corpusFiles = readdirSync(corpus, { recursive: true }).filter((name) => name.endsWith('.txt'))
const agree = corpusFiles.filter((name) => readFileSync(path.join(textlintCopy, name)).equals(readFileSync(path.join(out, name)))).length
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
  record(`clean, ${count} extra entities`, measure(process.execPath, [BIN, 'clean', growthCorpus, '--out', path.join(WORK, 'out-growth'), '--rules', dir], { before: () => rmSync(path.join(WORK, 'out-growth'), { recursive: true, force: true }) }), growthMb, growthFiles)
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
