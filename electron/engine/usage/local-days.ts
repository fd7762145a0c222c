// Local calendar days in an IANA time zone as UTC instants, computed with Intl (DST included):
// a call at 23:30 local belongs to that local day, whatever the zone's offset that day.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localTimeAt(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Local minus UTC at an instant, in ms (e.g. -4 h in New York in summer, +5:30 in Kolkata). */
function offsetAt(epochMs: number, timeZone: string): number {
  const local = localTimeAt(epochMs, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a local date starts: its midnight, or the first instant after a DST gap at midnight. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the guess may differ from the offset at the answer across a DST change.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  // The earliest candidate on the date; when midnight was skipped by a DST change (e.g. America/Santiago)
  // only the later one is, and the day starts when the clock jumps.
  const onDate = [first, second].filter((candidate) => localDateOf(candidate, timeZone) === date);
  return onDate.length > 0 ? Math.min(...onDate) : second;
}

export function localDateOf(epochMs: number, timeZone: string): string {
  const local = localTimeAt(epochMs, timeZone);
  return formatDate(local.year, local.month, local.day);
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The dates from..to inclusive ('YYYY-MM-DD', calendar arithmetic, no zone involved). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  for (let cursor = Date.UTC(year, month - 1, day); ; cursor += 86_400_000) {
    const date = new Date(cursor).toISOString().slice(0, 10);
    if (date > to) break;
    dates.push(date);
  }
  return dates;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface LocalDaySpan {
  date: string;
  startMs: number;
  endMs: number;
}

/** Each local day of from..to with its [start, end) instants: 23, 24 or 25 hours long. */
export function localDaySpans(from: string, to: string, timeZone: string): LocalDaySpan[] {
  const dates = datesBetween(from, to);
  const starts = dates.map((date) => startOfLocalDay(date, timeZone));
  const end = startOfLocalDay(addDays(to, 1), timeZone);
  return dates.map((date, index) => ({ date, startMs: starts[index]!, endMs: starts[index + 1] ?? end }));
}

/** The local month (first day .. last day) holding an instant. */
export function localMonthOf(epochMs: number, timeZone: string): { from: string; to: string } {
  const local = localTimeAt(epochMs, timeZone);
  const lastDay = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
  return { from: formatDate(local.year, local.month, 1), to: formatDate(local.year, local.month, lastDay) };
}
