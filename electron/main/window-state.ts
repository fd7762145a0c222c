// The main window's size, position and maximised state, kept across launches in a small JSON file
// in userData. Parsing and fitting are pure (tested); a saved position that no longer lands on a
// connected display (a monitor was unplugged, the resolution changed) is moved or dropped.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent when the OS should place the window (first launch, or the old place is gone). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const MAX_COORDINATE = 100_000;
/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE_WIDTH = 160;
const MIN_VISIBLE_HEIGHT = 80;

const isCoordinate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
const isLength = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_COORDINATE;

/** A WindowState from untrusted JSON, or undefined when it is not one (then defaults apply). */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (!isLength(record.width) || !isLength(record.height)) return undefined;
  const state: WindowState = { width: Math.round(record.width), height: Math.round(record.height), maximized: record.maximized === true };
  // A position is both coordinates or neither.
  if (isCoordinate(record.x) && isCoordinate(record.y)) {
    state.x = Math.round(record.x);
    state.y = Math.round(record.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Fits a saved state to the displays connected now (their work areas: the screen minus task bars).
 * Size: at least the window's minimum, at most the display it lands on. Position: kept when enough
 * of the window is visible on some display, then nudged fully onto it; otherwise left to the OS.
 */
export function fitWindowState(saved: WindowState | undefined, workAreas: readonly Rect[], limits: WindowSizeLimits): WindowState {
  const state = saved ?? { width: limits.width, height: limits.height, maximized: false };
  const largest = workAreas.reduce<Rect | undefined>((best, area) => (!best || area.width * area.height > best.width * best.height ? area : best), undefined);
  const fitSize = (area: Rect | undefined): { width: number; height: number } => ({
    width: clamp(state.width, limits.minWidth, area?.width ?? state.width),
    height: clamp(state.height, limits.minHeight, area?.height ?? state.height),
  });

  if (state.x === undefined || state.y === undefined || workAreas.length === 0) {
    return { ...fitSize(largest), maximized: state.maximized };
  }
  const placed: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let home: Rect | undefined;
  let homeArea = 0;
  for (const area of workAreas) {
    const shared = overlap(placed, area);
    if (shared.width >= Math.min(MIN_VISIBLE_WIDTH, placed.width) && shared.height >= Math.min(MIN_VISIBLE_HEIGHT, placed.height)) {
      if (shared.width * shared.height > homeArea) {
        home = area;
        homeArea = shared.width * shared.height;
      }
    }
  }
  if (!home) return { ...fitSize(largest), maximized: state.maximized };
  const size = fitSize(home);
  return {
    x: clamp(state.x, home.x, home.x + home.width - size.width),
    y: clamp(state.y, home.y, home.y + home.height - size.height),
    ...size,
    maximized: state.maximized,
  };
}

/** Reads the saved state; a missing, unreadable or malformed file is simply "no saved state". */
export function loadWindowState(filePath: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(filePath, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename), so a crash mid-write never leaves half a file. */
export function saveWindowState(filePath: string, state: WindowState): void {
  mkdirSync(dirname(filePath), { recursive: true });
  const partial = `${filePath}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(state)}\n`);
  renameSync(partial, filePath);
}
