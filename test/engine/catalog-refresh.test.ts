// A live refresh merges over the bundled catalog; a failed one changes nothing; a saved one is
// applied again at the next start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../electron/engine/catalog/model-catalog';
import { dispatch } from '../../shared/dispatch';
import type { Simulator } from '../simulator/types';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

const REFRESHED_AT = Date.parse('2026-08-01T09:00:00Z');

describe('catalog refresh from OpenRouter', () => {
  let fixture: RoutingFixture;
  let openRouter: Simulator;
  let openRouterId: string;
  const saved: CatalogSnapshot[] = [];

  beforeAll(async () => {
    const clock = { monotonicMs: () => performance.now(), wallMs: () => REFRESHED_AT };
    fixture = await startRoutingFixture({ clock, catalogCache: { load: () => undefined, save: (snapshot) => saved.push(snapshot) } });
    openRouter = await fixture.startSimulator([
      { id: 'openai/gpt-4o', name: 'GPT-4o (2026 prices)', contextLength: 256_000, pricing: { prompt: 0.000002, completion: 0.000008, inputCacheRead: 0.000001 } },
      { id: 'sim/brand-new', name: 'Brand New', contextLength: 32_000, reasoningTokens: 10 },
    ]);
    openRouterId = await fixture.addConnection(openRouter, 'OpenRouter', { kind: 'openrouter' });
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('keeps the bundled data when a refresh fails (network down, wrong URL)', async () => {
    const before = await fixture.engine.listCatalog({ limit: 1, offset: 0, sort: 'name' });
    const gpt4o = await fixture.engine.getCatalogModel({ modelId: 'openai/gpt-4o' });

    const down = await fixture.startSimulator([]);
    const downId = await fixture.addConnection(down, 'Down', { kind: 'openrouter' });
    await down.close();
    const network = await dispatch(fixture.engine, 'refreshCatalog', { connectionId: downId });
    expect(network).toMatchObject({ ok: false, error: { kind: 'network' } });

    const wrongPath = await fixture.engine.addConnection({ kind: 'openrouter', label: 'Wrong path', baseUrl: `${openRouter.baseUrl}/nothing-here` });
    const notFound = await dispatch(fixture.engine, 'refreshCatalog', { connectionId: wrongPath.id });
    expect(notFound).toMatchObject({ ok: false, error: { status: 404 } });

    const after = await fixture.engine.listCatalog({ limit: 1, offset: 0, sort: 'name' });
    expect(after.total).toBe(before.total);
    expect(after.status.refreshedAt).toBeNull();
    expect(await fixture.engine.getCatalogModel({ modelId: 'openai/gpt-4o' })).toEqual(gpt4o);
    expect(saved).toHaveLength(0);
  });

  it('updates known models, adds new ones, and never drops a bundled one', async () => {
    const before = await fixture.engine.listCatalog({ limit: 1, offset: 0, sort: 'name' });
    const result = await fixture.engine.refreshCatalog({ connectionId: openRouterId });
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect(result.status).toMatchObject({ refreshedAt: REFRESHED_AT, refreshedFrom: 'OpenRouter', modelCount: before.total + 1 });

    const gpt4o = await fixture.engine.getCatalogModel({ modelId: 'openai/gpt-4o' });
    expect(gpt4o).toMatchObject({
      name: 'GPT-4o (2026 prices)',
      contextLength: 256_000,
      pricing: { prompt: 0.000002, completion: 0.000008, cacheRead: 0.000001 },
      origin: 'refreshed',
    });
    // Facts the listing lacks stay as bundled; other providers' offers stay too.
    expect(gpt4o.releaseDate).toBe('2024-05-13');
    expect(gpt4o.offers.map((offer) => offer.provider)).toEqual(expect.arrayContaining(['openrouter', 'openai']));
    expect(gpt4o.offers.find((offer) => offer.provider === 'openrouter')!.pricing!.prompt).toBe(0.000002);

    const added = await fixture.engine.getCatalogModel({ modelId: 'sim/brand-new' });
    expect(added).toMatchObject({ name: 'Brand New', contextLength: 32_000, capabilities: { tools: true, reasoning: true, structuredOutput: true }, origin: 'refreshed' });
    expect((await fixture.engine.getCatalogModel({ modelId: 'anthropic/claude-sonnet-4' })).origin).toBe('bundled');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.openRouterModels.map((model) => model.id)).toEqual(['openai/gpt-4o', 'sim/brand-new']);
  });

  it('applies a saved refresh at the next start, over the bundled data', async () => {
    const next = await startRoutingFixture({ catalogCache: { load: () => saved[0], save: () => {} } });
    try {
      const page = await next.engine.listCatalog({ search: 'brand new', limit: 10, offset: 0, sort: 'name' });
      expect(page.models.map((model) => model.id)).toEqual(['sim/brand-new']);
      expect(page.status).toMatchObject({ refreshedAt: REFRESHED_AT, refreshedFrom: 'OpenRouter' });
    } finally {
      await next.close();
    }
  });
});
