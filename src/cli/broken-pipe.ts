import os from 'node:os'
import { watchedRuns } from '../io/write.js'

/** What a shell reports for a program that a broken pipe ended: 128 + SIGPIPE (141), as `yes | head` gives. */
export const BROKEN_PIPE_EXIT = 128 + os.constants.signals.SIGPIPE

const isBrokenPipe = (error: unknown): boolean => (error as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE'

/**
 * Ends the process quietly once the reader of stdout or stderr has gone (`mtclean check … | head -1`).
 * Node ignores SIGPIPE, so a write to a closed pipe fails with EPIPE and, with no listener, dies with a stack
 * trace; a program killed by SIGPIPE prints nothing. Written by hand: no package does only this.
 *
 * Two ways in, for the one outcome: the stream's 'error' event (a write that failed later, from async code or
 * from a worker's output relayed by this thread), and a look after each write, because on Linux a write to a
 * pipe fails at once and the error event comes a tick later: by then a synchronous caller could have printed
 * its summary to stderr. Nothing more is printed: the reader has gone, and stderr may be that same pipe.
 *
 * A run that writes files (an InterruptWatch is on) is not cut short mid-write: it is told, as for Ctrl-C,
 * stops between two files with every output complete or as it was, and ends with Interrupted('SIGPIPE').
 */
export function endQuietlyOnBrokenPipe(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  let broken = false
  const onBrokenPipe = (): void => {
    if (watchedRuns.size === 0) process.exit(BROKEN_PIPE_EXIT)
    broken = true
    for (const run of watchedRuns) run.notice('SIGPIPE')
  }
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (isBrokenPipe(error)) onBrokenPipe()
      else throw error
    })
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
    stream.write = ((...args: unknown[]) => {
      // Once no one reads, what is left to say goes nowhere (a closed stream would raise another error).
      if (broken) return true
      if (streams.some((each) => isBrokenPipe(each.errored))) {
        onBrokenPipe()
        return true
      }
      const written = write(...args)
      if (isBrokenPipe(stream.errored)) onBrokenPipe()
      return written
    }) as typeof stream.write
  }
}
