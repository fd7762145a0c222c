// The store's surface, typed as one method map so hosts and tests see exactly what it offers.
// Pure Node (better-sqlite3); never imports 'electron'.
import type {
  ConnectionKind,
  CostSource,
  ResponseRecord,
  RunDetail,
  RunRecord,
  RunSummary,
} from '../../shared/records';
import type { ErrorKind } from '../../shared/result';
import type { ReviewsStoreMethods } from './reviews-types';

export interface ConnectionRow {
  id: string;
  kind: ConnectionKind;
  label: string;
  baseUrl: string;
  /** 'vault:<id>' (ciphertext in the secrets table or the host's vault), 'env:NAME', or null for keyless local servers. */
  secretRef: string | null;
  /** Masked key for display, e.g. "sk-or-…9f2c". Never the key. */
  keyHint: string | null;
  createdAt: number;
}

/** One row per provider call (every attempt, including failed ones). Feeds the usage dashboard. */
export interface UsageRow {
  createdAt: number;
  connectionId: string;
  responseId: string | null;
  modelAsked: string;
  modelServed: string | null;
  provider: string | null;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  costUsd: number | null;
  costSource: CostSource;
  status: 'ok' | 'error';
  errorKind: ErrorKind | null;
  ttftMs: number | null;
  totalMs: number | null;
}

/** A time span [startMs, endMs) whose usage is summed into bucket (e.g. the index of a local day). */
export interface UsageSegment {
  bucket: number;
  startMs: number;
  endMs: number;
}

export interface UsageAggregateQuery {
  segments: UsageSegment[];
  connectionIds?: string[];
  models?: string[];
  /** each: one row per model; top: topModels apart and every other model folded into model null; none: models folded. */
  modelKey: 'each' | 'top' | 'none';
  topModels?: string[];
  byConnection: boolean;
}

/** Sums over the calls of one (bucket, model, connection). The model is model_served, else model_asked. */
export interface UsageAggregateRow {
  bucket: number;
  model: string | null;
  connectionId: string | null;
  calls: number;
  errorCalls: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** Sum of the known costs; calls - costCalls had no known cost. */
  costUsd: number;
  costCalls: number;
  ttftMsSum: number;
  ttftCalls: number;
  totalMsSum: number;
  totalCalls: number;
  /** Completion tokens and milliseconds after the first token, of answered calls with both times. */
  generationTokens: number;
  generationMs: number;
}

export interface UsageLatencyQuery {
  segments: UsageSegment[];
  connectionIds?: string[];
  /** The models to read (a handful: the histogram is read per model). */
  models: string[];
}

/** Answered calls of model whose metric fell in [1.05^bucket, 1.05^(bucket+1)) ms. */
export interface UsageLatencyRow {
  model: string;
  metric: 'ttft' | 'total';
  bucket: number;
  calls: number;
}

export interface BudgetRow {
  /** A connection id, or '*' for all connections together. */
  scope: string;
  period: 'day' | 'month';
  limitUsd: number;
  /** IANA zone in which days and months are counted. */
  timeZone: string;
  updatedAt: number;
}

export interface ListRunsQuery {
  search?: string;
  limit: number;
  beforeCreatedAt?: number;
}

/** Ratings, notes, tags, re-run links and blind reviews: see reviews-types.ts. */
export interface JuxtaStore extends ReviewsStoreMethods {
  readonly path: string;
  close(): void;

  insertConnection(row: ConnectionRow): void;
  listConnections(): ConnectionRow[];
  getConnection(id: string): ConnectionRow | undefined;
  deleteConnection(id: string): boolean;

  /** Ciphertext only: the caller encrypts (Electron safeStorage). */
  putSecret(ref: string, ciphertext: Buffer): void;
  getSecret(ref: string): Buffer | undefined;
  deleteSecret(ref: string): void;

  insertRun(run: RunRecord): void;
  /** Inserts or replaces the whole response row (called at start, at checkpoints while streaming, and at end). */
  saveResponse(response: ResponseRecord): void;
  insertUsage(row: UsageRow): void;
  getRun(runId: string): RunDetail | undefined;
  listRuns(query: ListRunsQuery): RunSummary[];
  /** After a crash: responses left pending/streaming become 'stopped' + incomplete, partial text kept. Returns how many. */
  markInterruptedResponses(): number;

  /** Usage sums per segment bucket (exact: hourly rollup for whole hours, usage rows for cut hours). */
  aggregateUsage(query: UsageAggregateQuery): UsageAggregateRow[];
  usageLatencyHistogram(query: UsageLatencyQuery): UsageLatencyRow[];
  listBudgets(): BudgetRow[];
  /** Inserts or replaces the budget for (scope, period). */
  putBudget(row: BudgetRow): void;
  deleteBudget(scope: string, period: 'day' | 'month'): boolean;
}
