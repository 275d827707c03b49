import path from 'node:path'
import type { Command } from 'commander'
import { ConfigError } from '../../model/errors.js'
import { findInputs } from '../../io/inputs.js'
import { readTextFile } from '../../io/read.js'
import { writeOutputs } from '../../io/write.js'
import { shownPath } from '../../model/paths.js'
import { loadRuleSet, rulePathsOf } from '../../rules/load.js'
import { EXIT } from '../../model/exit-codes.js'
import { inputsOrDefault, withInputs } from '../inputs.js'
import { formatOf, formatsOf } from '../../formats/format.js'
import { loadProseReaders, proseText } from '../../formats/prose.js'

export function registerSuggest(program: Command): void {
  withInputs(program.command('suggest').description('propose new variants from the corpus: unknown words that are probably garbled forms of one name'))
    .option('-w, --write <file>', 'write a review file (edit it, then `mtclean rules add --from FILE`)')
    .action(async (paths: string[], options: { rules?: string[]; write?: string }) => {
      const cwd = process.cwd()
      const ruleSet = loadRuleSet(rulePathsOf(options.rules, cwd))
      const inputs = findInputs(inputsOrDefault(paths, path.resolve(cwd, 'cleaned'), cwd), cwd).files
      if (options.write && inputs.some((file) => file.absolutePath === path.resolve(cwd, options.write!))) {
        throw new ConfigError('is one of the texts read: the review file must go elsewhere', options.write)
      }
      // Markdown and HTML: only their prose is read (the rest blanked, so every place stays).
      await loadProseReaders(formatsOf(inputs))
      const texts = inputs.map((file) => ({
        file: file.displayPath,
        text: proseText(readTextFile(file.absolutePath), formatOf(file.absolutePath), file.displayPath),
      }))
      // The suggester (pinyin-pro, nspell) and the YAML writer load only when this command runs.
      const proposals = (await import('../../authoring/suggest.js')).suggestVariants(texts, ruleSet)
      const { Document } = await import('yaml')
      const doc = new Document({ suggestions: proposals })
      doc.commentBefore =
        ` mtclean suggest: ${proposals.length} proposal(s) from ${texts.length} file(s), most likely first.\n` +
        ' Check each: delete what is wrong, name the canonical form where it is null, then:\n' +
        '   mtclean rules add --from THIS_FILE\n' +
        ' (evidence and confidence are for you; rules add reads canonical, category, variants and examples.)'
      const yaml = doc.toString({ lineWidth: 0 })
      if (options.write) writeOutputs([{ path: options.write, content: yaml }])
      else process.stdout.write(yaml)
      process.stderr.write(`mtclean: ${proposals.length} proposal(s)${options.write ? ` written to ${shownPath(options.write)}` : ''}\n`)
      process.exitCode = EXIT.ok
    })
}
