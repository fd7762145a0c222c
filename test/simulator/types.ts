// The simulator's public contract: types only, no logic (STYLE 1).
import type { EventEmitter } from 'node:events';

/** One message of a chat request; only `content` is read (for the prompt-token estimate and the default answer). */
export interface ChatRequestMessage {
  role: string;
  content?: string | Array<{ type: string; text?: string }> | null;
  [field: string]: unknown;
}

/**
 * The parsed body of `POST /chat/completions`. Only the fields the simulator uses are typed;
 * everything else the client sent is kept, so tests can assert on the whole outgoing body.
 */
export interface ChatRequestBody {
  model?: string;
  /** OpenRouter fallback list: the first id the simulator knows is served. */
  models?: string[];
  messages: ChatRequestMessage[];
  stream?: boolean;
  /** Deprecated on OpenRouter (usage is always sent); accepted and ignored. */
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  max_completion_tokens?: number;
  tools?: unknown[];
  [field: string]: unknown;
}

export interface SimulatedToolCall {
  name: string;
  /** Streamed verbatim (it may be invalid JSON on purpose). */
  arguments: string;
}

export type HttpFaultStatus = 400 | 401 | 402 | 403 | 404 | 408 | 413 | 429 | 500 | 502 | 503;

export type Fault =
  /** Reject before streaming with OpenRouter's JSON error body; `code` overrides `error.code` only (the HTTP status stays). */
  | { kind: 'http'; status: HttpFaultStatus; message?: string; retryAfterSeconds?: number; code?: number }
  /** Stop sending after N tokens and keep the socket open (no keep-alive comments either, so idle timeouts fire). */
  | { kind: 'stall'; afterTokens: number }
  /** Destroy the socket after N tokens have been flushed. */
  | { kind: 'disconnect'; afterTokens: number }
  /** After N tokens send one `data: {not json` event, then carry on normally. */
  | { kind: 'malformed-chunk'; afterTokens: number }
  /**
   * After N tokens send OpenRouter's unified mid-stream error chunk (top-level `error`, finish_reason "error") and end.
   * `code` defaults to "server_error", as in OpenRouter's streaming docs; real traffic also carries numbers.
   */
  | { kind: 'midstream-error'; afterTokens: number; message?: string; code?: number | string }
  /** 400 with OpenRouter's "This endpoint's maximum context length is ..." message. */
  | { kind: 'context-length' }
  /** The first `times` requests for this model fail with `status`, later ones succeed (for retry tests). */
  | { kind: 'fail-times'; times: number; status: 429 | 500 | 503; retryAfterSeconds?: number };

export interface SimulatedPricing {
  /** USD per prompt token. */
  prompt: number;
  /** USD per completion token (reasoning tokens included, as OpenRouter bills them). */
  completion: number;
  /** USD per cached prompt token; when absent cached tokens cost the full prompt price. */
  inputCacheRead?: number;
}

export interface SimulatedModel {
  /** Model id as clients ask for it, e.g. 'openai/gpt-4o' or 'sim/fast'. */
  id: string;
  name?: string;
  /** Default 128000. Requests whose prompt estimate plus max_tokens exceed it get OpenRouter's context-length 400. */
  contextLength?: number;
  /** Default $1/M prompt, $2/M completion, $0.25/M cache read. */
  pricing?: SimulatedPricing;
  /** Model id reported in responses when it differs from the one asked (OpenRouter may route). */
  servedAs?: string;
  /** Provider name reported in each chunk's `provider` field, e.g. 'OpenAI'. */
  provider?: string;
  /** Default 50. */
  firstTokenDelayMs?: number;
  /** Default 200; 0 or Infinity sends every token at once. */
  tokensPerSecond?: number;
  /** Content tokens to stream. Default 60 for the generated answer; an explicit `text` is sent whole unless this is set. */
  outputTokens?: number;
  /** Content source; default is deterministic markdown (heading, list, ```ts block) derived from the prompt. */
  text?: string | ((request: ChatRequestBody) => string);
  /** When > 0, stream this many reasoning tokens before the content. */
  reasoningTokens?: number;
  /** 'reasoning' (OpenRouter: `reasoning` + `reasoning_details`) or 'reasoning_content' (DeepSeek style). Default 'reasoning'. */
  reasoningField?: 'reasoning' | 'reasoning_content';
  /**
   * Streamed as tool_calls deltas instead of content when the request has tools; finish_reason 'tool_calls'.
   * A function decides per request (e.g. call a tool until the conversation holds N tool results, then answer in text).
   */
  toolCalls?: SimulatedToolCall[] | ((request: ChatRequestBody) => SimulatedToolCall[]);
  /** Reported in usage.prompt_tokens_details.cached_tokens (capped at the prompt tokens). */
  cachedPromptTokens?: number;
  /** Default true: usage carries OpenRouter's cost fields. false: the plain OpenAI usage a direct provider sends. */
  reportsCost?: boolean;
  fault?: Fault;
}

export interface SimulatorOptions {
  /** Default: defaultModels(). */
  models?: SimulatedModel[];
  /** When set, requests need `Authorization: Bearer <one of these>`; otherwise any key, or none, is accepted. */
  apiKeys?: string[];
  /** Default true: send `: OPENROUTER PROCESSING` before the first chunk, as OpenRouter does. */
  keepAliveComments?: boolean;
  /** Key label reported by GET /key (default: the masked key, as OpenRouter shows it). */
  label?: string;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
}

export interface RecordedRequest {
  /** The model asked for (body.model). */
  model: string;
  body: ChatRequestBody;
  /** Lower-cased names; authorization redacted to 'Bearer ***'. */
  headers: Record<string, string>;
  /** performance.now() when the request arrived. */
  receivedAt: number;
}

export type GenerationOutcome = 'complete' | 'aborted' | 'stalled' | 'disconnected' | 'midstream-error';

export interface SimulatorEventMap {
  request: [request: RecordedRequest];
  'generation-start': [generation: { id: string; model: string }];
  /** The first model-output chunk (reasoning, content or tool call) was written. */
  'first-byte': [generation: { id: string; at: number }];
  /** The generation's timers are gone: it finished, was aborted, or a fault ended it. */
  'generation-end': [generation: { id: string; model: string; outcome: GenerationOutcome }];
}

export interface Simulator {
  /** e.g. http://127.0.0.1:PORT/api/v1 (the openai SDK's baseURL). */
  baseUrl: string;
  port: number;
  /** Every parsed chat request, in arrival order. */
  requests: RecordedRequest[];
  /** Per generation id: performance.now() when its first model-output chunk was written. */
  firstByteTimes: Map<string, number>;
  /** Named events to wait on in tests and benches, instead of sleeping. */
  events: EventEmitter<SimulatorEventMap>;
  /** Generations whose timers are still scheduled; 0 once every stream has ended or been aborted. */
  activeGenerations(): number;
  /** Add or replace a model at runtime (also resets its fail-times counter). */
  setModel(model: SimulatedModel): void;
  /** Ends open streams, destroys sockets and stops listening. Safe to call twice. */
  close(): Promise<void>;
}
