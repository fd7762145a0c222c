// Budgets: an optional daily or monthly spend limit per connection or overall ('*'). Warn from 80%,
// block new runs from 100% unless the user overrides. Spend is the known cost of the current local
// day or month in the budget's time zone, read from the same exact aggregates as the dashboard.
import { JuxtaFailure } from '../../../shared/result';
import type { BudgetPeriod, BudgetStatus } from '../../../shared/usage-records';
import type { BudgetRow, JuxtaStore } from '../../store/store-types';
import { formatBudgetUsd } from './format-budget';
import { localDateOf, localDaySpans, localMonthOf } from './local-days';

export const overallScope = '*';
export const warningFraction = 0.8;

export interface SetBudgetInput {
  scope: string;
  period: BudgetPeriod;
  /** null removes the budget. */
  limitUsd: number | null;
  timeZone: string;
}

function periodSpan(period: BudgetPeriod, nowMs: number, timeZone: string): { startMs: number; endMs: number } {
  const range = period === 'day' ? { from: localDateOf(nowMs, timeZone), to: localDateOf(nowMs, timeZone) } : localMonthOf(nowMs, timeZone);
  const days = localDaySpans(range.from, range.to, timeZone);
  return { startMs: days[0]!.startMs, endMs: days.at(-1)!.endMs };
}

function statusOf(store: JuxtaStore, budget: BudgetRow, nowMs: number, labels: Map<string, string>): BudgetStatus {
  const span = periodSpan(budget.period, nowMs, budget.timeZone);
  const [sums] = store.aggregateUsage({
    segments: [{ bucket: 0, ...span }],
    connectionIds: budget.scope === overallScope ? undefined : [budget.scope],
    modelKey: 'none',
    byConnection: false,
  });
  const spentUsd = sums?.costUsd ?? 0;
  const fraction = spentUsd / budget.limitUsd;
  return {
    scope: budget.scope,
    scopeLabel: budget.scope === overallScope ? 'All connections' : (labels.get(budget.scope) ?? budget.scope),
    period: budget.period,
    limitUsd: budget.limitUsd,
    timeZone: budget.timeZone,
    spentUsd,
    unknownCostCalls: sums ? sums.calls - sums.costCalls : 0,
    fraction,
    state: fraction >= 1 ? 'exceeded' : fraction >= warningFraction ? 'warning' : 'ok',
    periodStartMs: span.startMs,
    periodEndMs: span.endMs,
  };
}

export function budgetStatuses(store: JuxtaStore, nowMs: number): BudgetStatus[] {
  const labels = new Map(store.listConnections().map((connection) => [connection.id, connection.label]));
  return store.listBudgets().map((budget) => statusOf(store, budget, nowMs, labels));
}

export function setBudget(store: JuxtaStore, input: SetBudgetInput, nowMs: number): BudgetStatus[] {
  if (input.scope !== overallScope && !store.getConnection(input.scope)) {
    throw new JuxtaFailure({ kind: 'invalid_input', message: `scope: no connection with id ${input.scope} (use "*" for all connections).` });
  }
  if (input.limitUsd === null) store.deleteBudget(input.scope, input.period);
  else store.putBudget({ scope: input.scope, period: input.period, limitUsd: input.limitUsd, timeZone: input.timeZone, updatedAt: nowMs });
  return budgetStatuses(store, nowMs);
}

function describe(status: BudgetStatus): string {
  const period = status.period === 'day' ? 'daily' : 'monthly';
  const spent = `${formatBudgetUsd(status.spentUsd)} of ${formatBudgetUsd(status.limitUsd)} (${Math.floor(status.fraction * 100)}%)`;
  return `${status.scopeLabel}: ${period} budget, ${spent} spent ${status.period === 'day' ? 'today' : 'this month'}`;
}

/**
 * Before a run: throws when a budget that covers one of the run's connections is used up (unless
 * overridden), else returns a warning line for each budget at 80% or more.
 */
export function checkBudgets(store: JuxtaStore, connectionIds: string[], nowMs: number, override: boolean): string[] {
  const concerned = budgetStatuses(store, nowMs).filter((status) => status.scope === overallScope || connectionIds.includes(status.scope));
  const exceeded = concerned.filter((status) => status.state === 'exceeded');
  if (exceeded.length > 0 && !override) {
    const first = exceeded[0]!;
    throw new JuxtaFailure({
      kind: 'invalid_input',
      message: `Budget reached. ${exceeded.map(describe).join('; ')}. Run anyway to override it once, or raise the limit in the dashboard's budgets.`,
      // Lets the UI offer "Run anyway" (startRun with overrideBudget: true).
      quota: { name: 'juxta-budget', limit: first.limitUsd, remaining: Math.max(0, first.limitUsd - first.spentUsd) },
    });
  }
  return concerned.filter((status) => status.state !== 'ok').map(describe);
}
