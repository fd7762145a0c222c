// OpenRouter's key usage windows (GET /key): usage_daily from UTC midnight, usage_weekly from Monday
// 00:00 UTC, usage_monthly from the 1st 00:00 UTC. Juxta's own spend is summed over the same days.
import type { UsageReport } from '../../../../shared/usage-records';

export type UsageWindow = 'daily' | 'weekly' | 'monthly';

export interface UtcWindows {
  today: string;
  daily: string;
  weekly: string;
  monthly: string;
  /** First day to ask getUsageReport for: the earlier of the week's and the month's start. */
  from: string;
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcWindows(nowMs: number): UtcWindows {
  const now = new Date(nowMs);
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekStart = dayStart - ((now.getUTCDay() + 6) % 7) * 86_400_000;
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return {
    today: utcDate(dayStart),
    daily: utcDate(dayStart),
    weekly: utcDate(weekStart),
    monthly: utcDate(monthStart),
    from: utcDate(Math.min(weekStart, monthStart)),
  };
}

export interface LocalSpend {
  knownCostUsd: number;
  unknownCostCalls: number;
  calls: number;
}

/** Sums a UTC-day report (timeZone 'UTC') from `from` to the report's last day. */
export function spendSince(report: UsageReport, from: string): LocalSpend {
  const spend: LocalSpend = { knownCostUsd: 0, unknownCostCalls: 0, calls: 0 };
  report.days.forEach((day, index) => {
    if (day < from) return;
    for (const series of report.spendByDay) {
      spend.knownCostUsd += series.knownCostUsd[index] ?? 0;
      spend.unknownCostCalls += series.unknownCostCalls[index] ?? 0;
    }
    spend.calls += report.tokensByDay.calls[index] ?? 0;
  });
  return spend;
}
