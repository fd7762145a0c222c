// Dashboard numbers, built on the app's own formatters so costs agree to the cent everywhere.
import type { UsageSums } from '../../../shared/usage-records';
import { formatCount, formatUsd } from '../format/metrics';

/** "$12.34", or "$12.34 + 3 unknown" when some calls had no known cost: never hides them. */
export function formatSpend(sums: Pick<UsageSums, 'knownCostUsd' | 'unknownCostCalls'>): string {
  const known = formatUsd(sums.knownCostUsd);
  return sums.unknownCostCalls > 0 ? `${known} + ${formatCount(sums.unknownCostCalls)} unknown` : known;
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(fraction < 0.1 && fraction > 0 ? 1 : 0)}%`;
}

/** 1.2M, 34.5K, 999 */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
