import type { VFile } from 'vfile'
import { spansMeet, type Span } from '../apply/offset-map.js'

/**
 * Drops the messages that touch a span a person has said is right (a rejected change: the text there
 * stays as written, and no check should ask about it again).
 */
export function dropMessagesIn(file: VFile, spans: readonly Span[]): void {
  if (spans.length === 0) return
  file.messages = file.messages.filter((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    const end = place?.end.offset
    if (start === undefined || end === undefined) return true
    return !spans.some((span) => spansMeet(span, { start, end }))
  })
}
