// Highlighting a finished code block can take several milliseconds, and blocks of several columns
// often finish in the same frame. So a finished block with code is shown plain at once and
// highlighted in idle time, a block at a time, deduplicated across columns.
type Listener = (html: string) => void;

const waiting = new Map<string, Set<Listener>>();
let scheduled = false;

type IdleScheduler = (callback: (deadline: { timeRemaining(): number }) => void) => void;
const requestIdle: IdleScheduler =
  typeof requestIdleCallback === 'function'
    ? (callback) => void requestIdleCallback(callback, { timeout: 500 })
    : (callback) => void setTimeout(() => callback({ timeRemaining: () => 8 }), 16);

let render: (source: string) => string = () => '';

/** The renderer used for queued blocks (set once by render-markdown, which owns the Markdown setup). */
export function setQueuedRenderer(renderer: (source: string) => string): void {
  render = renderer;
}

function drain(deadline: { timeRemaining(): number }): void {
  scheduled = false;
  // At least one block per idle period, more while the browser says there is time.
  do {
    const next = waiting.entries().next();
    if (next.done) return;
    const [source, listeners] = next.value;
    waiting.delete(source);
    const html = render(source);
    for (const listener of listeners) listener(html);
  } while (deadline.timeRemaining() > 4);
  if (waiting.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestIdle(drain);
}

/** Calls back once with the highlighted HTML; the returned function cancels. */
export function queueHighlight(source: string, listener: Listener): () => void {
  let listeners = waiting.get(source);
  if (!listeners) {
    listeners = new Set();
    waiting.set(source, listeners);
  }
  listeners.add(listener);
  schedule();
  return () => {
    const current = waiting.get(source);
    current?.delete(listener);
    if (current?.size === 0) waiting.delete(source);
  };
}
