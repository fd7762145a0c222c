// The browser transport: the same JuxtaApi over the web host's HTTP + SSE protocol.
// POST /api/invoke/<method> answers a Result (also for 400/401/403); GET /api/runs/<id>/events streams batches.
import type { JuxtaApi, MethodName } from '../../../shared/contract';
import { methodNames } from '../../../shared/method-names';
import { isJuxtaError, type JuxtaError, type Result } from '../../../shared/result';
import type { RunEventBatch } from '../../../shared/run-events';

export interface HttpTransportOptions {
  /** Origin and path prefix of the host; '' means same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** Consecutive connection errors after which a subscription gives up instead of reconnecting forever. */
  maxReconnects?: number;
  onSubscriptionError?: (runId: string, error: JuxtaError) => void;
}

function networkError(message: string): Result<never> {
  return { ok: false, error: { kind: 'network', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && isJuxtaError(candidate.error);
}

function statusKind(status: number): JuxtaError['kind'] {
  if (status === 400) return 'invalid_input';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  return 'internal';
}

export function createHttpTransport(options: HttpTransportOptions = {}): JuxtaApi {
  const baseUrl = options.baseUrl ?? '';
  const fetchImplementation = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImplementation = options.EventSource ?? globalThis.EventSource;
  const maxReconnects = options.maxReconnects ?? 5;

  async function invoke(method: MethodName, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetchImplementation(`${baseUrl}/api/invoke/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch (thrown) {
      const detail = thrown instanceof Error ? thrown.message : String(thrown);
      return networkError(`Could not reach the Juxta host (${detail}). Is it still running?`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return {
        ok: false,
        error: { kind: statusKind(response.status), status: response.status, message: `The Juxta host answered ${method} with HTTP ${response.status} and no readable body.` },
      };
    }
    if (isResult(body)) return body;
    return {
      ok: false,
      error: { kind: statusKind(response.status), status: response.status, message: `The Juxta host answered ${method} with an unexpected body (HTTP ${response.status}).` },
    };
  }

  function subscribeRun(runId: string, onBatch: (batch: RunEventBatch) => void): () => void {
    const source = new EventSourceImplementation(`${baseUrl}/api/runs/${encodeURIComponent(runId)}/events`);
    let closed = false;
    let failures = 0;
    const close = () => {
      closed = true;
      source.close();
    };
    source.addEventListener('batch', (message: MessageEvent<string>) => {
      if (closed) return;
      failures = 0;
      let batch: unknown;
      try {
        batch = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!Array.isArray(batch)) return;
      const events = batch as RunEventBatch;
      // The server ends the stream after run-end; closing here stops EventSource from reconnecting.
      if (events.some((event) => event.type === 'run-end')) close();
      onBatch(events);
    });
    source.addEventListener('error', () => {
      if (closed) return;
      failures += 1;
      // CLOSED means the browser gave up (e.g. 401/404); otherwise it retries, and each reconnect replays a snapshot.
      if (source.readyState === EventSourceImplementation.CLOSED || failures > maxReconnects) {
        close();
        options.onSubscriptionError?.(runId, {
          kind: 'network',
          message: `Lost the live stream of run ${runId}. Reopen it from History to see where it stands.`,
        });
      }
    });
    return close;
  }

  const api: Record<string, unknown> = { subscribeRun };
  for (const method of methodNames) api[method] = (input: unknown) => invoke(method, input);
  return api as JuxtaApi;
}
