// OpenRouter names the quota a 429 hit in its message ("Rate limit exceeded: free-models-per-day. ...")
// and copies the X-RateLimit-* headers into error.metadata.headers (reset as epoch milliseconds).
import type { JuxtaError } from '../../../../shared/result';

type Quota = NonNullable<JuxtaError['quota']>;

function numberFrom(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function readOpenRouterQuota(message: string | undefined, metadata: unknown, headers: Headers | undefined): Quota | undefined {
  const name = message ? /rate limit exceeded:\s*([a-z0-9-]+)/i.exec(message)?.[1] : undefined;
  if (!name) return undefined;
  const copied = (metadata as { headers?: Record<string, unknown> } | null | undefined)?.headers ?? {};
  const header = (field: string): number | undefined => numberFrom(copied[field] ?? headers?.get(field) ?? undefined);
  const quota: Quota = { name };
  const limit = header('X-RateLimit-Limit');
  const remaining = header('X-RateLimit-Remaining');
  let resetsAt = header('X-RateLimit-Reset');
  // Seconds rather than milliseconds would be a date in 1970: accept both.
  if (resetsAt !== undefined && resetsAt < 1e11) resetsAt *= 1000;
  if (limit !== undefined) quota.limit = limit;
  if (remaining !== undefined) quota.remaining = remaining;
  if (resetsAt !== undefined) quota.resetsAt = resetsAt;
  return quota;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Our sentence for a named quota: which one, and when it resets. */
export function describeQuota(quota: Quota, nowMs: number): string {
  const resets = quota.resetsAt !== undefined ? ` It resets at ${clock(quota.resetsAt)} UTC (in ${duration(quota.resetsAt - nowMs)}).` : '';
  const limit = quota.limit !== undefined ? ` (${quota.limit} requests` : '';
  if (quota.name.startsWith('free-models-per-day')) {
    const upgrade = quota.limit !== undefined && quota.limit < 1000 ? ' Buying 10 credits once raises it to 1000 a day.' : '';
    return `The daily quota for free models is used up${limit ? `${limit} a day)` : ''}.${resets}${upgrade}`;
  }
  if (quota.name.startsWith('free-models-per-min')) {
    return `Too many free-model requests this minute${limit ? `${limit} a minute)` : ''}.${resets}`;
  }
  return `Rate limit "${quota.name}" reached (429).${resets}`;
}
