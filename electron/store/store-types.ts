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

export interface ListRunsQuery {
  search?: string;
  limit: number;
  beforeCreatedAt?: number;
}

export interface JuxtaStore {
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
}
