// Folding store aggregate rows into the contract's sums.
import type { UsageAggregateRow } from '../../store/store-types';
import type { UsageSums } from '../../../shared/usage-records';

export function emptySums(): UsageSums {
  return {
    calls: 0,
    errorCalls: 0,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    knownCostUsd: 0,
    unknownCostCalls: 0,
  };
}

export function addRow(sums: UsageSums, row: UsageAggregateRow): UsageSums {
  sums.calls += row.calls;
  sums.errorCalls += row.errorCalls;
  sums.promptTokens += row.promptTokens;
  sums.completionTokens += row.completionTokens;
  sums.cachedTokens += row.cachedTokens;
  sums.cacheWriteTokens += row.cacheWriteTokens;
  sums.reasoningTokens += row.reasoningTokens;
  sums.knownCostUsd += row.costUsd;
  sums.unknownCostCalls += row.calls - row.costCalls;
  return sums;
}

export function sumsOf(row: UsageAggregateRow): UsageSums {
  return addRow(emptySums(), row);
}

/** Spend first, then calls, then name: the order of every "by" list. */
export function bySpend<Item extends UsageSums>(name: (item: Item) => string) {
  return (left: Item, right: Item): number =>
    right.knownCostUsd - left.knownCostUsd || right.calls - left.calls || name(left).localeCompare(name(right));
}
