import { parentPort } from 'node:worker_threads'
import { ConfigError } from '../model/errors.js'
import { TASKS, type TaskName } from './tasks.js'

type Message = { task: TaskName; setup: unknown } | { index: number; items: unknown[] }

// A worker thread of a run (see pool.ts). It starts before the run's rules are loaded, so its modules load
// meanwhile; the first message names the task and its setup, and each later one is a batch of items
// (from `index` on), answered with {index, results}, or {index, error} for a fault in the task itself.
let task: Promise<(item: unknown) => unknown> | undefined
// Both tasks' modules start loading now, while the main thread loads the rules (TASKS loads them on demand).
const factories: Record<TaskName, Promise<(setup: never) => Promise<(item: never) => unknown>>> = { clean: TASKS.clean(), check: TASKS.check() }
factories.clean.catch(() => {}) // a failure to load is reported with the first batch, by `await task`
factories.check.catch(() => {})
parentPort!.on('message', async (message: Message) => {
  if ('task' in message) {
    const setup = message.setup as never
    task = factories[message.task].then((create) => create(setup)) as Promise<(item: unknown) => unknown>
    return
  }
  const { index, items } = message
  try {
    const run = await task!
    const results = items.map(run)
    parentPort!.postMessage({ index, results }, results.flatMap(transferablesOf))
  } catch (error) {
    // A problem with the user's files (a full disk, an unwritable folder) stays a one-line ConfigError.
    if (error instanceof ConfigError) parentPort!.postMessage({ index, configError: { message: error.message, file: error.file } })
    else parentPort!.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})

/** The byte arrays a result holds (its own properties), handed over to the main thread rather than copied. */
function transferablesOf(result: unknown): ArrayBuffer[] {
  if (typeof result !== 'object' || result === null) return []
  return Object.values(result).flatMap((value) =>
    value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.byteLength > 0
      ? [value.buffer as ArrayBuffer]
      : [],
  )
}
