// Builds the list view's RunSummary from a run row and its responses' aggregates.
import type { RunSummary, RunTarget } from '../../shared/records';

export const promptPreviewLength = 140;
/** Characters of the prompt read for the preview: enough to fill it after collapsing whitespace. */
export const promptHeadLength = 600;

export interface RunSummaryRow {
  id: string;
  created_at: number;
  targets: string;
  /** The prompt's first promptHeadLength + 1 characters (one more tells whether there is more). */
  prompt_head: string;
  total_cost_usd: number | null;
  error_count: number;
  running: number;
}

export function toPromptPreview(promptHead: string): string {
  // Array.from counts code points, as SQLite's substr does, and never splits a surrogate pair.
  const head = Array.from(promptHead);
  const characters = Array.from(head.slice(0, promptHeadLength).join('').replace(/\s+/g, ' ').trim());
  const truncated = characters.length > promptPreviewLength || head.length > promptHeadLength;
  if (!truncated) return characters.join('');
  return `${characters.slice(0, promptPreviewLength - 1).join('').trimEnd()}…`;
}

export function toRunSummary(row: RunSummaryRow): RunSummary {
  const targets = JSON.parse(row.targets) as RunTarget[];
  return {
    id: row.id,
    createdAt: row.created_at,
    promptPreview: toPromptPreview(row.prompt_head),
    models: targets.map((target) => target.model),
    totalCostUsd: row.total_cost_usd,
    errorCount: row.error_count,
    status: row.running === 1 ? 'running' : 'finished',
  };
}
