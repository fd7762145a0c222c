// The usage dashboard: where the money goes, by model, day and key, for a chosen range.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JuxtaError } from '../../../shared/result';
import type { UsageReport } from '../../../shared/usage-records';
import { formatCount, formatDuration } from '../format/metrics';
import { useAppStore } from '../state/app-store';
import { api } from '../transport/index';
import { BudgetSettings } from './BudgetSettings';
import { ChartCanvas } from './ChartCanvas';
import { localDate, presetRange, userTimeZone, type DateRange, type RangePreset } from './dashboard-range';
import { latencyChart, otherLabel, spendByConnectionChart, spendByDayChart, spendByModelChart, tokensByDayChart } from './usage-charts';
import { formatPercent, formatSpend } from './usage-format';
import { UsageTable } from './UsageTable';
import { KeyStatusCards } from './key-status/KeyStatusCards';
import './dashboard.css';

interface Filters {
  models?: string[];
  connectionIds?: string[];
}

function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function TotalCard({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div className="dashboard-card">
      <span className="muted small">{label}</span>
      <strong data-testid={testId}>{value}</strong>
      {detail && <span className="muted small">{detail}</span>}
    </div>
  );
}

export function DashboardView() {
  const connections = useAppStore((state) => state.connections);
  const [preset, setPreset] = useState<RangePreset>('30d');
  const [custom, setCustom] = useState<DateRange>(() => presetRange('30d'));
  const [filters, setFilters] = useState<Filters>({});
  const [report, setReport] = useState<UsageReport | null>(null);
  const [error, setError] = useState<JuxtaError | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);

  const range = preset === 'custom' ? custom : presetRange(preset);
  const request = useMemo(
    () => ({ from: range.from, to: range.to, timeZone: userTimeZone(), ...filters }),
    [range.from, range.to, filters],
  );

  const requestKey = `${JSON.stringify(request)}#${refreshKey}`;
  const loading = loadedFor !== requestKey;

  useEffect(() => {
    let current = true;
    void api.getUsageReport(request).then((result) => {
      if (!current) return;
      setLoadedFor(requestKey);
      if (result.ok) {
        setReport(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [request, requestKey]);

  const exportCsv = useCallback(async () => {
    setExporting(true);
    const result = await api.exportUsageCsv(request);
    setExporting(false);
    if (result.ok) downloadText(result.value.filename, result.value.csv);
    else setError(result.error);
  }, [request]);

  const charts = useMemo(
    () =>
      report && {
        spendByDay: spendByDayChart(report),
        spendByModel: spendByModelChart(report),
        spendByConnection: spendByConnectionChart(report),
        tokensByDay: tokensByDayChart(report),
        latency: latencyChart(report),
      },
    [report],
  );
  const filterModel = (model: string | null | undefined) => {
    if (model && model !== otherLabel) setFilters((current) => ({ ...current, models: [model] }));
  };
  const filterConnection = (connectionId: string | undefined) => {
    if (connectionId) setFilters((current) => ({ ...current, connectionIds: [connectionId] }));
  };
  const labelOf = (connectionId: string) => connections.find((connection) => connection.id === connectionId)?.label ?? connectionId;
  const totals = report?.totals;

  return (
    <div className="dashboard" data-testid="dashboard-view" aria-busy={loading}>
      <div className="dashboard-toolbar">
        <h1>Usage</h1>
        <div className="dashboard-range" role="group" aria-label="Date range" data-testid="dashboard-range">
          {(['today', '7d', '30d', 'custom'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={`button small${preset === option ? ' active' : ' ghost'}`}
              aria-pressed={preset === option}
              onClick={() => {
                if (option === 'custom' && preset !== 'custom') setCustom(range);
                setPreset(option);
              }}
            >
              {option === 'today' ? 'Today' : option === '7d' ? '7 days' : option === '30d' ? '30 days' : 'Custom'}
            </button>
          ))}
          {preset === 'custom' && (
            <>
              <input className="input" type="date" aria-label="From" value={custom.from} max={custom.to} onChange={(event) => event.target.value && setCustom({ ...custom, from: event.target.value })} />
              <input className="input" type="date" aria-label="To" value={custom.to} min={custom.from} max={localDate(new Date())} onChange={(event) => event.target.value && setCustom({ ...custom, to: event.target.value })} />
            </>
          )}
        </div>
        <div className="spacer" />
        {filters.models?.map((model) => (
          <button key={model} type="button" className="button ghost small dashboard-chip" onClick={() => setFilters((current) => ({ ...current, models: undefined }))}>
            model: {model} ✕
          </button>
        ))}
        {filters.connectionIds?.map((connectionId) => (
          <button key={connectionId} type="button" className="button ghost small dashboard-chip" onClick={() => setFilters((current) => ({ ...current, connectionIds: undefined }))}>
            key: {labelOf(connectionId)} ✕
          </button>
        ))}
        <button type="button" className="button ghost small" onClick={() => setRefreshKey((key) => key + 1)}>
          Refresh
        </button>
      </div>
      {error && <p className="text-danger">{error.message}</p>}
      <div className="dashboard-cards">
        <TotalCard label="Spend" value={totals ? formatSpend(totals) : '—'} detail={totals && totals.unknownCostCalls > 0 ? 'plus calls whose cost is unknown' : undefined} testId="dashboard-total-spend" />
        <TotalCard label="Calls" value={totals ? formatCount(totals.calls) : '—'} detail={totals ? `${formatPercent(totals.errorRate)} failed` : undefined} testId="dashboard-total-calls" />
        <TotalCard label="Input tokens" value={totals ? formatCount(totals.promptTokens) : '—'} detail={totals ? `${formatCount(totals.cachedTokens)} cached` : undefined} />
        <TotalCard label="Output tokens" value={totals ? formatCount(totals.completionTokens) : '—'} detail={totals ? `${formatCount(totals.reasoningTokens)} reasoning` : undefined} />
      </div>
      {report && charts && (
        <div className="dashboard-grid">
          <section className="dashboard-panel dashboard-wide">
            <h2>Spend per day by model</h2>
            <ChartCanvas
              config={charts.spendByDay}
              label="Spend per day, stacked by model"
              testId="dashboard-chart-spend-by-day"
              onSelect={(_index, datasetIndex) => filterModel(report.spendByDay[datasetIndex]?.model)}
            />
          </section>
          <section className="dashboard-panel">
            <h2>Spend by model</h2>
            <ChartCanvas config={charts.spendByModel} label="Spend by model" testId="dashboard-chart-spend-by-model" onSelect={(index) => filterModel(report.byModel[index]?.model)} />
          </section>
          <section className="dashboard-panel">
            <h2>Spend by key</h2>
            <ChartCanvas
              config={charts.spendByConnection}
              label="Spend by API key"
              testId="dashboard-chart-spend-by-key"
              onSelect={(index) => filterConnection(report.byConnection[index]?.connectionId)}
            />
          </section>
          <section className="dashboard-panel">
            <h2>Tokens per day</h2>
            <ChartCanvas config={charts.tokensByDay} label="Tokens per day" testId="dashboard-chart-tokens-by-day" />
          </section>
          <section className="dashboard-panel">
            <h2>Latency p50 / p95</h2>
            <ChartCanvas config={charts.latency} label="Latency percentiles per model" testId="dashboard-chart-latency" onSelect={(index) => filterModel(report.latency[index]?.model)} />
            {report.latency[0] && (
              <p className="muted small">
                Fastest TTFT p50: {formatDuration(Math.min(...report.latency.map((row) => row.ttftP50Ms ?? Infinity)))} · percentiles within 2.5%
              </p>
            )}
          </section>
        </div>
      )}
      <UsageTable rows={report?.table ?? []} onExport={() => void exportCsv()} exporting={exporting} />
      <KeyStatusCards connections={connections} refreshKey={refreshKey} />
      <BudgetSettings connections={connections} refreshKey={refreshKey} />
    </div>
  );
}
