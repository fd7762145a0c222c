// getUsageReport: two aggregate queries (model x connection over the range; local day x top model)
// and one histogram query (latency of the top models); totals and the "by" lists are folded in JS
// from the model x connection rows (at most models x connections of them).
import type { JuxtaStore } from '../../store/store-types';
import type { UsageReport, UsageTableRow } from '../../../shared/usage-records';
import { latencyPercentiles } from './latency-percentiles';
import { localDaySpans } from './local-days';
import { addRow, bySpend, emptySums, sumsOf } from './usage-sums';

export interface UsageReportInput {
  from: string;
  to: string;
  timeZone: string;
  connectionIds?: string[];
  models?: string[];
}

/** Models shown apart in the stacked spend chart; the rest is "other". */
export const topModelCount = 8;
/** Models whose latency percentiles are read (by calls). */
export const latencyModelCount = 12;

export type UsageTableReport = Pick<UsageReport, 'range' | 'totals' | 'byModel' | 'byConnection' | 'table'>;

/** The model x connection table and what folds from it: one store query (the CSV export needs no more). */
export function buildUsageTable(store: JuxtaStore, input: UsageReportInput, days = localDaySpans(input.from, input.to, input.timeZone)): UsageTableReport {
  const startMs = days[0]?.startMs ?? 0;
  const endMs = days.at(-1)?.endMs ?? 0;
  const filter = { connectionIds: input.connectionIds, models: input.models };
  const labels = new Map(store.listConnections().map((connection) => [connection.id, connection.label]));
  const labelOf = (connectionId: string) => labels.get(connectionId) ?? connectionId;

  const cells = store.aggregateUsage({ segments: [{ bucket: 0, startMs, endMs }], ...filter, modelKey: 'each', byConnection: true });
  const totals = emptySums();
  const models = new Map<string, ReturnType<typeof emptySums>>();
  const connections = new Map<string, ReturnType<typeof emptySums>>();
  const table: UsageTableRow[] = [];
  for (const cell of cells) {
    const model = cell.model ?? '';
    const connectionId = cell.connectionId ?? '';
    addRow(totals, cell);
    addRow(models.get(model) ?? models.set(model, emptySums()).get(model)!, cell);
    addRow(connections.get(connectionId) ?? connections.set(connectionId, emptySums()).get(connectionId)!, cell);
    table.push({
      model,
      connectionId,
      connectionLabel: labelOf(connectionId),
      ...sumsOf(cell),
      averageTtftMs: cell.ttftCalls > 0 ? cell.ttftMsSum / cell.ttftCalls : null,
      tokensPerSecond: cell.generationMs > 0 ? cell.generationTokens / (cell.generationMs / 1000) : null,
    });
  }
  const byModel = [...models].map(([model, sums]) => ({ model, ...sums })).sort(bySpend((item) => item.model));
  const byConnection = [...connections]
    .map(([connectionId, sums]) => ({ connectionId, connectionLabel: labelOf(connectionId), ...sums }))
    .sort(bySpend((item) => item.connectionLabel));
  table.sort(bySpend((item) => `${item.model} ${item.connectionLabel}`));
  return {
    range: { from: input.from, to: input.to, timeZone: input.timeZone, startMs, endMs },
    totals: { ...totals, errorRate: totals.calls > 0 ? totals.errorCalls / totals.calls : null },
    byModel,
    byConnection,
    table,
  };
}

export function buildUsageReport(store: JuxtaStore, input: UsageReportInput): UsageReport {
  const days = localDaySpans(input.from, input.to, input.timeZone);
  const filter = { connectionIds: input.connectionIds, models: input.models };
  const { range, totals, byModel, byConnection, table } = buildUsageTable(store, input, days);
  const { startMs, endMs } = range;

  const topModels = byModel.slice(0, topModelCount).map((item) => item.model);
  const hasOther = byModel.length > topModels.length;
  const dayRows = store.aggregateUsage({
    segments: days.map((day, index) => ({ bucket: index, startMs: day.startMs, endMs: day.endMs })),
    ...filter,
    modelKey: 'top',
    topModels,
    byConnection: false,
  });
  const zeros = () => days.map(() => 0);
  const seriesModels: (string | null)[] = hasOther ? [...topModels, null] : topModels;
  const spendByDay = seriesModels.map((model) => ({ model, knownCostUsd: zeros(), unknownCostCalls: zeros() }));
  const seriesIndex = new Map(seriesModels.map((model, index) => [model, index]));
  const tokensByDay = { promptTokens: zeros(), completionTokens: zeros(), cachedTokens: zeros(), reasoningTokens: zeros(), calls: zeros() };
  for (const row of dayRows) {
    const series = spendByDay[seriesIndex.get(row.model) ?? -1];
    if (series) {
      series.knownCostUsd[row.bucket]! += row.costUsd;
      series.unknownCostCalls[row.bucket]! += row.calls - row.costCalls;
    }
    tokensByDay.promptTokens[row.bucket]! += row.promptTokens;
    tokensByDay.completionTokens[row.bucket]! += row.completionTokens;
    tokensByDay.cachedTokens[row.bucket]! += row.cachedTokens;
    tokensByDay.reasoningTokens[row.bucket]! += row.reasoningTokens;
    tokensByDay.calls[row.bucket]! += row.calls;
  }

  const latencyModels = [...byModel]
    .sort((left, right) => right.calls - right.errorCalls - (left.calls - left.errorCalls) || left.model.localeCompare(right.model))
    .slice(0, latencyModelCount)
    .map((item) => item.model);
  const latency =
    latencyModels.length === 0
      ? []
      : latencyPercentiles(
          store.usageLatencyHistogram({ segments: [{ bucket: 0, startMs, endMs }], connectionIds: input.connectionIds, models: latencyModels }),
          latencyModels,
        );

  return {
    range,
    days: days.map((day) => day.date),
    totals,
    spendByDay,
    tokensByDay,
    byModel,
    byConnection,
    latency,
    table,
  };
}
