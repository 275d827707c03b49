import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../model/errors.js'
import { tempPathFor } from './write.js'

export const LOCK_FILE = '.mtclean.lock'

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the output folder for one run: a second run into the same folder at the same time is refused
 * (both would write half of their outputs). The lock names the process; a lock whose process is gone (a
 * killed run) is taken over. Returns the release function.
 */
export function lockOutputFolder(outFolder: string, displayFolder: string): () => void {
  const lock = path.join(outFolder, LOCK_FILE)
  const mine = `${process.pid}\n`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, mine)
      closeSync(fd)
      return () => rmSync(lock, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let holder = NaN
    try {
      holder = Number.parseInt(readFileSync(lock, 'utf8'), 10)
    } catch {
      // unreadable or gone: taken over below
    }
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new ConfigError(
        `another mtclean run (process ${holder}) is writing this folder: wait for it to end (or remove ${LOCK_FILE} if it is gone)`,
        displayFolder,
      )
    }
    // Stale: replace it in one step, then try again (a run starting at the same moment loses the race).
    const temp = tempPathFor(lock)
    const fd = openSync(temp, 'wx')
    writeSync(fd, `${process.pid}\n`)
    closeSync(fd)
    renameSync(temp, lock)
    if (readFileSync(lock, 'utf8') === mine) return () => rmSync(lock, { force: true })
  }
  throw new ConfigError('another mtclean run took this folder at the same moment: try again', displayFolder)
}
