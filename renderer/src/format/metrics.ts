// Formatting of the numbers in a column's metrics row. Unknown stays visibly unknown: never a guessed 0.
import type { Cost, ModelPricing, TokenUsage } from '../../../shared/records';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatDuration(milliseconds: number | null | undefined): string {
  if (milliseconds === null || milliseconds === undefined || !Number.isFinite(milliseconds)) return '—';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(milliseconds / 60_000);
  const seconds = Math.floor((milliseconds % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

export function formatTokensPerSecond(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} tok/s`;
}

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "in 1,234 · out 567 (+12 cached, +300 reasoning)"; extras only when above zero. */
export function formatTokenUsage(usage: TokenUsage | null): string {
  if (!usage) return '—';
  const extras: string[] = [];
  if (usage.cachedTokens > 0) extras.push(`+${formatCount(usage.cachedTokens)} cached`);
  if (usage.cacheWriteTokens > 0) extras.push(`+${formatCount(usage.cacheWriteTokens)} cache write`);
  if (usage.reasoningTokens > 0) extras.push(`+${formatCount(usage.reasoningTokens)} reasoning`);
  const base = `in ${formatCount(usage.promptTokens)} · out ${formatCount(usage.completionTokens)}`;
  return extras.length > 0 ? `${base} (${extras.join(', ')})` : base;
}

/** $0.00123, $0.0123, $1.23, $1,234.50: three significant digits below a dollar, cents above. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  const sign = usd < 0 ? '-' : '';
  const absolute = Math.abs(usd);
  if (absolute >= 1) {
    return `${sign}$${absolute.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (absolute < 0.000001) return `${sign}<$0.000001`;
  const digits = Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(absolute))));
  let text = absolute.toFixed(digits);
  // Trim zeros that carry no precision, but keep cents.
  while (text.endsWith('0') && text.length - text.indexOf('.') - 1 > 2) text = text.slice(0, -1);
  return `${sign}$${text}`;
}

/**
 * Exact when the provider reported it; an estimate when computed from prices (genai-prices data or
 * the catalog); zero for a model on this machine; otherwise unknown, never a guessed zero.
 */
export function formatCost(cost: Cost | null | undefined): string {
  if (!cost || cost.usd === null || cost.source === 'unknown') return 'unknown';
  switch (cost.source) {
    case 'provider':
      return formatUsd(cost.usd);
    case 'local':
      return `${formatUsd(cost.usd)} local`;
    case 'genai-prices':
    case 'catalog':
      return `≈${formatUsd(cost.usd)} est.`;
  }
}

export function describeCostSource(cost: Cost | null | undefined): string {
  if (!cost || cost.usd === null || cost.source === 'unknown') {
    return 'Cost unknown: the provider did not report it and no price is known for this model.';
  }
  switch (cost.source) {
    case 'provider':
      return 'Exact cost reported by the provider.';
    case 'local':
      return 'A model running on this machine: no charge.';
    case 'genai-prices':
      return 'Estimated: token counts × published prices (genai-prices, with tiers and cache pricing).';
    case 'catalog':
      return 'Estimated: token counts × catalog prices.';
  }
}

/** True when a cost is known but not the provider's own figure. */
export function isEstimate(cost: Cost | null | undefined): boolean {
  return Boolean(cost && cost.usd !== null && (cost.source === 'catalog' || cost.source === 'genai-prices'));
}

/** Price per million tokens, e.g. "$3 / $15" (input / output). */
export function formatPricePerMillion(pricing: ModelPricing | null): string {
  if (!pricing) return 'price unknown';
  if (pricing.prompt === 0 && pricing.completion === 0) return 'free';
  const perMillion = (perToken: number) => {
    const value = perToken * 1_000_000;
    if (value === 0) return '$0';
    if (value >= 100) return `$${Math.round(value)}`;
    return `$${Number(value.toPrecision(3))}`;
  };
  return `${perMillion(pricing.prompt)} / ${perMillion(pricing.completion)}`;
}

export function formatContextLength(tokens: number | null): string {
  if (tokens === null || tokens <= 0) return '';
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(1))}M ctx`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}K ctx`;
  return `${tokens} ctx`;
}

export function formatRunTime(epochMs: number, now: number = Date.now()): string {
  const date = new Date(epochMs);
  const today = new Date(now);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === today.toDateString()) return time;
  const sameYear = date.getFullYear() === today.getFullYear();
  const day = date.toLocaleDateString(undefined, sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' });
  return `${day} ${time}`;
}
