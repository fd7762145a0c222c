// The model x connection table: sortable by any column (client-side), exportable to CSV.
import { useMemo, useState } from 'react';
import type { UsageTableRow } from '../../../shared/usage-records';
import { formatCount, formatDuration, formatTokensPerSecond } from '../format/metrics';
import { formatSpend } from './usage-format';

type SortKey = 'model' | 'connectionLabel' | 'calls' | 'promptTokens' | 'completionTokens' | 'knownCostUsd' | 'averageTtftMs' | 'tokensPerSecond';

const columns: { key: SortKey; label: string; numeric: boolean; render: (row: UsageTableRow) => string }[] = [
  { key: 'model', label: 'Model', numeric: false, render: (row) => row.model },
  { key: 'connectionLabel', label: 'Key', numeric: false, render: (row) => row.connectionLabel },
  { key: 'calls', label: 'Calls', numeric: true, render: (row) => (row.errorCalls > 0 ? `${formatCount(row.calls)} (${formatCount(row.errorCalls)} failed)` : formatCount(row.calls)) },
  { key: 'promptTokens', label: 'Input tokens', numeric: true, render: (row) => formatCount(row.promptTokens) },
  { key: 'completionTokens', label: 'Output tokens', numeric: true, render: (row) => formatCount(row.completionTokens) },
  { key: 'knownCostUsd', label: 'Cost', numeric: true, render: formatSpend },
  { key: 'averageTtftMs', label: 'Avg TTFT', numeric: true, render: (row) => formatDuration(row.averageTtftMs) },
  { key: 'tokensPerSecond', label: 'Avg tok/s', numeric: true, render: (row) => formatTokensPerSecond(row.tokensPerSecond) },
];

function compare(left: UsageTableRow, right: UsageTableRow, key: SortKey): number {
  const a = left[key];
  const b = right[key];
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  // Unknown values (null) sort last either way.
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return (a as number) - (b as number);
}

interface UsageTableProps {
  rows: UsageTableRow[];
  onExport: () => void;
  exporting: boolean;
}

export function UsageTable({ rows, onExport, exporting }: UsageTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'knownCostUsd', descending: true });
  const sorted = useMemo(() => {
    const copy = [...rows].sort((left, right) => compare(left, right, sort.key));
    return sort.descending ? copy.reverse() : copy;
  }, [rows, sort]);

  return (
    <section className="dashboard-panel dashboard-table-panel">
      <header className="dashboard-panel-header">
        <h2>By model and key</h2>
        <button type="button" className="button small" onClick={onExport} disabled={exporting || rows.length === 0} data-testid="dashboard-export-csv">
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </header>
      <div className="dashboard-table-scroll">
        <table className="dashboard-table" data-testid="dashboard-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="dashboard-sort"
                    onClick={() => setSort((current) => ({ key: column.key, descending: current.key === column.key ? !current.descending : column.numeric }))}
                  >
                    {column.label}
                    {sort.key === column.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={`${row.model}\u0000${row.connectionId}`}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
            {sorted.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="muted">
                  No calls in this range.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
