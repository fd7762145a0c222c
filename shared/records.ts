// The data shapes the renderer sees. Plain JSON: they cross IPC, HTTP and go into exports.
import type { JuxtaError } from './result';

export type ConnectionKind = 'openrouter' | 'openai-compatible' | 'demo';

export interface ConnectionSummary {
  id: string;
  kind: ConnectionKind;
  label: string;
  baseUrl: string;
  /** Masked, e.g. "sk-or-…9f2c"; null when the connection has no key. The key itself never leaves the Node side. */
  keyHint: string | null;
  /** Where the key lives: encrypted in the app's vault, named environment variable, or none (local servers). */
  keySource: 'vault' | 'env' | 'none';
  createdAt: number;
  /** The connection preset it belongs to (from its base URL, or as chosen when added), e.g. "openai", "ollama", "custom". */
  preset?: string;
}

export interface ModelPricing {
  /** USD per token. */
  prompt: number;
  completion: number;
  cacheRead?: number;
  cacheWrite?: number;
  /** USD per reasoning token, when a provider bills reasoning apart from other output (rare; else completion). */
  reasoning?: number;
}

export interface ModelInfo {
  id: string;
  name: string;
  contextLength: number | null;
  pricing: ModelPricing | null;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/**
 * provider: the provider's own figure (OpenRouter's usage.cost); genai-prices: computed by
 * @pydantic/genai-prices from its price data (tiers, cache writes); catalog: token counts x the
 * catalog's or the connection's listed prices (an estimate); local: a model on this machine
 * (Ollama, LM Studio), which costs nothing; unknown: no price known (never a guessed zero).
 */
export type CostSource = 'provider' | 'genai-prices' | 'catalog' | 'local' | 'unknown';

export interface Cost {
  /** null means unknown: never a guessed zero. */
  usd: number | null;
  source: CostSource;
}

export interface ResponseMetrics {
  /** Request start to first content (text, reasoning or tool call) delta, monotonic clock, Node side. */
  ttftMs: number | null;
  /** Request start to stream end. */
  totalMs: number | null;
  /** Output tokens per second after the first token. */
  tokensPerSecond: number | null;
}

export type ResponseStatus = 'pending' | 'streaming' | 'done' | 'error' | 'stopped';

export interface AttemptRecord {
  connectionId: string;
  model: string;
  startedAt: number;
  error: JuxtaError | null;
  /** The id sent on the wire when it differs from `model` (e.g. "claude-sonnet-4-20250514" on Anthropic). */
  nativeModel?: string;
  /** Wall time the attempt ended. */
  endedAt?: number;
  /** answered: this attempt's answer is the response; failed: it was retried or fell back; stopped: the user stopped it. */
  outcome?: 'answered' | 'failed' | 'stopped';
  /** After a failure: how long the engine waited before the next attempt (backoff or Retry-After). */
  waitedMs?: number;
}

export interface ToolCallRecord {
  index: number;
  id: string | null;
  name: string;
  arguments: string;
  /**
   * Computed when the response ends (absent while streaming): do the arguments parse as JSON, and do they
   * satisfy the requested tool's `parameters` schema (ajv)? schemaErrors: "<path>: <message>", first
   * violation first; an unknown tool name is one error. Empty when valid or when the tool has no schema.
   */
  validation?: ToolCallValidation;
}

export interface ToolCallValidation {
  validJson: boolean;
  schemaErrors: string[];
}

/** One JSON Schema violation: path as a JSON pointer into the value ("" is the root), ajv's message. */
export interface SchemaViolation {
  path: string;
  message: string;
}

/** The final text checked against RunParams.responseFormat (json_schema: parsed and validated; json_object: parsed). */
export interface StructuredOutputCheck {
  validJson: boolean;
  /** Empty when valid; when the text is not JSON, one entry with path "" and the parse error. */
  errors: SchemaViolation[];
}

export interface ResponseRecord {
  id: string;
  runId: string;
  targetIndex: number;
  connectionId: string;
  modelAsked: string;
  modelServed: string | null;
  providerServed: string | null;
  status: ResponseStatus;
  /** True when the stream ended before the provider said it was finished (partial text kept). */
  incomplete: boolean;
  text: string;
  reasoning: string;
  toolCalls: ToolCallRecord[];
  finishReason: string | null;
  usage: TokenUsage | null;
  cost: Cost;
  metrics: ResponseMetrics;
  error: JuxtaError | null;
  attempts: AttemptRecord[];
  /**
   * Present when the run asked for a responseFormat and the response is done: the answer parsed and checked.
   * Derived from text + the run's schema, so the engine recomputes it when it reads a stored run (no column).
   */
  structuredOutput?: StructuredOutputCheck;
}

/** A tool in OpenAI's `tools` format; `parameters` is a JSON Schema with type "object" at its root. */
export interface ToolDefinition {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    /** OpenAI structured-outputs mode for the arguments. */
    strict?: boolean;
  };
}

/** auto: the model decides; none: never call; required: call at least one; { name }: call this tool. */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export type ResponseFormat =
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean }
  | { type: 'json_object' };

/**
 * Reasoning effort or budget (one of the two). Sent through OpenRouter as `reasoning: { effort | max_tokens, exclude }`;
 * direct providers get their own field (provider/quirks/map-reasoning-request.ts), e.g. OpenAI `reasoning_effort`.
 * exclude: the model reasons but the reasoning text is not returned.
 */
export interface ReasoningOptions {
  effort?: 'low' | 'medium' | 'high';
  maxTokens?: number;
  exclude?: boolean;
}

export interface RunParams {
  temperature?: number;
  maxTokens?: number;
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  responseFormat?: ResponseFormat;
  reasoning?: ReasoningOptions;
}

/** A tool call as an assistant message carries it in a conversation (ToolCallRecord without the streaming index). */
export interface ConversationToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * One earlier message of a column's conversation (the system prompt is RunRecord.systemPrompt, not a message).
 * On the wire: assistant toolCalls -> tool_calls [{ id, type: 'function', function: { name, arguments } }],
 * tool toolCallId -> tool_call_id.
 */
export type ConversationMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ConversationToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

export type RouteSort = 'price' | 'latency' | 'throughput';

/** OpenRouter's native provider preferences (sent as `provider` in the request body, snake_case on the wire). */
export interface OpenRouterProviderPreferences {
  /** Provider slugs to try first, in order (e.g. ["anthropic", "openai"]). */
  order?: string[];
  /** false: use only the listed providers, never OpenRouter's backups. */
  allowFallbacks?: boolean;
  /** Only providers that support every parameter of the request. */
  requireParameters?: boolean;
  dataCollection?: 'allow' | 'deny';
  /** Only these provider slugs. */
  only?: string[];
  /** Never these provider slugs. */
  ignore?: string[];
  quantizations?: string[];
  sort?: RouteSort;
  /** USD per million tokens for prompt and completion; USD per request or image. */
  maxPrice?: { prompt?: number; completion?: number; request?: number; image?: number };
  /** Only zero-data-retention endpoints. */
  zdr?: boolean;
}

/** How one column reaches its model: which connections, in which order, with which retries. */
export interface RoutingPolicy {
  /** Order connections serving the model by price, time to first token or tokens/s (measured locally). */
  sort?: RouteSort;
  /** Connection ids to try first, in this order (others serving the model follow when `sort` is set). */
  order?: string[];
  /** Extra rounds over the candidates after all failed with a retryable error (default 2). */
  retries?: number;
  /** End one provider call after this long (default: only the idle timeout). */
  attemptTimeoutMs?: number;
  /** End the whole response, retries included, after this long. */
  totalTimeoutMs?: number;
  openrouter?: {
    provider?: OpenRouterProviderPreferences;
    /** Send fallback models natively in `models` (default true) so OpenRouter falls back without a round trip. */
    nativeFallbacks?: boolean;
  };
}

export interface RunTarget {
  connectionId: string;
  model: string;
  /** Tried in order when the model fails with a fallback-worthy error (429, 5xx, timeout, network, context length). */
  fallbackModels?: string[];
  routing?: RoutingPolicy;
  /**
   * The column's conversation before this run's prompt (multi-turn): the request is system prompt, these
   * messages, then the run's prompt as a user message (left out when the prompt is empty, e.g. after tool results).
   * Build it with continueConversation (shared/conversation.ts). Kept in the run's targets JSON.
   */
  messages?: ConversationMessage[];
  /** The response this column continues (set by continueConversation's callers and by runToolScenario). */
  continues?: { runId: string; responseId: string };
}

/** A target the catalog says cannot do what the request asks; the run starts anyway (the catalog may be out of date). */
export interface RunWarning {
  targetIndex: number;
  model: string;
  /** tools / structuredOutput / reasoning: the catalog says the model lacks it; reasoningBudget: the connection cannot send a token budget. */
  kind: 'tools' | 'structuredOutput' | 'reasoning' | 'reasoningBudget';
  message: string;
}

/** One column of an auto-mode tool scenario (runToolScenario). */
export interface ToolScenarioColumn {
  targetIndex: number;
  model: string;
  /** The column's response in each step, in order (step n is runIds[n]). */
  responseIds: string[];
  /** answered: ended with a text answer; max-steps: still calling tools after the last step; error / stopped: its last response's status. */
  outcome: 'answered' | 'max-steps' | 'error' | 'stopped';
}

export interface ToolScenarioResult {
  /** One run per step; each step's targets continue the previous step's responses (RunTarget.continues). */
  runIds: string[];
  columns: ToolScenarioColumn[];
  budgetWarnings?: string[];
  warnings?: RunWarning[];
}

export interface RunRecord {
  id: string;
  prompt: string;
  systemPrompt: string | null;
  params: RunParams;
  targets: RunTarget[];
  createdAt: number;
}

export interface RunSummary {
  id: string;
  createdAt: number;
  promptPreview: string;
  models: string[];
  /** Sum of known costs; null when no response has a known cost. */
  totalCostUsd: number | null;
  errorCount: number;
  status: 'running' | 'finished';
}

export interface RunDetail {
  run: RunRecord;
  responses: ResponseRecord[];
}

export interface SecretStorageInfo {
  /** os-keychain: Electron safeStorage with a real keyring; obfuscated: safeStorage on Linux without a keyring;
   *  file: the web host's 0600 secrets file; none: keys come only from environment variables. */
  strength: 'os-keychain' | 'obfuscated' | 'file' | 'none';
  description: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  secretStorage: SecretStorageInfo;
  demoAvailable: boolean;
}
