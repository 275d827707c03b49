import { readdirSync } from 'node:fs'
import path from 'node:path'
import { Option, type Command } from 'commander'
import { cleanText } from '../../engine/clean.js'
import { ConfigError } from '../../model/errors.js'
import { findInputs } from '../../io/inputs.js'
import { readTextFile } from '../../io/read.js'
import { scoreFile, summarize, type FileScore, type Gold, type MessageSpan } from '../../eval/score.js'
import { loadRuleSet, rulePathsOf } from '../../rules/load.js'
import { EXIT } from '../../model/exit-codes.js'
import { inputsOrDefault, withInputs } from '../inputs.js'

interface EvalOptions {
  gold: string
  rules?: string[]
  format: 'text' | 'json'
  verbose?: boolean
}

export function registerEval(program: Command): void {
  withInputs(program.command('eval').description('score cleaning and checking against gold annotations (as shared/reference/score.py)'))
    .requiredOption('-g, --gold <dir>', 'folder of NAME.gold.json annotations')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-v, --verbose', 'list every miss, wrong change and noise message')
    .action((paths: string[], options: EvalOptions) => runEval(paths, options))
}

async function runEval(paths: string[], options: EvalOptions): Promise<void> {
  const cwd = process.cwd()
  const ruleSet = loadRuleSet(rulePathsOf(options.rules, cwd))
  const byName = new Map(
    findInputs(inputsOrDefault(paths, path.resolve(cwd, 'cleaned'), cwd), cwd).files.map((file) => [path.basename(file.absolutePath), file]),
  )
  const checker = (await import('../../checks/index.js')).createChecker(ruleSet)
  const goldFolder = path.resolve(cwd, options.gold)
  let names: string[]
  try {
    names = readdirSync(goldFolder)
      .filter((name) => name.endsWith('.gold.json'))
      .sort()
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new ConfigError(missing ? 'no such folder of gold annotations' : 'not a folder of gold annotations (NAME.gold.json files)', options.gold)
  }
  const files: Record<string, FileScore> = {}
  for (const name of names) {
    const goldPath = path.join(options.gold, name)
    let gold: Gold
    try {
      gold = JSON.parse(readTextFile(path.join(goldFolder, name))) as Gold
    } catch (error) {
      throw error instanceof ConfigError ? error : new ConfigError(`invalid JSON: ${(error as Error).message}`, goldPath)
    }
    if (typeof gold !== 'object' || gold === null || typeof gold.file !== 'string') {
      throw new ConfigError('not a gold annotation: expected an object with "file" and the annotated spans', goldPath)
    }
    const input = byName.get(gold.file)
    if (!input) throw new ConfigError(`annotates ${gold.file}, which is not among the inputs`, goldPath)
    const source = readTextFile(input.absolutePath)
    const { output } = cleanText(source, ruleSet)
    const messages: MessageSpan[] = checker.check(source).messages.map((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const start = place?.start.offset ?? 0
      return { start, end: Math.max(start, place?.end.offset ?? start), ruleId: message.ruleId ?? '?' }
    })
    try {
      files[gold.file] = scoreFile(source, output, gold, messages)
    } catch (error) {
      throw new ConfigError((error as Error).message, goldPath)
    }
  }
  const summary = summarize(Object.values(files))
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ summary, files }, null, 2)}\n`)
  } else {
    for (const [name, score] of Object.entries(files)) {
      process.stdout.write(
        `${name}: fixed ${score.fixed}/${score.required}  bad changes ${score.badChanges}/${score.changedRegions}  ` +
          `flags ${score.flagsHit}/${score.flags}  noise ${score.noise}  traps broken ${score.trapsBroken}/${score.traps}\n`,
      )
      if (options.verbose) {
        for (const miss of score.misses)
          process.stdout.write(`   miss  ${JSON.stringify(miss.find)} -> ${JSON.stringify(miss.want)}   output: ${JSON.stringify(miss.got)}\n`)
        for (const wrong of score.wrong) process.stdout.write(`   wrong ${JSON.stringify(wrong.source)} -> ${JSON.stringify(wrong.output)}\n`)
        for (const noise of score.noiseItems) process.stdout.write(`   noise ${JSON.stringify(noise.text)} [${noise.ruleId}]\n`)
      }
    }
    const f = (value: number, digits = 3): string => value.toFixed(digits)
    process.stdout.write(
      `TOTAL fix_recall=${f(summary.fixRecall)} fix_precision=${f(summary.fixPrecision)} flag_recall=${f(summary.flagRecall)} ` +
        `caught=${f(summary.caught)} noise_per_1k_words=${f(summary.noisePer1kWords, 2)} traps_broken=${summary.trapsBroken}\n`,
    )
  }
  process.exitCode = EXIT.ok
}
