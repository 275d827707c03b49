import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { ValidateFunction } from 'ajv'
import { ConfigError } from '../model/errors.js'
import { readTextFile } from '../io/read.js'
import { expandReport } from './expand.js'
import type { Report, RunInfo } from './report.js'
import { derivedCopy, REPORT_VERSION, type StoredReport } from './stored.js'
import { REPORT_FILES } from '../model/output-files.js'

const integer = { type: 'integer', minimum: 0 }
const string = { type: 'string' }
const change = {
  type: 'object',
  required: ['id', 'ruleId', 'start', 'end', 'before', 'after'],
  properties: {
    id: { type: 'string', minLength: 1 },
    ruleId: string,
    start: integer,
    end: integer,
    before: string,
    after: string,
    decision: { enum: ['accepted', 'rejected'] },
  },
}
const skip = {
  ...change,
  required: [...change.required, 'reason'],
  properties: { ...change.properties, reason: { enum: ['overlap', 'ambiguous', 'rejected', 'undecided'] }, by: string },
}
const finding = {
  type: 'object',
  required: ['ruleId', 'reason', 'line', 'column', 'endLine', 'endColumn', 'actual', 'expected'],
  properties: {
    ruleId: string,
    reason: string,
    line: integer,
    column: integer,
    endLine: integer,
    endColumn: integer,
    actual: string,
    expected: { type: 'array', items: string },
  },
}
const run = {
  type: 'object',
  required: ['base', 'inputs', 'rules', 'rulesHash', 'checked'],
  properties: {
    base: string,
    inputs: { type: 'array', items: string },
    rules: { type: ['array', 'null'], items: string },
    rulesHash: string,
    checked: { type: 'boolean' },
  },
}

/** What `review`, `apply`, `status`, the views and `report merge` rely on in a report.json. */
const reportSchema = {
  type: 'object',
  required: ['version', 'run', 'summary', 'rules', 'files', 'failures'],
  properties: {
    version: { const: REPORT_VERSION },
    run,
    summary: { type: 'object', additionalProperties: integer },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'category', 'rule', 'count'],
        properties: { ruleId: string, category: string, rule: string, count: integer },
      },
    },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'sourceHash', 'changes'],
        properties: {
          path: { type: 'string', minLength: 1 },
          copy: { type: 'string', minLength: 1 },
          sourceHash: { type: 'string', pattern: '^[0-9a-f]{16}$' },
          changes: { type: 'array', items: change },
          skipped: { type: 'array', items: skip },
          findings: { type: 'array', items: finding },
        },
      },
    },
    failures: { type: 'array', items: { type: 'object', required: ['path', 'error'], properties: { path: string, error: string } } },
  },
}

const require = createRequire(import.meta.url)
let validator: ValidateFunction | undefined
const reportValidator = (): ValidateFunction => (validator ??= new (require('ajv') as typeof import('ajv')).Ajv({ strict: false }).compile(reportSchema))

/** The record as written, checked to be one: a tampered, foreign or older file is refused in one line. */
export function loadStoredReport(outFolder: string, displayFolder: string): StoredReport {
  const file = path.join(outFolder, REPORT_FILES.json)
  const shown = `${displayFolder}/${REPORT_FILES.json}`
  if (!existsSync(file)) throw new ConfigError('no report: run `mtclean clean` first (or name its --out folder)', shown)
  let data: unknown
  try {
    data = JSON.parse(readTextFile(file))
  } catch (error) {
    throw error instanceof ConfigError ? new ConfigError(error.message, shown) : new ConfigError(`invalid JSON: ${(error as Error).message}`, shown)
  }
  if (typeof data === 'object' && data !== null && !('version' in data) && 'files' in data) {
    throw new ConfigError('made by an older mtclean (no "version"): run `mtclean clean` again', shown)
  }
  const validate = reportValidator()
  if (!validate(data)) {
    const [first] = validate.errors ?? []
    const where = first?.instancePath ? first.instancePath.slice(1) : 'the file'
    throw new ConfigError(
      `not a report of mtclean (or made by an older version): ${where} ${first?.message ?? 'is invalid'}; run \`mtclean clean\` again`,
      shown,
    )
  }
  const stored = data as StoredReport
  for (const file of stored.files) {
    file.copy ??= derivedCopy(file.path, stored.run.inputs) ?? ''
    if (file.copy === '')
      throw new ConfigError(`files: ${JSON.stringify(file.path)} has no "copy" and is under none of run.inputs; run \`mtclean clean\` again`, shown)
  }
  if (path.isAbsolute(stored.run.base)) throw new ConfigError('run.base must be a relative path: refused', shown)
  return stored
}

/** The run a report.json records, without reading the texts (what `clean` needs to find the last inputs). */
export const loadRunInfo = (outFolder: string, displayFolder: string): RunInfo => loadStoredReport(outFolder, displayFolder).run

/**
 * The last run's report in an output folder, with what report.json does not repeat derived again from the
 * texts (positions, the words around each change, rule places, links): see `expand.ts`.
 * `linksFrom`: the folder a view is read from (a finding's link to its description is made from there).
 */
export function loadReport(outFolder: string, displayFolder: string, options: { linksFrom?: string } = {}): Report {
  const stored = loadStoredReport(outFolder, displayFolder)
  const place = {
    outFolder,
    base: path.resolve(outFolder, stored.run.base),
    shown: `${displayFolder}/${REPORT_FILES.json}`,
    linksFrom: options.linksFrom ?? outFolder,
  }
  return expandReport(stored, place)
}
