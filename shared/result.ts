// Errors cross every boundary (IPC, HTTP, CLI) as values with a kind, never as thrown strings.
export const errorKinds = [
  'invalid_input',
  'not_found',
  'auth',
  'insufficient_credits',
  'rate_limited',
  'overloaded',
  'timeout',
  'context_length',
  'bad_request',
  'network',
  'stream_broken',
  'provider_error',
  'cancelled',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface JuxtaError {
  kind: ErrorKind;
  /** Our sentence for the user: what happened, in words a user acts on. */
  message: string;
  /** The provider's own message, shown next to ours when there is one. */
  providerMessage?: string;
  /** HTTP status the provider answered with, when there was one. */
  status?: number;
  /** From a Retry-After header (or OpenRouter metadata) when the provider sent one. */
  retryAfterMs?: number;
  /** A named quota that was hit (e.g. OpenRouter's "free-models-per-day"), from the error body and X-RateLimit-* headers. */
  quota?: { name: string; limit?: number; remaining?: number; resetsAt?: number };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: JuxtaError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(error: JuxtaError): Result<T> {
  return { ok: false, error };
}

/** Thrown inside the Node side and turned into a Result at the boundary. */
export class JuxtaFailure extends Error {
  readonly error: JuxtaError;
  constructor(error: JuxtaError) {
    super(error.message);
    this.name = 'JuxtaFailure';
    this.error = error;
  }
}

export function isJuxtaError(value: unknown): value is JuxtaError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as JuxtaError).message === 'string' &&
    (errorKinds as readonly string[]).includes((value as JuxtaError).kind)
  );
}
