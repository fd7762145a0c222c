// The usage dashboard's engine side: report, CSV, budgets. Handlers in engine/index.ts delegate here.
import { JuxtaFailure } from '../../../shared/result';
import type { BudgetStatus, UsageCsv, UsageReport } from '../../../shared/usage-records';
import type { JuxtaStore } from '../../store/store-types';
import { budgetStatuses, checkBudgets, setBudget, type SetBudgetInput } from './usage-budgets';
import { usageCsv } from './usage-csv';
import { isValidTimeZone } from './local-days';
import { buildUsageReport, buildUsageTable, type UsageReportInput } from './usage-report';

export type { SetBudgetInput } from './usage-budgets';
export type { UsageReportInput } from './usage-report';

export interface UsageService {
  report(input: UsageReportInput): UsageReport;
  csv(input: UsageReportInput): UsageCsv;
  budgets(): BudgetStatus[];
  setBudget(input: SetBudgetInput): BudgetStatus[];
  /** Throws when a budget blocks the run (unless override); returns warnings otherwise. */
  checkBudgets(connectionIds: string[], override: boolean): string[];
}

function requireTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new JuxtaFailure({ kind: 'invalid_input', message: `timeZone: unknown time zone "${timeZone}".` });
}

export function createUsageService(store: JuxtaStore, now: () => number): UsageService {
  return {
    report(input) {
      requireTimeZone(input.timeZone);
      return buildUsageReport(store, input);
    },
    csv(input) {
      requireTimeZone(input.timeZone);
      return usageCsv(buildUsageTable(store, input));
    },
    budgets: () => budgetStatuses(store, now()),
    setBudget(input) {
      requireTimeZone(input.timeZone);
      return setBudget(store, input, now());
    },
    checkBudgets: (connectionIds, override) => checkBudgets(store, connectionIds, now(), override),
  };
}
