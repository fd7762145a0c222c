// The live view of `juxta compare` while responses stream: one model streams its text as it
// comes; several get one status line each, redrawn in place (TTY only, at most 10 times a second).
import type { ResponseStatus } from '../../shared/records';
import type { RunEvent } from '../../shared/run-events';

interface ResponseProgress {
  model: string;
  status: ResponseStatus;
  characters: number;
}

export interface ProgressView {
  onEvents(events: RunEvent[]): void;
  /** Removes the live lines so the final answers and table print on a clean screen. */
  finish(): void;
}

const REDRAW_INTERVAL_MS = 100;

/** Streams one response's text to stdout (reasoning to stderr, so a pipe gets only the answer). */
export function createSingleStreamView(): ProgressView {
  let wroteText = false;
  let endsWithNewline = true;
  return {
    onEvents(events) {
      for (const event of events) {
        if (event.type === 'text-delta') {
          process.stdout.write(event.text);
          wroteText = true;
          endsWithNewline = event.text.endsWith('\n');
        } else if (event.type === 'reasoning-delta' && process.stderr.isTTY) {
          process.stderr.write(`\x1b[2m${event.text}\x1b[22m`);
        }
      }
    },
    finish() {
      if (wroteText && !endsWithNewline) process.stdout.write('\n');
    },
  };
}

export function createProgressLinesView(): ProgressView {
  const responses = new Map<string, ResponseProgress>();
  let drawnLines = 0;
  let lastDrawAt = 0;
  let timer: NodeJS.Timeout | undefined;

  const render = () => {
    timer = undefined;
    lastDrawAt = Date.now();
    const width = Math.max(...[...responses.values()].map((response) => response.model.length), 10);
    // Move up over the previous drawing and rewrite each line (\x1b[2K clears it).
    let output = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    for (const response of responses.values()) {
      const tokens = response.characters > 0 ? `~${Math.ceil(response.characters / 4)} tokens` : '';
      output += `\x1b[2K  ${response.model.padEnd(width)}  ${response.status.padEnd(9)}  ${tokens}\n`;
    }
    drawnLines = responses.size;
    process.stdout.write(output);
  };
  const scheduleRender = () => {
    if (timer) return;
    const wait = lastDrawAt + REDRAW_INTERVAL_MS - Date.now();
    if (wait <= 0) render();
    else timer = setTimeout(render, wait);
  };

  return {
    onEvents(events) {
      for (const event of events) {
        if (event.type === 'run-snapshot') {
          for (const response of event.responses) {
            responses.set(response.id, { model: response.modelAsked, status: response.status, characters: response.text.length });
          }
        } else if (event.type === 'response-start') {
          const response = responses.get(event.responseId);
          if (response) response.status = 'streaming';
        } else if (event.type === 'text-delta' || event.type === 'reasoning-delta') {
          const response = responses.get(event.responseId);
          if (response) response.characters += event.text.length;
        } else if (event.type === 'response-end') {
          const response = responses.get(event.responseId);
          if (response) response.status = event.response.status;
        }
      }
      scheduleRender();
    },
    finish() {
      clearTimeout(timer);
      if (drawnLines > 0) process.stdout.write(`\x1b[${drawnLines}A\x1b[0J`);
      drawnLines = 0;
    },
  };
}

export function createQuietView(): ProgressView {
  return { onEvents() {}, finish() {} };
}
