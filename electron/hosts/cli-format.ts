// How the CLI shows records: one formatter per value, so the compare table and `runs list` agree.
import Table from 'cli-table3';
import type { Cost, ResponseRecord, RunSummary } from '../../shared/records';

const costSourceLabels: Record<Cost['source'], string> = {
  provider: 'exact',
  'genai-prices': 'priced',
  catalog: 'est.',
  local: 'local',
  unknown: 'unknown',
};

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toFixed(6)}` : `$${usd.toFixed(4)}`;
}

export function formatCost(cost: Cost): string {
  if (cost.usd === null) return 'unknown';
  return `${formatUsd(cost.usd)} ${costSourceLabels[cost.source]}`;
}

function formatNumber(value: number | null, digits = 0): string {
  return value === null ? '–' : value.toFixed(digits);
}

export function formatStatus(response: ResponseRecord): string {
  if (response.status === 'error') return `error (${response.error?.kind ?? 'unknown'})`;
  return response.incomplete ? `${response.status} (incomplete)` : response.status;
}

export function formatServed(response: ResponseRecord): string {
  if (!response.modelServed) return '–';
  return response.providerServed ? `${response.modelServed} (${response.providerServed})` : response.modelServed;
}

export function responsesTable(responses: ResponseRecord[], colors: boolean): string {
  const table = new Table({
    head: ['Model asked', 'Served', 'Status', 'TTFT ms', 'Total ms', 'tok/s', 'Tokens in/out', 'Cost'],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    style: colors ? { head: ['bold'], border: [] } : { head: [], border: [] },
  });
  for (const response of responses) {
    table.push([
      response.modelAsked,
      formatServed(response),
      formatStatus(response),
      formatNumber(response.metrics.ttftMs),
      formatNumber(response.metrics.totalMs),
      formatNumber(response.metrics.tokensPerSecond, 1),
      response.usage ? `${response.usage.promptTokens}/${response.usage.completionTokens}` : '–',
      formatCost(response.cost),
    ]);
  }
  return table.toString();
}

export function formatTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function runsTable(runs: RunSummary[], colors: boolean): string {
  const table = new Table({
    head: ['Created', 'Run id', 'Models', 'Cost', 'Errors', 'Status', 'Prompt'],
    style: colors ? { head: ['bold'], border: [] } : { head: [], border: [] },
  });
  for (const run of runs) {
    const preview = run.promptPreview.replace(/\s+/g, ' ');
    table.push([
      formatTimestamp(run.createdAt),
      run.id,
      run.models.join('\n'),
      run.totalCostUsd === null ? 'unknown' : formatUsd(run.totalCostUsd),
      String(run.errorCount),
      run.status,
      preview.length > 48 ? `${preview.slice(0, 47)}…` : preview,
    ]);
  }
  return table.toString();
}
