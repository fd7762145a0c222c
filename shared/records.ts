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
}

export interface ModelPricing {
  /** USD per token. */
  prompt: number;
  completion: number;
  cacheRead?: number;
  cacheWrite?: number;
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

export type CostSource = 'provider' | 'catalog' | 'unknown';

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
}

export interface ToolCallRecord {
  index: number;
  id: string | null;
  name: string;
  arguments: string;
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
}

export interface RunParams {
  temperature?: number;
  maxTokens?: number;
}

export interface RunTarget {
  connectionId: string;
  model: string;
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
