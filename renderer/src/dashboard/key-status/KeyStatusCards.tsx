// For each OpenRouter connection: the key's own limit, usage and credits (GET /key, GET /credits)
// next to the spend Juxta recorded through it over the same UTC windows, and the difference explained.
import { useEffect, useState } from 'react';
import type { KeyStatus } from '../../../../shared/catalog-records';
import type { ConnectionSummary } from '../../../../shared/records';
import type { JuxtaError } from '../../../../shared/result';
import type { UsageReport } from '../../../../shared/usage-records';
import { isOpenRouter } from '../../catalog/catalog-toggle';
import { formatCount, formatRunTime, formatUsd } from '../../format/metrics';
import { api } from '../../transport/index';
import { spendSince, utcWindows, type LocalSpend, type UsageWindow } from './utc-windows';
import './key-status.css';

const windowLabels: Record<UsageWindow, string> = { daily: 'Today (UTC)', weekly: 'This week (UTC, from Monday)', monthly: 'This month (UTC)' };
/** Below this the two figures agree (rounding, sub-cent calls). */
const TOLERANCE_USD = 0.005;

interface Loaded {
  status: KeyStatus | null;
  statusError: JuxtaError | null;
  local: Record<UsageWindow, LocalSpend> | null;
  localError: JuxtaError | null;
}

function explainDifference(keyUsd: number, local: LocalSpend): string {
  const difference = keyUsd - local.knownCostUsd;
  const unknown = local.unknownCostCalls > 0 ? ` (${formatCount(local.unknownCostCalls)} recorded calls had no known cost, so part of it may be those)` : '';
  if (Math.abs(difference) < TOLERANCE_USD) return `Juxta recorded the same spend as OpenRouter reports for this key this month${unknown}.`;
  if (difference > 0) return `${formatUsd(difference)} spent through this key outside Juxta or before Juxta recorded it this month${unknown}.`;
  return `Juxta recorded ${formatUsd(-difference)} more than OpenRouter reports this month: OpenRouter's counters can lag a few minutes behind, and estimated costs can differ from the final charge.`;
}

function KeyStatusCard({ connection, refreshKey }: { connection: ConnectionSummary; refreshKey: number }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    const windows = utcWindows(Date.now());
    void Promise.all([
      api.getKeyStatus({ connectionId: connection.id }),
      api.getUsageReport({ from: windows.from, to: windows.today, timeZone: 'UTC', connectionIds: [connection.id] }),
    ]).then(([status, report]) => {
      if (!current) return;
      const local = (usage: UsageReport): Record<UsageWindow, LocalSpend> => ({
        daily: spendSince(usage, windows.daily),
        weekly: spendSince(usage, windows.weekly),
        monthly: spendSince(usage, windows.monthly),
      });
      setLoaded({
        status: status.ok ? status.value : null,
        statusError: status.ok ? null : status.error,
        local: report.ok ? local(report.value) : null,
        localError: report.ok ? null : report.error,
      });
    });
    return () => {
      current = false;
    };
  }, [connection.id, refreshKey]);

  const status = loaded?.status ?? null;
  const local = loaded?.local ?? null;
  return (
    <section className="dashboard-panel key-status" data-testid="key-status-card" data-connection-id={connection.id} aria-busy={loaded === null}>
      <div className="key-status-header">
        <h2>
          OpenRouter key · {connection.label}
          {status?.label && <span className="muted small"> ({status.label})</span>}
        </h2>
        {status && <span className="muted small">checked {formatRunTime(status.checkedAt)}</span>}
      </div>
      {loaded === null && <p className="muted small">Asking OpenRouter…</p>}
      {loaded?.statusError && <p className="text-danger small">Key status unavailable: {loaded.statusError.message}</p>}
      {status && (
        <div className="key-status-facts">
          <div>
            <span className="muted small">Key limit</span>
            <strong data-testid="key-status-limit">{status.limitUsd === null ? 'No limit' : formatUsd(status.limitUsd)}</strong>
            <span className="muted small">
              {status.limitUsd === null ? 'unlimited key' : `${status.limitRemainingUsd === null ? '—' : formatUsd(status.limitRemainingUsd)} remaining${status.limitReset ? `, resets ${status.limitReset}` : ''}`}
            </span>
          </div>
          <div>
            <span className="muted small">Credits balance</span>
            <strong data-testid="key-status-balance">{status.credits ? formatUsd(status.credits.balanceUsd) : '—'}</strong>
            <span className="muted small">
              {status.credits ? `${formatUsd(status.credits.totalUsd)} bought − ${formatUsd(status.credits.usedUsd)} used` : (status.creditsError ?? 'not available for this key')}
            </span>
          </div>
          <div>
            <span className="muted small">Free models today</span>
            <strong data-testid="key-status-free">
              {status.freeModels.usedToday === null ? `${formatCount(status.freeModels.dailyLimit)}/day` : `${formatCount(status.freeModels.usedToday)} / ${formatCount(status.freeModels.dailyLimit)}`}
            </strong>
            <span className="muted small">
              {status.freeModels.remainingToday !== null ? `${formatCount(status.freeModels.remainingToday)} left · ` : ''}
              {status.freeModels.perMinuteLimit}/min · resets {new Date(status.freeModels.resetsAt).toISOString().slice(11, 16)} UTC
              {status.freeModels.source === 'derived' ? ' · from the documented tiers' : ''}
            </span>
          </div>
          <div>
            <span className="muted small">Key usage, all time</span>
            <strong>{formatUsd(status.usageUsd.total)}</strong>
            <span className="muted small">{status.isFreeTier ? 'free tier' : 'paid account'}</span>
          </div>
        </div>
      )}
      {status && (
        <table className="key-status-table">
          <thead>
            <tr>
              <th scope="col">Window</th>
              <th scope="col" className="num">
                OpenRouter (this key)
              </th>
              <th scope="col" className="num">
                Recorded by Juxta
              </th>
              <th scope="col" className="num">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {(['daily', 'weekly', 'monthly'] as const).map((window) => {
              const keyUsd = status.usageUsd[window];
              const mine = local?.[window];
              return (
                <tr key={window} data-window={window}>
                  <th scope="row">{windowLabels[window]}</th>
                  <td className="num" data-testid={`key-usage-${window}`}>
                    {formatUsd(keyUsd)}
                  </td>
                  <td className="num" data-testid={`local-spend-${window}`}>
                    {mine ? formatUsd(mine.knownCostUsd) : '—'}
                    {mine && mine.unknownCostCalls > 0 && <span className="muted small"> + {formatCount(mine.unknownCostCalls)} unknown</span>}
                  </td>
                  <td className="num">{mine ? formatUsd(keyUsd - mine.knownCostUsd) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {loaded?.localError && <p className="text-danger small">Local spend unavailable: {loaded.localError.message}</p>}
      {status && local && (
        <p className="small key-status-explain" data-testid="key-status-difference">
          {explainDifference(status.usageUsd.monthly, local.monthly)}
        </p>
      )}
      <p className="muted small">OpenRouter counts its daily usage from midnight UTC (weekly from Monday, monthly from the 1st), so Juxta's figures here are summed over the same UTC days, not your local ones.</p>
    </section>
  );
}

/** One card per OpenRouter connection; nothing without one. */
export function KeyStatusCards({ connections, refreshKey }: { connections: readonly ConnectionSummary[]; refreshKey: number }) {
  const openRouter = connections.filter((connection) => isOpenRouter(connection));
  if (openRouter.length === 0) return null;
  return (
    <div className="key-status-list">
      {openRouter.map((connection) => (
        <KeyStatusCard key={connection.id} connection={connection} refreshKey={refreshKey} />
      ))}
    </div>
  );
}
