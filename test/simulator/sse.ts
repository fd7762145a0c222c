// Server-sent event framing. JSON.stringify never emits a raw newline, so one `data:` line per event is safe.

export function dataEvent(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** A comment line (ignored by spec-compliant parsers); a newline inside would end the comment early. */
export function commentEvent(text: string): string {
  if (/[\r\n]/.test(text)) throw new Error('SSE comment must be a single line');
  return `: ${text}\n\n`;
}

export const DONE_EVENT = 'data: [DONE]\n\n';

export const KEEP_ALIVE_COMMENT = commentEvent('OPENROUTER PROCESSING');

/** Deliberately broken JSON, for the malformed-chunk fault. */
export const MALFORMED_EVENT = 'data: {not json\n\n';
