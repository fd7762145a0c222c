// Shared output for bench scripts: a readable table, and with --json one JSON object as the last line.
export interface BenchRow {
  metric: string;
  value: number | string;
  unit: string;
  budget?: string;
  verdict?: 'ok' | 'over' | '';
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function printReport(title: string, rows: BenchRow[], figures: Record<string, unknown>): void {
  const header = ['metric', 'value', 'unit', 'budget', 'verdict'];
  const table = rows.map((row) => [row.metric, String(row.value), row.unit, row.budget ?? '', row.verdict ?? '']);
  const widths = header.map((name, column) => Math.max(name.length, ...table.map((cells) => cells[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) console.log(line(cells));
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
}
