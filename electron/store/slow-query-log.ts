// Times every store method and reports the slow ones (Signal Desktop logs queries over 40 ms).
import { performance } from 'node:perf_hooks';

export type StoreLog = (line: string) => void;

export const defaultSlowQueryMs = 40;

export function timed<Arguments extends unknown[], Result>(
  name: string,
  operation: (...args: Arguments) => Result,
  slowQueryMs: number,
  log: StoreLog,
): (...args: Arguments) => Result {
  return (...args) => {
    const startedAt = performance.now();
    try {
      return operation(...args);
    } finally {
      const elapsedMs = performance.now() - startedAt;
      if (elapsedMs > slowQueryMs) log(`[store] slow query: ${name} took ${elapsedMs.toFixed(1)} ms`);
    }
  };
}

/** Wraps each method of a method map with timed(), keeping its type. */
export function withSlowQueryLog<Methods extends Record<string, (...args: never[]) => unknown>>(
  methods: Methods,
  slowQueryMs: number,
  log: StoreLog,
): Methods {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] = timed(name, method as (...args: unknown[]) => unknown, slowQueryMs, log);
  }
  return wrapped as Methods;
}
