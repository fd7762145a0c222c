// Server-sent events written safely (as Hono's streaming/sse.ts): data split into one `data:`
// line per line, so a newline in the payload can never start a forged field or event.

export function formatSseEvent(event: string, data: string): string {
  if (/[\r\n]/.test(event)) throw new Error('An SSE event name may not contain a newline.');
  const dataLines = data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('');
  return `event: ${event}\n${dataLines}\n`;
}

export const SSE_KEEP_ALIVE = ': keep-alive\n\n';
