import { parentPort } from 'node:worker_threads'
import { TASKS, type TaskName } from './tasks.js'

type Message = { task: TaskName; setup: unknown } | { index: number; item: unknown }

// A worker thread of a run (see pool.ts). It starts before the run's rules are loaded, so its modules load
// meanwhile; the first message names the task and its setup, and each later one is an item, answered with
// {index, result}, or {index, error} for a fault in the task itself.
let task: Promise<(item: unknown) => unknown> | undefined
parentPort!.on('message', async (message: Message) => {
  if ('task' in message) {
    task = TASKS[message.task](message.setup as never) as Promise<(item: unknown) => unknown>
    return
  }
  const { index, item } = message
  try {
    const run = await task!
    parentPort!.postMessage({ index, result: run(item) })
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
