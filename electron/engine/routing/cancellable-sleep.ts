// A wait that ends at once when the column is stopped: a stop during backoff must not wait it out.
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const cancellableSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
