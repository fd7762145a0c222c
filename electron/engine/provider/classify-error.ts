// Classify every failure once; routing, UI and store all read the same kind.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { JuxtaError } from '../../../shared/result';
import { describeQuota, readOpenRouterQuota } from './quirks/read-openrouter-quota';

interface ProviderErrorBody {
  code?: unknown;
  message?: unknown;
  metadata?: { raw?: unknown; provider_name?: unknown; headers?: unknown } | null;
}

function providerMessageOf(error: APIError): string | undefined {
  const body = error.error as ProviderErrorBody | undefined;
  if (body && typeof body.message === 'string') {
    const raw = body.metadata && typeof body.metadata.raw === 'string' ? ` (${body.metadata.raw})` : '';
    return `${body.message}${raw}`;
  }
  return error.message || undefined;
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const contextLengthPattern = /context length|context_length|maximum context|too many tokens|prompt is too long/i;

interface StatusDetails {
  quota?: JuxtaError['quota'];
  nowMs: number;
}

function fromStatus(status: number, providerMessage: string | undefined, retryAfterMs: number | undefined, details?: StatusDetails): JuxtaError {
  const base = { status, ...(providerMessage ? { providerMessage } : {}) };
  if (status === 401 || status === 403) return { ...base, kind: 'auth', message: status === 401 ? 'The provider refused the API key (401): check the key for this connection.' : 'The provider denied access (403): the key lacks permission for this model.' };
  if (status === 402) {
    // OpenRouter: "This request requires more credits, or fewer max_tokens. You requested up to N tokens, but can only afford M."
    const affordable = providerMessage ? /can only afford (\d+)/i.exec(providerMessage)?.[1] : undefined;
    const message = affordable
      ? `The account's credits cover only ${affordable} output tokens for this model (402): lower Max tokens or add credits.`
      : 'The account has run out of credits (402): add credits or pick a free model.';
    return { ...base, kind: 'insufficient_credits', message };
  }
  if (status === 429) {
    const quota = details?.quota;
    if (quota && details) {
      const wait = retryAfterMs ?? (quota.resetsAt !== undefined ? Math.max(0, quota.resetsAt - details.nowMs) : undefined);
      return { ...base, kind: 'rate_limited', message: describeQuota(quota, details.nowMs), quota, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
    }
    const wait = retryAfterMs !== undefined ? ` Retry after ${Math.ceil(retryAfterMs / 1000)} s.` : '';
    return { ...base, kind: 'rate_limited', message: `Rate limited by the provider (429).${wait}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status === 408) return { ...base, kind: 'timeout', message: 'The provider timed out (408).' };
  if (status === 404) return { ...base, kind: 'bad_request', message: 'The provider does not know this model or endpoint (404): check the model id.' };
  if (status === 413 || (status === 400 && providerMessage && contextLengthPattern.test(providerMessage))) {
    return { ...base, kind: 'context_length', message: 'The prompt is longer than the model\'s context window.' };
  }
  if (status === 502 || status === 503 || status === 529) return { ...base, kind: 'overloaded', message: `The provider is overloaded or down (${status}).`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status >= 500) return { ...base, kind: 'provider_error', message: `The provider failed (${status}).` };
  return { ...base, kind: 'bad_request', message: `The provider rejected the request (${status}).` };
}

export interface ClassifyContext {
  /** True once any content arrived: a failure then breaks a stream rather than failing a request. */
  streamStarted: boolean;
  nowMs: number;
}

export function classifyError(thrown: unknown, context: ClassifyContext): JuxtaError {
  if (thrown instanceof APIUserAbortError) return { kind: 'cancelled', message: 'Stopped.' };
  if (thrown instanceof APIConnectionTimeoutError) return { kind: 'timeout', message: 'The provider did not answer in time.' };
  if (thrown instanceof APIConnectionError) {
    const cause = thrown.cause instanceof Error ? thrown.cause.message : thrown.message;
    return { kind: 'network', message: 'Could not reach the provider: check the base URL and your connection.', providerMessage: cause };
  }
  if (thrown instanceof APIError) {
    if (typeof thrown.status === 'number') {
      const body = thrown.error as ProviderErrorBody | undefined;
      const quota = readOpenRouterQuota(typeof body?.message === 'string' ? body.message : undefined, body?.metadata, thrown.headers);
      return fromStatus(thrown.status, providerMessageOf(thrown), parseRetryAfter(thrown.headers?.get('retry-after'), context.nowMs), {
        nowMs: context.nowMs,
        ...(quota ? { quota } : {}),
      });
    }
    // No status: an error object inside an HTTP 200 stream (OpenRouter's mid-stream error).
    const body = thrown.error as ProviderErrorBody | undefined;
    const code = typeof body?.code === 'number' ? body.code : undefined;
    const providerMessage = providerMessageOf(thrown);
    if (code !== undefined && code !== 200) {
      const classified = fromStatus(code, providerMessage, undefined);
      return { ...classified, message: `The stream failed mid-way: ${classified.message}` };
    }
    return { kind: 'stream_broken', message: 'The provider reported an error mid-stream.', ...(providerMessage ? { providerMessage } : {}) };
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (thrown instanceof SyntaxError) return { kind: 'stream_broken', message: 'The provider sent a malformed stream chunk.', providerMessage: message };
  if (context.streamStarted) return { kind: 'stream_broken', message: 'The stream was cut off before the answer finished.', providerMessage: message };
  return { kind: 'network', message: 'The request failed before any answer arrived.', providerMessage: message };
}
