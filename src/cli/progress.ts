import type cliProgress from 'cli-progress'
import { createRequire } from 'node:module'

// cli-progress (28 modules) is loaded only when a bar is shown: most runs are piped or logged.
const require = createRequire(import.meta.url)

/**
 * A progress bar on stderr for long runs (files done, MB/s, time left), only when stderr is a terminal
 * and not `--quiet`: piped or logged output gets nothing extra.
 */
export class Progress {
  private readonly bar: cliProgress.SingleBar | undefined
  private readonly started = performance.now()
  private bytesDone = 0
  private filesDone = 0

  constructor(options: { label: string; files: number; enabled: boolean }) {
    if (!options.enabled || !process.stderr.isTTY || options.files < 2) return
    const { SingleBar, Presets } = require('cli-progress') as typeof cliProgress
    this.bar = new SingleBar(
      {
        stream: process.stderr,
        format: `${options.label} {bar} {value}/{total} files | {speed} MB/s | ETA {eta_formatted}`,
        clearOnComplete: true,
        hideCursor: true,
        etaBuffer: 200,
      },
      Presets.shades_classic,
    )
    this.bar.start(options.files, 0, { speed: '0.0' })
  }

  tick(bytes: number): void {
    this.filesDone++
    this.bytesDone += bytes
    if (!this.bar) return
    const seconds = (performance.now() - this.started) / 1000
    this.bar.update(this.filesDone, { speed: (this.bytesDone / 1e6 / Math.max(seconds, 0.001)).toFixed(1) })
  }

  done(): void {
    this.bar?.stop()
  }
}
