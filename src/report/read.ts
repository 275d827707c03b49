import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { ValidateFunction } from 'ajv'
import { ConfigError } from '../errors.js'
import { readTextFile } from '../io/read.js'
import type { Report } from './report.js'
import { REPORT_FILES } from './writer.js'

const integer = { type: 'integer', minimum: 0 }
const string = { type: 'string' }
const change = {
  type: 'object',
  required: ['id', 'ruleId', 'line', 'column', 'start', 'end', 'before', 'after', 'context'],
  properties: {
    id: { type: 'string', minLength: 1 },
    ruleId: string,
    line: integer,
    column: integer,
    start: integer,
    end: integer,
    before: string,
    after: string,
    context: { type: 'object', required: ['before', 'after'], properties: { before: string, after: string } },
  },
}
const finding = {
  type: 'object',
  required: ['ruleId', 'reason', 'line', 'column', 'endLine', 'endColumn', 'actual', 'expected'],
  properties: { ruleId: string, reason: string, line: integer, column: integer, endLine: integer, endColumn: integer, actual: string, expected: { type: 'array', items: string } },
}

/** What `review`, `apply` and `status` rely on in a report.json: anything else there is only shown. */
const reportSchema = {
  type: 'object',
  required: ['run', 'summary', 'files', 'failures'],
  properties: {
    run: {
      type: 'object',
      required: ['base', 'inputs', 'rules', 'rulesHash'],
      properties: { base: string, inputs: { type: 'array', items: string }, rules: { type: ['array', 'null'], items: string }, rulesHash: string },
    },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'copy', 'sourceHash', 'output', 'changes', 'skipped', 'findings'],
        properties: {
          path: { type: 'string', minLength: 1 },
          copy: { type: 'string', minLength: 1 },
          sourceHash: string,
          output: string,
          changes: { type: 'array', items: { ...change, required: [...change.required, 'decision'] } },
          skipped: { type: 'array', items: { ...change, required: [...change.required, 'reason'] } },
          findings: { type: 'array', items: finding },
        },
      },
    },
    failures: { type: 'array' },
  },
}

const require = createRequire(import.meta.url)
let validator: ValidateFunction | undefined
const reportValidator = (): ValidateFunction => (validator ??= new (require('ajv') as typeof import('ajv')).Ajv({ strict: false }).compile(reportSchema))

/** The last run's report.json in an output folder, checked to be one: a tampered or foreign file is refused. */
export function loadReport(outFolder: string, displayFolder: string): Report {
  const file = path.join(outFolder, REPORT_FILES.json)
  const shown = `${displayFolder}/${REPORT_FILES.json}`
  if (!existsSync(file)) throw new ConfigError('no report: run `mtclean clean` first (or name its --out folder)', shown)
  let data: unknown
  try {
    data = JSON.parse(readTextFile(file))
  } catch (error) {
    throw error instanceof ConfigError ? new ConfigError(error.message, shown) : new ConfigError(`invalid JSON: ${(error as Error).message}`, shown)
  }
  const validate = reportValidator()
  if (!validate(data)) {
    const [first] = validate.errors ?? []
    const where = first?.instancePath ? first.instancePath.slice(1) : 'the file'
    throw new ConfigError(`not a report of mtclean (or made by an older version): ${where} ${first?.message ?? 'is invalid'}; run \`mtclean clean\` again`, shown)
  }
  return data as Report
}
