// CSV of the dashboard's model x connection table. papaparse quotes and escapes; escapeFormulae stops a
// provider-named model such as "=HYPERLINK(...)" from running as a formula in a spreadsheet.
import Papa from 'papaparse';
import type { UsageReport, UsageCsv } from '../../../shared/usage-records';

// Plain numbers for spreadsheets: costs to the micro-dollar, averages to 0.1.
const micro = (usd: number) => Math.round(usd * 1e6) / 1e6;
const tenth = (value: number | null) => (value === null ? '' : Math.round(value * 10) / 10);

/** Only the table and the range are read: the export builds no charts. */
export function usageCsv(report: Pick<UsageReport, 'range' | 'table'>): UsageCsv {
  const csv = Papa.unparse({
    fields: [
      'model',
      'connection',
      'connection_id',
      'calls',
      'errors',
      'input_tokens',
      'output_tokens',
      'cached_tokens',
      'cache_write_tokens',
      'reasoning_tokens',
      'known_cost_usd',
      'unknown_cost_calls',
      'avg_ttft_ms',
      'tokens_per_second',
    ],
    data: report.table.map((row) => [
      row.model,
      row.connectionLabel,
      row.connectionId,
      row.calls,
      row.errorCalls,
      row.promptTokens,
      row.completionTokens,
      row.cachedTokens,
      row.cacheWriteTokens,
      row.reasoningTokens,
      micro(row.knownCostUsd),
      row.unknownCostCalls,
      tenth(row.averageTtftMs),
      tenth(row.tokensPerSecond),
    ]),
  }, { newline: '\n', escapeFormulae: true });
  const zone = report.range.timeZone.replace(/[^A-Za-z0-9]+/g, '-');
  return { filename: `juxta-usage-${report.range.from}-to-${report.range.to}-${zone}.csv`, csv: `${csv}\n` };
}
