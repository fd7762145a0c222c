// Dashboard bench: times getUsageReport (and each store query it makes), the CSV export and the budget
// check on 1,000,000 usage rows (bench/seed-usage.ts, cached in os.tmpdir()) against the 100 ms budget.
// Usage: npx tsx bench/dashboard.ts [--json] [--uniform] [--runs N] [--rows N]
import { performance } from 'node:perf_hooks';
import { createUsageService } from '../electron/engine/usage/index';
import { addDays } from '../electron/engine/usage/local-days';
import { openStore } from '../electron/store/index';
import type { JuxtaStore } from '../electron/store/store-types';
import { percentile, printReport, round, type BenchRow } from './bench-report';
import { ensureSeededUsage, seedConnectionIds, seedEndMs, seedModels, type SeedMode } from './seed-usage';

const argumentList = process.argv.slice(2);
function numberArgument(name: string, fallback: number): number {
  const index = argumentList.indexOf(name);
  const value = index === -1 ? undefined : Number(argumentList[index + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}
const mode: SeedMode = argumentList.includes('--uniform') ? 'uniform' : 'realistic';
const rows = numberArgument('--rows', 1_000_000);
const runs = numberArgument('--runs', 9);
const budgetMs = 100;

const path = ensureSeededUsage({ mode, rows });
const store = openStore(path, { log: () => {}, slowQueryMs: Number.POSITIVE_INFINITY });

// Times each store query the service makes, by the order it makes them in (table, per day, latency).
const storeQueryNames = ['store: model x connection', 'store: day x top model', 'store: latency histogram'];
let currentQueries: number[] = [];
const timedStore: JuxtaStore = new Proxy(store, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver) as unknown;
    if ((property === 'aggregateUsage' || property === 'usageLatencyHistogram') && typeof value === 'function') {
      return (...args: unknown[]) => {
        const startedAt = performance.now();
        try {
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        } finally {
          currentQueries.push(performance.now() - startedAt);
        }
      };
    }
    return value;
  },
});
const usage = createUsageService(timedStore, () => seedEndMs - 3_600_000);

const lastDay = '2025-05-31';
interface Case {
  name: string;
  run: () => unknown;
  report: boolean;
}
const report = (days: number, timeZone: string, extra: { connectionIds?: string[]; models?: string[] } = {}) => () =>
  usage.report({ from: addDays(lastDay, 1 - days), to: lastDay, timeZone, ...extra });
const cases: Case[] = [
  { name: 'report today (New York)', run: report(1, 'America/New_York'), report: true },
  { name: 'report 7 d (New York)', run: report(7, 'America/New_York'), report: true },
  { name: 'report 30 d (New York)', run: report(30, 'America/New_York'), report: true },
  { name: 'report 30 d (Kolkata, +5:30)', run: report(30, 'Asia/Kolkata'), report: true },
  { name: 'report 90 d (New York)', run: report(90, 'America/New_York'), report: true },
  { name: 'report 365 d (New York)', run: report(365, 'America/New_York'), report: true },
  { name: 'report 365 d (Kolkata, +5:30)', run: report(365, 'Asia/Kolkata'), report: true },
  { name: 'report 30 d, one key', run: report(30, 'America/New_York', { connectionIds: [seedConnectionIds[0]!] }), report: true },
  { name: 'report 30 d, one model', run: report(30, 'America/New_York', { models: [seedModels[0]!] }), report: true },
  { name: 'CSV export 30 d', run: () => usage.csv({ from: addDays(lastDay, -29), to: lastDay, timeZone: 'America/New_York' }), report: false },
  { name: 'budget check (day + month, 2 budgets)', run: () => usage.checkBudgets([seedConnectionIds[0]!], true), report: false },
];

// Budgets for the check: overall daily and one key's monthly.
store.putBudget({ scope: '*', period: 'day', limitUsd: 1_000_000, timeZone: 'America/New_York', updatedAt: 0 });
store.putBudget({ scope: seedConnectionIds[0]!, period: 'month', limitUsd: 1_000_000, timeZone: 'America/New_York', updatedAt: 0 });

const benchRows: BenchRow[] = [];
const figures: Record<string, unknown> = { rows, mode, runs, budgetMs, cases: {} as Record<string, unknown> };
let worstP95 = 0;
for (const benchCase of cases) {
  const totals: number[] = [];
  const perQuery: number[][] = storeQueryNames.map(() => []);
  benchCase.run(); // warm-up: page cache and prepared statements
  for (let index = 0; index < runs; index += 1) {
    currentQueries = [];
    const startedAt = performance.now();
    benchCase.run();
    totals.push(performance.now() - startedAt);
    if (benchCase.report) currentQueries.forEach((ms, query) => perQuery[query]?.push(ms));
  }
  const p50 = round(percentile(totals, 0.5));
  const p95 = round(percentile(totals, 0.95));
  worstP95 = Math.max(worstP95, p95);
  benchRows.push({ metric: `${benchCase.name} p50`, value: p50, unit: 'ms' });
  benchRows.push({ metric: `${benchCase.name} p95`, value: p95, unit: 'ms', budget: `< ${budgetMs}`, verdict: p95 < budgetMs ? 'ok' : 'over' });
  const queries: Record<string, { p50: number; p95: number }> = {};
  if (benchCase.report) {
    perQuery.forEach((samples, query) => {
      if (samples.length === 0) return;
      queries[storeQueryNames[query]!] = { p50: round(percentile(samples, 0.5)), p95: round(percentile(samples, 0.95)) };
      benchRows.push({ metric: `  ${storeQueryNames[query]} p95`, value: round(percentile(samples, 0.95)), unit: 'ms' });
    });
  }
  (figures.cases as Record<string, unknown>)[benchCase.name] = { p50, p95, queries };
}
figures.worstP95Ms = worstP95;
for (const budget of store.listBudgets()) store.deleteBudget(budget.scope, budget.period);
store.close();

printReport(`Usage dashboard: ${rows.toLocaleString('en-US')} usage rows (${mode}), ${runs} runs per query`, benchRows, figures);
