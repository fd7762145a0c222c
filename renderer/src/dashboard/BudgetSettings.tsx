// Budgets: a daily or monthly spend limit, overall or per key. Warn from 80%, block runs from 100%.
import { useEffect, useState } from 'react';
import type { ConnectionSummary } from '../../../shared/records';
import type { BudgetPeriod, BudgetStatus } from '../../../shared/usage-records';
import { formatUsd } from '../format/metrics';
import { api } from '../transport/index';
import { userTimeZone } from './dashboard-range';
import { formatPercent } from './usage-format';

interface BudgetSettingsProps {
  connections: ConnectionSummary[];
  /** Changes when new usage may have been recorded. */
  refreshKey: number;
}

export function BudgetSettings({ connections, refreshKey }: BudgetSettingsProps) {
  const [budgets, setBudgets] = useState<BudgetStatus[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState('*');
  const [period, setPeriod] = useState<BudgetPeriod>('month');
  const [limit, setLimit] = useState('');

  useEffect(() => {
    let current = true;
    void api.getBudgets({}).then((result) => {
      if (!current) return;
      if (result.ok) setBudgets(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [refreshKey]);

  const save = async (input: { scope: string; period: BudgetPeriod; limitUsd: number | null }) => {
    const result = await api.setBudget({ ...input, timeZone: userTimeZone() });
    if (result.ok) {
      setBudgets(result.value);
      setError(null);
      setLimit('');
    } else setError(result.error.message);
  };

  return (
    <section className="dashboard-panel" data-testid="dashboard-budgets">
      <header className="dashboard-panel-header">
        <h2>Budgets</h2>
        <span className="muted small">Warns at 80%; at 100% new runs ask before starting.</span>
      </header>
      {budgets.length > 0 && (
        <ul className="dashboard-budgets">
          {budgets.map((budget) => (
            <li key={`${budget.scope}:${budget.period}`} className={`dashboard-budget budget-${budget.state}`}>
              <span>
                {budget.scopeLabel} · {budget.period === 'day' ? 'daily' : 'monthly'}
              </span>
              <meter min={0} max={1} low={0.8} high={0.99} optimum={0} value={Math.min(1, budget.fraction)} />
              <span className="mono">
                {formatUsd(budget.spentUsd)} / {formatUsd(budget.limitUsd)} ({formatPercent(budget.fraction)})
                {budget.unknownCostCalls > 0 ? ` + ${budget.unknownCostCalls} unknown` : ''}
              </span>
              <button type="button" className="button ghost small" onClick={() => void save({ scope: budget.scope, period: budget.period, limitUsd: null })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="dashboard-budget-form"
        onSubmit={(event) => {
          event.preventDefault();
          const limitUsd = Number(limit);
          if (!Number.isFinite(limitUsd) || limitUsd <= 0) {
            setError('Enter a limit above $0.');
            return;
          }
          void save({ scope, period, limitUsd });
        }}
      >
        <select className="select" value={scope} onChange={(event) => setScope(event.target.value)} aria-label="Budget scope">
          <option value="*">All keys</option>
          {connections.map((connection) => (
            <option key={connection.id} value={connection.id}>
              {connection.label}
            </option>
          ))}
        </select>
        <select className="select" value={period} onChange={(event) => setPeriod(event.target.value as BudgetPeriod)} aria-label="Budget period">
          <option value="day">per day</option>
          <option value="month">per month</option>
        </select>
        <input className="input" type="number" min="0.01" step="0.01" placeholder="Limit in $" value={limit} onChange={(event) => setLimit(event.target.value)} aria-label="Limit in dollars" />
        <button type="submit" className="button small">
          Set budget
        </button>
      </form>
      {error && <p className="text-danger small">{error}</p>}
    </section>
  );
}
