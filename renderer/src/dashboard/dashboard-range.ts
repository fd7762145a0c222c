// The dashboard's date ranges, as local dates in the renderer's own time zone.
export type RangePreset = 'today' | '7d' | '30d' | 'custom';

export interface DateRange {
  from: string;
  to: string;
}

/** 'YYYY-MM-DD' of a Date in the local zone. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date = new Date()): DateRange {
  const days = preset === 'today' ? 1 : preset === '7d' ? 7 : 30;
  const first = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: localDate(first), to: localDate(now) };
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
