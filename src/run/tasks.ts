import type { createCheckTask } from './check-task.js'
import type { createCleanTask } from './clean-task.js'

interface Factories {
  clean: typeof createCleanTask
  check: typeof createCheckTask
}

/**
 * The per-file work a run can spread over worker threads, by name: a worker is given a name and a
 * setup (plain data), builds the task once (rules compiled, dictionary loaded) and runs it per file.
 * Each is loaded when a run first asks for it: loading both (the reports' renderers, the checks' corpus
 * code) took 60 ms of CPU, which `clean -` and every command's start paid for nothing.
 */
export const TASKS: { [Name in keyof Factories]: () => Promise<Factories[Name]> } = {
  clean: async () => (await import('./clean-task.js')).createCleanTask,
  check: async () => (await import('./check-task.js')).createCheckTask,
}

export type TaskName = keyof Factories
export type SetupOf<Name extends TaskName> = Parameters<Factories[Name]>[0]
type TaskOf<Name extends TaskName> = Awaited<ReturnType<Factories[Name]>>
export type ItemOf<Name extends TaskName> = Parameters<TaskOf<Name>>[0]
export type ResultOf<Name extends TaskName> = ReturnType<TaskOf<Name>>
