// Spend budgets: an optional daily or monthly limit, per connection or for all of them ('*').
import type { Database } from 'better-sqlite3';
import type { BudgetRow } from './store-types';

interface BudgetRecord {
  scope: string;
  period: 'day' | 'month';
  limit_usd: number;
  time_zone: string;
  updated_at: number;
}

export function createUsageBudgetsRepository(db: Database) {
  const listStatement = db.prepare<[], BudgetRecord>('SELECT * FROM budgets ORDER BY scope, period');
  const putStatement = db.prepare<[BudgetRecord]>(`
    INSERT INTO budgets (scope, period, limit_usd, time_zone, updated_at)
    VALUES (@scope, @period, @limit_usd, @time_zone, @updated_at)
    ON CONFLICT (scope, period) DO UPDATE SET
      limit_usd = excluded.limit_usd, time_zone = excluded.time_zone, updated_at = excluded.updated_at`);
  const deleteStatement = db.prepare<[string, string]>('DELETE FROM budgets WHERE scope = ? AND period = ?');

  return {
    listBudgets(): BudgetRow[] {
      return listStatement.all().map((record) => ({
        scope: record.scope,
        period: record.period,
        limitUsd: record.limit_usd,
        timeZone: record.time_zone,
        updatedAt: record.updated_at,
      }));
    },
    putBudget(row: BudgetRow): void {
      putStatement.run({ scope: row.scope, period: row.period, limit_usd: row.limitUsd, time_zone: row.timeZone, updated_at: row.updatedAt });
    },
    deleteBudget(scope: string, period: 'day' | 'month'): boolean {
      return deleteStatement.run(scope, period).changes > 0;
    },
  };
}
