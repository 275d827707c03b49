import { createCheckTask } from './check-task.js'
import { createCleanTask } from './clean-task.js'

/**
 * The per-file work a run can spread over worker threads, by name: a worker is given a name and a
 * setup (plain data), builds the task once (rules compiled, dictionary loaded) and runs it per file.
 */
export const TASKS = {
  clean: createCleanTask,
  check: createCheckTask,
} as const

export type TaskName = keyof typeof TASKS
export type SetupOf<Name extends TaskName> = Parameters<(typeof TASKS)[Name]>[0]
type TaskOf<Name extends TaskName> = Awaited<ReturnType<(typeof TASKS)[Name]>>
export type ItemOf<Name extends TaskName> = Parameters<TaskOf<Name>>[0]
export type ResultOf<Name extends TaskName> = ReturnType<TaskOf<Name>>
