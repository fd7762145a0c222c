// Cell formatting shared by the Markdown and HTML exports.
import type { Cost } from '../../../shared/records';
import type { ExportedResponse } from './export-document';

export function formatCost(cost: Cost): string {
  if (cost.usd === null) return `unknown (${cost.source})`;
  return `$${cost.usd.toFixed(cost.usd < 0.01 ? 6 : 4)} (${cost.source})`;
}

export function formatMs(milliseconds: number | null): string {
  return milliseconds === null ? '' : `${Math.round(milliseconds)} ms`;
}

export function formatTokens(response: Pick<ExportedResponse, 'usage'>): string {
  return response.usage === null ? '' : `${response.usage.promptTokens} / ${response.usage.completionTokens}`;
}

export function formatRating(rating: ExportedResponse['rating']): string {
  if (rating === null) return '';
  const parts = [rating.stars === null ? '' : `${'★'.repeat(rating.stars)}${'☆'.repeat(5 - rating.stars)}`, rating.thumb === null ? '' : rating.thumb === 'up' ? '👍' : '👎'];
  return parts.filter(Boolean).join(' ');
}
