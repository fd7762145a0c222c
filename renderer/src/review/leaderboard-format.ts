// Numbers of the leaderboard table.
import type { LeaderboardEntry } from '../../../shared/review-records';

export function formatWinRate(entry: Pick<LeaderboardEntry, 'winRate' | 'votes'>): string {
  return entry.votes === 0 ? '–' : `${Math.round(entry.winRate * 100)}%`;
}

export function formatScore(entry: Pick<LeaderboardEntry, 'score' | 'scoreLow' | 'scoreHigh'>): { score: string; interval: string } {
  const round = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : value > 0 ? '∞' : '−∞');
  return { score: round(entry.score), interval: `${round(entry.scoreLow)}–${round(entry.scoreHigh)}` };
}

/** "+12 ms", "−$0.0012", "0"; "–" when unknown. */
export function formatSigned(value: number | null, format: (value: number) => string = String): string {
  if (value === null) return '–';
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}
