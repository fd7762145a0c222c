// Usage dashboard and budget records: what getUsageReport, exportUsageCsv, getBudgets and setBudget return.
// Costs: knownCostUsd sums the calls whose cost is known; unknownCostCalls counts the others, never hidden.

export interface UsageSums {
  calls: number;
  errorCalls: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** Sum of the known costs (provider-reported, estimated or local). */
  knownCostUsd: number;
  /** Calls whose cost is unknown: the spend is at least knownCostUsd. */
  unknownCostCalls: number;
}

export interface UsageTotals extends UsageSums {
  /** errorCalls / calls; null without calls. */
  errorRate: number | null;
}

export interface UsageModelSums extends UsageSums {
  model: string;
}

export interface UsageConnectionSums extends UsageSums {
  connectionId: string;
  /** The connection's label, or the id when the connection was deleted. */
  connectionLabel: string;
}

/** One series of the stacked spend chart; model null is "other" (every model outside the top ones). */
export interface UsageDaySeries {
  model: string | null;
  /** Per day (aligned with UsageReport.days). */
  knownCostUsd: number[];
  unknownCostCalls: number[];
}

export interface UsageDayTokens {
  promptTokens: number[];
  completionTokens: number[];
  cachedTokens: number[];
  reasoningTokens: number[];
  calls: number[];
}

/** Percentiles from a log-bucket histogram: within 2.5% of the exact value. null without samples. */
export interface UsageLatency {
  model: string;
  answeredCalls: number;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  totalP50Ms: number | null;
  totalP95Ms: number | null;
}

export interface UsageTableRow extends UsageSums {
  model: string;
  connectionId: string;
  connectionLabel: string;
  averageTtftMs: number | null;
  /** Completion tokens per second after the first token, over answered calls. */
  tokensPerSecond: number | null;
}

export interface UsageReport {
  /** Local days from..to (inclusive) in timeZone; startMs/endMs the UTC instants bounding them. */
  range: { from: string; to: string; timeZone: string; startMs: number; endMs: number };
  /** The local days of the range, 'YYYY-MM-DD'. */
  days: string[];
  totals: UsageTotals;
  spendByDay: UsageDaySeries[];
  tokensByDay: UsageDayTokens;
  /** By known spend, then calls, descending. */
  byModel: UsageModelSums[];
  byConnection: UsageConnectionSums[];
  /** For the top models by calls. */
  latency: UsageLatency[];
  /** Grouped by model x connection; the renderer sorts it. */
  table: UsageTableRow[];
}

export interface UsageCsv {
  filename: string;
  csv: string;
}

export type BudgetPeriod = 'day' | 'month';

export interface BudgetStatus {
  /** A connection id, or '*' for all connections together. */
  scope: string;
  scopeLabel: string;
  period: BudgetPeriod;
  limitUsd: number;
  timeZone: string;
  /** Known spend in the current day or month (in timeZone). */
  spentUsd: number;
  unknownCostCalls: number;
  /** spentUsd / limitUsd */
  fraction: number;
  /** warning from 80%, exceeded from 100%: new runs on it are blocked unless overridden. */
  state: 'ok' | 'warning' | 'exceeded';
  periodStartMs: number;
  periodEndMs: number;
}
