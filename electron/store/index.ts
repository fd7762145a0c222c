// The SQLite store: opens the database and composes the repositories into one JuxtaStore.
import { closeDatabase, openDatabase } from './database';
import { createConnectionsRepository } from './connections-repository';
import { createReviewsRepository } from './reviews-repository';
import { createRunsRepository } from './runs-repository';
import { createSecretsRepository } from './secrets-repository';
import { defaultSlowQueryMs, withSlowQueryLog, type StoreLog } from './slow-query-log';
import { createUsageRepository } from './usage-repository';
import { createUsageBudgetsRepository } from './usage-budgets-repository';
import { createUsageReportQueries } from './usage-report-queries';
import type { JuxtaStore } from './store-types';
export type { BlindReviewRow, VoteRow } from './reviews-types';

export type {
  BudgetRow,
  ConnectionRow,
  JuxtaStore,
  ListRunsQuery,
  UsageAggregateQuery,
  UsageAggregateRow,
  UsageLatencyRow,
  UsageRow,
  UsageSegment,
} from './store-types';

export interface OpenStoreOptions {
  /** Store methods slower than this are logged (default 40 ms). */
  slowQueryMs?: number;
  /** Where slow queries and migrations are reported (default console.warn). */
  log?: StoreLog;
  /** better-sqlite3 addon built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
}

/** Opens (creating and migrating if needed) the database at path; ':memory:' for a throwaway one. */
export function openStore(path: string, options: OpenStoreOptions = {}): JuxtaStore {
  const log = options.log ?? ((line: string) => console.warn(line));
  const db = openDatabase(path, { nativeBinding: options.nativeBinding, log });
  const methods = withSlowQueryLog(
    {
      ...createConnectionsRepository(db),
      ...createSecretsRepository(db),
      ...createRunsRepository(db),
      ...createUsageRepository(db),
      ...createUsageReportQueries(db),
      ...createUsageBudgetsRepository(db),
      ...createReviewsRepository(db),
    },
    options.slowQueryMs ?? defaultSlowQueryMs,
    log,
  );
  return {
    path,
    close: () => closeDatabase(db),
    ...methods,
  };
}
