// The catalog browser and the OpenRouter key status card in the real renderer, against the
// bundled catalog and the provider simulator's /key and /credits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { formatUsd } from '../../renderer/src/format/metrics';
import { startBrowserFixture, type BrowserFixture } from './browser-fixture';

describe('catalog browser and key status in the browser', () => {
  let fixture: BrowserFixture;
  let connectionId: string;

  beforeAll(async () => {
    fixture = await startBrowserFixture([{ id: 'sim/alpha', pricing: { prompt: 0.0001, completion: 0.0003 }, tokensPerSecond: 0, outputTokens: 40 }]);
    const connection = await fixture.runtime.engine.addConnection({
      kind: 'openrouter',
      label: 'OpenRouter (simulator)',
      baseUrl: fixture.simulator.baseUrl,
      apiKey: 'sk-or-v1-browser-test-0123456789',
    });
    connectionId = connection.id;
    await fixture.page.reload();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('searches, filters and sorts the catalog and adds a model to the comparison', async () => {
    const { page } = fixture;
    await page.getByTestId('catalog-button').click();
    await page.getByTestId('catalog-view').waitFor();
    const rows = page.getByTestId('catalog-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    // The connection is OpenRouter: the live refresh is offered.
    expect(await page.getByTestId('catalog-refresh').isVisible()).toBe(true);

    await page.getByTestId('catalog-search').fill('claude');
    await page.getByTestId('catalog-filter-tools').check();
    const ids = () => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-model-id') ?? ''));
    await expect.poll(async () => (await ids()).every((id) => id.toLowerCase().includes('claude'))).toBe(true);
    expect((await ids()).length).toBeGreaterThan(0);

    const expected = await dispatch(fixture.runtime.engine, 'listCatalog', { search: 'claude', capabilities: ['tools'], sort: 'price', direction: 'asc', limit: 5 });
    if (!expected.ok) throw new Error(expected.error.message);
    expect(expected.value.models.every((model) => model.capabilities.tools)).toBe(true);
    await page.getByTestId('catalog-sort').selectOption('price-asc');
    const cheapest = expected.value.models.map((model) => model.id);
    await expect.poll(async () => (await ids()).slice(0, cheapest.length)).toEqual(cheapest);
    await fixture.screenshot('catalog');

    const first = rows.first();
    const modelId = await first.getAttribute('data-model-id');
    await first.getByTestId('catalog-add').click();
    await expect.poll(() => first.getByTestId('catalog-add').textContent()).toContain('Added');
    await page.getByTestId('catalog-back').click();
    await expect.poll(() => page.locator(`[data-testid="model-chip"][data-model="${modelId}"]`).count()).toBe(1);
    expect(fixture.pageErrors).toEqual([]);
  });

  it('shows the OpenRouter key status next to the spend Juxta recorded', async () => {
    const { page, runtime } = fixture;
    const started = await dispatch(runtime.engine, 'startRun', { prompt: 'Say something short.', targets: [{ connectionId, model: 'sim/alpha' }] });
    if (!started.ok) throw new Error(started.error.message);
    await runtime.engine.waitForRun(started.value.runId);
    const detail = await dispatch(runtime.engine, 'getRun', { runId: started.value.runId });
    if (!detail.ok) throw new Error(detail.error.message);
    const cost = detail.value.responses[0]!.cost.usd ?? 0;
    expect(cost).toBeGreaterThan(0);

    await page.getByTestId('dashboard-button').click();
    const card = page.getByTestId('key-status-card');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('key-status-balance').textContent()).toMatch(/\$\d/);
    expect(await card.getByTestId('key-status-limit').textContent()).toMatch(/No limit|\$\d/);
    expect(await card.getByTestId('key-usage-daily').textContent()).toBe(formatUsd(cost));
    expect(await card.getByTestId('local-spend-daily').textContent()).toBe(formatUsd(cost));
    expect(await card.getByTestId('key-status-difference').textContent()).toMatch(/same spend|spent through this key outside Juxta/);
    expect(await card.innerText()).toContain('UTC');
    await card.scrollIntoViewIfNeeded();
    await fixture.screenshot('key-status');
    expect(fixture.pageErrors).toEqual([]);
  });
});
