import { availableParallelism } from 'node:os'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import { ConfigError } from '../model/errors.js'
import { TASKS, type ItemOf, type ResultOf, type SetupOf, type TaskName } from './tasks.js'

export interface RunOptions {
  /** Threads to use: 1 runs in this thread only (see workersFor for more). */
  jobs: number
  work: Work
  /** Workers started earlier (startWorkers), so that their modules loaded while the run got ready. */
  workers?: Worker[]
  /** Asked before each file is handed out: true stops handing out (the files under way finish). */
  stopped?: () => boolean
  /** The items' sizes in bytes, when known: batches and the results held for order are bounded by bytes too. */
  sizes?: number[]
}

/** Batches handed to a worker before it asks for more: keeps it busy while its answer travels back. */
const QUEUE_PER_WORKER = 2
/**
 * Files per message, at most. Each message wakes the main thread, which then competes with the workers
 * for the cores: one file a message cost 0.3 ms of a worker's time per file on 2 cores.
 */
const MAX_BATCH = 8
/** Input bytes per message, at most (a larger file goes alone). */
const BATCH_BYTES = 256 * 1024
/** How far ahead of the next result in order the run may get: bounds the results held back for order. */
const WINDOW_PER_WORKER = 2 * QUEUE_PER_WORKER * MAX_BATCH
/**
 * The same bound in input bytes (a file's results are several times its size): large files are not
 * handed out more than this ahead, except one batch to a worker that has nothing to do.
 */
const WINDOW_BYTES = 32 * 1024 * 1024

/**
 * The kinds of work a run does, and what threads cost for each (measured on 2 cores).
 * - `threadsFrom`: how much text a run needs before threads pay for themselves. A thread costs its
 *   start-up, and the dictionary for the checks. `clean` on 1,000 files (5.8 MB) took 1.45 s on one
 *   thread and 1.53 s on two; on 2,000 files (11.6 MB) 2.57 s and 2.16 s. The checks gain from 2 MB on.
 * - `mainThreadWorks`: whether the main thread takes a share of the files besides writing the results
 *   (clean on 2,000 files: 2.37 s with two workers, 2.16 s with one and the main thread). Not for the
 *   checks: the dictionary in the one thread without a heap limit took `check` on 20,000 files from a
 *   350 MB peak to 394 MB, and `clean --check` over 400 MB.
 */
export const WORK = {
  rules: { threadsFrom: 8_000_000, mainThreadWorks: true },
  checks: { threadsFrom: 2_000_000, mainThreadWorks: false },
} as const
export type Work = keyof typeof WORK

/** Threads for a run of `files` files totalling `bytes`: one per core, but 1 for a small run. */
export function defaultJobs(files: number, bytes: number, work: Work): number {
  return files < 8 || bytes < WORK[work].threadsFrom ? 1 : Math.min(availableParallelism(), files)
}

/** The worker threads of a run on `jobs` threads: one fewer when the main thread takes a share. */
export function workersFor(jobs: number, work: Work): number {
  return jobs <= 1 ? 0 : WORK[work].mainThreadWorks ? jobs - 1 : jobs
}

/**
 * A worker's heap limit for files of at most `largestBytes`. Without one, V8 lets each worker's heap grow
 * far beyond what it uses (check on 20,000 files: 508 MB peak RSS). With 1 GB a worker: 347 MB, and as
 * fast. A tighter limit makes V8 collect all the time (256 or 512 MB: 2.5 times slower). A large file
 * needs more: cleaning a 50 MB one holds about 60 times its size.
 */
export function workerHeapMb(largestBytes: number): number {
  return Math.max(1024, Math.ceil((largestBytes / 1e6) * 64))
}

/** Starts `count` worker threads: they load their modules while the caller loads the rules. */
export function startWorkers(count: number, heapMb: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb } }))
}

/** Starts the workers, lets `use` hand them a run, and stops them however it ends. */
export async function withWorkers<T>(jobs: number, work: Work, sizes: number[], use: (workers: Worker[]) => Promise<T>): Promise<T> {
  const workers = startWorkers(workersFor(jobs, work), workerHeapMb(sizes.reduce((largest, size) => Math.max(largest, size), 0)))
  try {
    return await use(workers)
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/**
 * Runs a task on every item and yields the results in the items' order, with at most a bounded number of
 * items under way or waiting for their turn, so memory does not grow with the run. With `jobs` > 1 the
 * items are shared by worker threads and this one. When `stopped()` turns true, no more items are handed out; the ones under
 * way finish (a worker is never killed mid-write) and are yielded, then the run ends.
 */
export async function* runTasks<Name extends TaskName>(
  name: Name,
  setup: SetupOf<Name>,
  items: ItemOf<Name>[],
  options: RunOptions,
): AsyncGenerator<ResultOf<Name>> {
  if (options.jobs <= 1 || items.length < 2) {
    await Promise.all((options.workers ?? []).map((worker) => worker.terminate()))
    const run = (await (await TASKS[name]())(setup as never)) as (item: ItemOf<Name>) => ResultOf<Name>
    for (const item of items) {
      if (options.stopped?.()) return
      yield run(item)
      // Lets signal handlers run between files.
      await nextTurn()
    }
    return
  }
  yield* inWorkers(name, setup, items, options)
}

async function* inWorkers<Name extends TaskName>(name: Name, setup: SetupOf<Name>, items: ItemOf<Name>[], options: RunOptions): AsyncGenerator<ResultOf<Name>> {
  const workers = options.workers?.length ? options.workers : startWorkers(workersFor(Math.min(options.jobs, items.length), options.work), workerHeapMb(0))
  for (const worker of workers) worker.postMessage({ task: name, setup })
  // Where the main thread takes a share (WORK), it runs the next files whenever the next result in order
  // is not back yet: two workers and a main thread that only waited took turns on two cores.
  const runHere = WORK[options.work].mainThreadWorks ? ((await (await TASKS[name]())(setup as never)) as (item: ItemOf<Name>) => ResultOf<Name>) : undefined
  const count = workers.length + (runHere ? 1 : 0)
  const queued = new Map<Worker, number>(workers.map((worker) => [worker, 0]))
  const done = new Map<number, ResultOf<Name>>()
  let failure: Error | undefined
  let wake: (() => void) | undefined
  let handedOut = 0
  let yielded = 0
  let ended = false

  // Small runs go a file at a time, so that every worker gets a share.
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(items.length / (count * 4 * MAX_BATCH))))
  const sizeAt = (index: number): number => options.sizes?.[index] ?? 0
  let bytesAhead = 0 // of the items handed out and not yet yielded
  /** Whether another batch may go out: within both windows, or to a thread with nothing to do. */
  const mayTakeBatch = (idle: boolean): boolean =>
    handedOut < items.length && handedOut < yielded + WINDOW_PER_WORKER * count && (bytesAhead < WINDOW_BYTES || idle) && !options.stopped?.()
  const mayHandOut = (worker: Worker): boolean => queued.get(worker)! < QUEUE_PER_WORKER && mayTakeBatch(queued.get(worker) === 0)
  /** The next batch: up to `batch` files and BATCH_BYTES, counted as handed out. */
  const takeBatch = (): { index: number; items: ItemOf<Name>[] } => {
    const index = handedOut
    let end = index + 1
    let bytes = sizeAt(index)
    while (end < items.length && end - index < batch && bytes + sizeAt(end) <= BATCH_BYTES) bytes += sizeAt(end++)
    bytesAhead += bytes
    handedOut = end
    return { index, items: items.slice(index, end) }
  }
  const feed = (): void => {
    for (const worker of workers) {
      while (mayHandOut(worker)) {
        worker.postMessage(takeBatch())
        queued.set(worker, queued.get(worker)! + 1)
      }
    }
  }
  const mayRunHere = (): boolean => runHere !== undefined && mayTakeBatch(handedOut === yielded)
  for (const worker of workers) {
    worker.on('message', (message: { index: number; results?: ResultOf<Name>[]; error?: string; configError?: { message: string; file: string } }) => {
      queued.set(worker, queued.get(worker)! - 1)
      if (message.configError !== undefined) failure ??= new ConfigError(message.configError.message, message.configError.file)
      else if (message.error !== undefined) failure ??= new Error(`in a worker thread: ${message.error}`)
      else
        message.results!.forEach((result, offset) => {
          done.set(message.index + offset, result)
        })
      wake?.()
    })
    worker.on('error', (error) => {
      failure ??= error
      wake?.()
    })
    worker.on('exit', (code) => {
      if (!ended) failure ??= new Error(`a worker thread stopped (exit code ${code})`)
      wake?.()
    })
  }
  const underWay = (): number => [...queued.values()].reduce((sum, each) => sum + each, 0)
  const nextEvent = (): Promise<void> => new Promise((resolve) => (wake = resolve))

  try {
    feed()
    for (;;) {
      while (!done.has(yielded)) {
        if (failure) throw failure
        if (mayRunHere()) {
          const { index, items: here } = takeBatch()
          here.forEach((item, offset) => {
            done.set(index + offset, runHere!(item))
          })
          feed()
          // Lets the workers' answers, and signals, in.
          await nextTurn()
        } else if (yielded < handedOut) await nextEvent()
        else break
      }
      if (!done.has(yielded)) break
      const result = done.get(yielded)!
      done.delete(yielded)
      bytesAhead -= sizeAt(yielded)
      yielded++
      feed()
      yield result
    }
  } finally {
    // Never stop a worker in the middle of a file: let what it was given finish first.
    while (underWay() > 0 && !failure) await nextEvent()
    ended = true
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
