// Window size, position and maximised state: parsed from untrusted JSON, fitted to the displays
// connected now, saved atomically.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN_WINDOW_SIZE } from '../../electron/main/window-options';
import { fitWindowState, loadWindowState, parseWindowState, saveWindowState, type Rect } from '../../electron/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('accepts a saved state and rounds it', () => {
    expect(parseWindowState({ x: 10.4, y: 20.6, width: 1000.2, height: 700, maximized: true })).toEqual({ x: 10, y: 21, width: 1000, height: 700, maximized: true });
  });

  it('drops a half position, and reads anything but true as not maximised', () => {
    expect(parseWindowState({ x: 10, width: 1000, height: 700, maximized: 'yes' })).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it.each([null, [], 'x', 42, {}, { width: 0, height: 700 }, { width: -5, height: 700 }, { width: 1e9, height: 700 }, { width: Number.NaN, height: 1 }, { width: '800', height: 600 }])(
    'rejects %j',
    (value) => expect(parseWindowState(value)).toBeUndefined(),
  );

  it('ignores absurd coordinates rather than placing the window there', () => {
    expect(parseWindowState({ x: 1e12, y: 0, width: 900, height: 600 })).toEqual({ width: 900, height: 600, maximized: false });
  });
});

describe('fitWindowState', () => {
  it('uses the default size with no saved state, position left to the OS', () => {
    expect(fitWindowState(undefined, [laptop], MAIN_WINDOW_SIZE)).toEqual({ width: 1280, height: 820, maximized: false });
  });

  it('keeps a position that is fully on a display', () => {
    const saved = { x: 100, y: 40, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(saved, [laptop, external], MAIN_WINDOW_SIZE)).toEqual(saved);
  });

  it('keeps a window on a secondary display at negative coordinates', () => {
    const saved = { x: 1600, y: -150, width: 1600, height: 1000, maximized: true };
    expect(fitWindowState(saved, [laptop, external], MAIN_WINDOW_SIZE)).toEqual(saved);
  });

  it('drops the position when the display it was on is gone, and shrinks the size to fit', () => {
    const saved = { x: 1600, y: -150, width: 2400, height: 1300, maximized: false };
    expect(fitWindowState(saved, [laptop], MAIN_WINDOW_SIZE)).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('nudges a window hanging off the edge fully back onto its display', () => {
    const saved = { x: 1200, y: 700, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(saved, [laptop], MAIN_WINDOW_SIZE)).toEqual({ x: 440, y: 175, width: 1000, height: 700, maximized: false });
  });

  it('does not keep a position where only a sliver would show', () => {
    const saved = { x: 1400, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(saved, [laptop], MAIN_WINDOW_SIZE)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('never goes below the minimum size the layout needs', () => {
    const saved = { x: 0, y: 0, width: 200, height: 100, maximized: false };
    expect(fitWindowState(saved, [laptop], MAIN_WINDOW_SIZE)).toMatchObject({ width: 860, height: 560 });
  });

  it('puts the window on the display it mostly overlaps', () => {
    // 40 px on the laptop, the rest on the external display.
    const saved = { x: 1400, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitWindowState(saved, [laptop, external], MAIN_WINDOW_SIZE)).toEqual({ x: 1440, y: 100, width: 1200, height: 800, maximized: false });
  });

  it('copes with no display information at all', () => {
    expect(fitWindowState({ x: 5, y: 5, width: 900, height: 600, maximized: false }, [], MAIN_WINDOW_SIZE)).toEqual({ width: 900, height: 600, maximized: false });
  });
});

describe('window state file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'juxta-window-state-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('round-trips, and treats a missing or corrupt file as no saved state', () => {
    const file = join(directory, 'nested', 'window-state.json');
    expect(loadWindowState(file)).toBeUndefined();
    saveWindowState(file, { x: 1, y: 2, width: 900, height: 600, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: true });
    writeFileSync(file, '{"width": 900, "height":');
    expect(loadWindowState(file)).toBeUndefined();
  });
});
