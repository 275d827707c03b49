import type { ReviewScope } from '../prepare.js'
import { EXIT } from '../../model/exit-codes.js'
import { startReviewServer } from './server.js'
import { WebReview } from './state.js'

/**
 * `mtclean review --web`: serves the review until Ctrl-C (or SIGTERM), printing its address and opening
 * nothing. Every action was saved when it was answered, so stopping loses nothing.
 */
export async function serveReview(scope: ReviewScope & { port?: number }, cwd: string): Promise<void> {
  const review = await WebReview.open(scope, cwd)
  const { state } = await review.view()
  const server = await startReviewServer(review, { port: scope.port })
  // Listening for Ctrl-C before the address is printed: whoever reads it may stop the server at once.
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.on('SIGINT', resolve)
    process.on('SIGTERM', resolve)
  })
  const { undecided, findingsOpen } = state.summary
  process.stdout.write(
    `mtclean: ${undecided} change(s) to decide and ${findingsOpen} open finding(s); review them at\n\n  ${server.url}\n\n` +
      `Every click is saved at once in ${review.record.decisionsShown}. Ctrl-C stops the server.\n`,
  )
  const stoppedBy = await signal
  await server.close()
  const after = await review.currentState()
  process.stderr.write(
    `\nmtclean: ${after.summary.accepted} accepted, ${after.summary.rejected} rejected, ${after.summary.undecided} undecided (in ${review.record.decisionsShown}); stopped by ${stoppedBy}.\n`,
  )
  process.exitCode = EXIT.ok
}
