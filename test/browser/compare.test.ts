// A user's first session: add a connection, compare three models, stop one, reload, reopen from history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserFixture, typeIntoEditor, type BrowserFixture } from './browser-fixture';

const pricing = { prompt: 0.000001, completion: 0.000002 };

describe('compare models in the browser', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await startBrowserFixture([
      { id: 'sim/alpha', name: 'Alpha (simulated)', pricing, firstTokenDelayMs: 80, tokensPerSecond: 120, outputTokens: 120, provider: 'AlphaCloud' },
      { id: 'sim/beta', name: 'Beta (simulated)', pricing, firstTokenDelayMs: 200, tokensPerSecond: 90, outputTokens: 90 },
      { id: 'sim/slow', name: 'Slow (simulated)', pricing, firstTokenDelayMs: 50, tokensPerSecond: 15, outputTokens: 600 },
    ]);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('adds a connection, streams three columns with metrics, stops one, and finds the run in history after a reload', async () => {
    const { page, simulator } = fixture;

    // First start: no connection, two ways on.
    await expect.poll(() => page.getByTestId('demo-button').isVisible()).toBe(true);
    await page.getByTestId('add-key-button').click();
    await page.getByTestId('connection-kind').selectOption('openai-compatible');
    await page.getByTestId('connection-label').fill('Local simulator');
    await page.getByTestId('connection-base-url').fill(simulator.baseUrl);
    await page.getByTestId('connection-api-key').fill('sk-test-browser-0123456789');
    await page.getByTestId('connection-save').click();
    await expect.poll(() => page.getByTestId('connection-error').count()).toBe(0);
    // The key never comes back to the page: only its masked hint.
    await expect.poll(async () => (await page.content()).includes('sk-test-browser-0123456789')).toBe(false);
    await page.keyboard.press('Escape');

    const picker = page.getByTestId('model-picker-input');
    for (const model of ['sim/alpha', 'sim/beta', 'sim/slow']) {
      await picker.fill(model);
      await picker.press('Enter');
    }
    await expect.poll(() => page.getByTestId('model-chip').count()).toBe(3);

    await typeIntoEditor(page, 'prompt-editor', 'Explain binary search in three sentences.');
    await page.getByTestId('run-button').click();

    const columns = page.getByTestId('result-column');
    await expect.poll(() => columns.count()).toBe(3);
    const slow = page.locator('[data-testid="result-column"][data-model="sim/slow"]');
    await expect.poll(() => slow.getAttribute('data-status'), { timeout: 10_000 }).toBe('streaming');
    await expect.poll(async () => (await slow.getByTestId('column-text').innerText()).length, { timeout: 10_000 }).toBeGreaterThan(10);
    await slow.getByTestId('column-stop').click();
    await expect.poll(() => slow.getAttribute('data-status'), { timeout: 10_000 }).toBe('stopped');

    for (const model of ['sim/alpha', 'sim/beta']) {
      const column = page.locator(`[data-testid="result-column"][data-model="${model}"]`);
      await expect.poll(() => column.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
      expect(await column.getByTestId('metric-ttft').innerText()).toMatch(/\d+\s*ms|\d+(\.\d+)?\s*s/);
      expect(await column.getByTestId('metric-tps').innerText()).toMatch(/\d/);
      expect(await column.getByTestId('metric-tokens').innerText()).toMatch(/\d/);
      // The simulator reports OpenRouter's usage.cost: shown as an exact dollar figure.
      expect(await column.getByTestId('metric-cost').innerText()).toMatch(/\$0\.0\d+/);
      expect((await column.getByTestId('column-text').innerText()).length).toBeGreaterThan(50);
    }
    // The stopped column keeps what it had.
    expect((await slow.getByTestId('column-text').innerText()).length).toBeGreaterThan(10);
    await fixture.screenshot('compare-three-models');

    // A reload keeps nothing in the page; the run comes back from the store through history.
    await page.reload();
    await page.getByTestId('history-button').click();
    const rows = page.getByTestId('history-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toContain('binary search');
    await rows.first().click();
    await expect.poll(() => page.getByTestId('result-column').count()).toBe(3);
    await expect.poll(() => slow.getAttribute('data-status')).toBe('stopped');
    await fixture.screenshot('history-reopened');

    expect(fixture.pageErrors).toEqual([]);
  });
});
