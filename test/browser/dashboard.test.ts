// The dashboard in the real renderer: usage recorded by the store shows up as totals, a chart and a table.
// TODO (lead): drive a few simulated runs through the compare view instead of inserting usage rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserFixture, type BrowserFixture } from './browser-fixture';

describe('usage dashboard in the browser', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await startBrowserFixture([{ id: 'sim/alpha', name: 'Alpha (simulated)', tokensPerSecond: 0, outputTokens: 10 }]);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows today\'s spend, calls, a drawn chart and the grouped table', async () => {
    const now = Date.now();
    const rows = [
      { model: 'openai/gpt-4o', cost: 0.125, connectionId: 'conn-x' },
      { model: 'openai/gpt-4o', cost: 0.5, connectionId: 'conn-x' },
      { model: 'anthropic/claude-sonnet-4', cost: 1.25, connectionId: 'conn-y' },
    ];
    for (const [index, row] of rows.entries()) {
      fixture.runtime.store.insertUsage({
        createdAt: now - index * 1000, connectionId: row.connectionId, responseId: null, modelAsked: row.model, modelServed: row.model,
        provider: 'Sim', promptTokens: 100, completionTokens: 50, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0,
        costUsd: row.cost, costSource: 'provider', status: 'ok', errorKind: null, ttftMs: 200, totalMs: 700,
      });
    }
    const page = fixture.page;
    await page.getByTestId('dashboard-button').click();
    await page.getByTestId('dashboard-view').waitFor();
    await page.getByTestId('dashboard-range').getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => page.getByTestId('dashboard-total-spend').textContent()).toBe('$1.88');
    expect(await page.getByTestId('dashboard-total-calls').textContent()).toBe('3');
    expect(await page.getByTestId('dashboard-table').locator('tbody tr').count()).toBe(2);
    // The chart drew something: some canvas pixels are not transparent.
    const painted = await page.getByTestId('dashboard-chart-spend-by-day').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) count += 1;
      return count;
    });
    expect(painted).toBeGreaterThan(1000);
    await fixture.screenshot('dashboard');
    expect(fixture.pageErrors).toEqual([]);
  });
});
