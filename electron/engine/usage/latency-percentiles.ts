// Percentiles from the store's log-bucket latency histogram (ratio 1.05): the bucket holding the
// requested rank, reported at its geometric middle, so within 2.5% of the exact percentile.
import type { UsageLatencyRow } from '../../store/store-types';
import type { UsageLatency } from '../../../shared/usage-records';

const bucketRatio = 1.05;

function percentileOf(buckets: { bucket: number; calls: number }[], fraction: number): number | null {
  const total = buckets.reduce((sum, entry) => sum + entry.calls, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (const entry of buckets) {
    seen += entry.calls;
    if (seen >= rank) return bucketRatio ** (entry.bucket + 0.5);
  }
  return null;
}

/** Rows must be sorted by model, metric, bucket (as the store returns them). */
export function latencyPercentiles(rows: UsageLatencyRow[], models: string[]): UsageLatency[] {
  const byModel = new Map<string, { ttft: { bucket: number; calls: number }[]; total: { bucket: number; calls: number }[] }>();
  for (const row of rows) {
    let entry = byModel.get(row.model);
    if (!entry) byModel.set(row.model, (entry = { ttft: [], total: [] }));
    entry[row.metric].push({ bucket: row.bucket, calls: row.calls });
  }
  return models.map((model) => {
    const entry = byModel.get(model) ?? { ttft: [], total: [] };
    return {
      model,
      answeredCalls: entry.total.reduce((sum, bucket) => sum + bucket.calls, 0),
      ttftP50Ms: percentileOf(entry.ttft, 0.5),
      ttftP95Ms: percentileOf(entry.ttft, 0.95),
      totalP50Ms: percentileOf(entry.total, 0.5),
      totalP95Ms: percentileOf(entry.total, 0.95),
    };
  });
}
