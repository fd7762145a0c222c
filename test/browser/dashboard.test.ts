// The dashboard in the real renderer after a few simulated runs: the totals agree with the
// costs the runs reported, the chart is drawn, and the grouped table has one row per model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import type { ResponseRecord } from '../../shared/records';
import { formatUsd } from '../../renderer/src/format/metrics';
import { startBrowserFixture, type BrowserFixture } from './browser-fixture';

describe('usage dashboard in the browser', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await startBrowserFixture([
      { id: 'sim/alpha', pricing: { prompt: 0.0001, completion: 0.0003 }, tokensPerSecond: 0, outputTokens: 40 },
      { id: 'sim/beta', pricing: { prompt: 0.0002, completion: 0.0005 }, tokensPerSecond: 0, outputTokens: 25 },
      { id: 'sim/refused', fault: { kind: 'http', status: 401, message: 'User not found.' } },
    ]);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows today\'s spend and calls from simulated runs, a drawn chart and the grouped table', async () => {
    const { engine } = fixture.runtime;
    const connection = await engine.addConnection({ kind: 'openai-compatible', label: 'Simulator', baseUrl: fixture.simulator.baseUrl });
    const responses: ResponseRecord[] = [];
    for (const prompt of ['First question about queues.', 'Second, longer question about stacks and heaps.']) {
      const started = await dispatch(engine, 'startRun', {
        prompt,
        targets: ['sim/alpha', 'sim/beta', 'sim/refused'].map((model) => ({ connectionId: connection.id, model })),
      });
      if (!started.ok) throw new Error(started.error.message);
      await engine.waitForRun(started.value.runId);
      const detail = await dispatch(engine, 'getRun', { runId: started.value.runId });
      if (!detail.ok) throw new Error(detail.error.message);
      responses.push(...detail.value.responses);
    }
    const knownCost = responses.reduce((sum, response) => sum + (response.cost.usd ?? 0), 0);
    expect(responses.filter((response) => response.status === 'done')).toHaveLength(4);

    const page = fixture.page;
    await page.reload();
    await page.getByTestId('dashboard-button').click();
    await page.getByTestId('dashboard-view').waitFor();
    await page.getByTestId('dashboard-range').getByRole('button', { name: 'Today' }).click();
    // Six provider calls, two of them refused (their cost unknown, never counted as zero).
    await expect.poll(() => page.getByTestId('dashboard-total-calls').textContent()).toBe('6');
    expect(await page.getByTestId('dashboard-total-spend').textContent()).toContain(formatUsd(knownCost));
    expect(await page.getByTestId('dashboard-total-spend').textContent()).toContain('2 unknown');
    expect(await page.getByTestId('dashboard-table').locator('tbody tr').count()).toBe(3);
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
