/** Exit statuses, as in unified-engine and ESLint. */
export const EXIT = {
  /** Done, nothing to report. */
  ok: 0,
  /** Done, and problems were found (or some files could not be processed). */
  problems: 1,
  /** Usage or configuration error: nothing was written. */
  usage: 2,
  /** A bug in mtclean itself. */
  crash: 3,
} as const
