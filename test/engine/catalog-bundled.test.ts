// The bundled catalog: loads fast, maps ids across providers, and answers the browser's queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCatalogText } from '../../electron/engine/catalog/bundled-catalog.generated';
import { parseBundledCatalog } from '../../electron/engine/catalog/load-bundled-catalog';
import type { MethodInput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

describe('bundled catalog', () => {
  it('parses in well under the 150 ms startup budget and holds 300+ models', () => {
    const startedAt = performance.now();
    const catalog = parseBundledCatalog(bundledCatalogText);
    const elapsed = performance.now() - startedAt;
    expect(catalog.models.length).toBeGreaterThan(300);
    expect(elapsed).toBeLessThan(150);
    expect(catalog.sourceLabel).toBe('models.dev f3fc692 (2026-07-02)');
    expect(bundledCatalogText.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('links each provider\'s own id to the OpenRouter-style id, with per-token prices', () => {
    const { models } = parseBundledCatalog(bundledCatalogText);
    const byId = new Map(models.map((model) => [model.id, model]));
    const sonnet = byId.get('anthropic/claude-sonnet-4')!;
    expect(sonnet).toMatchObject({
      name: 'Claude Sonnet 4',
      author: 'anthropic',
      capabilities: { tools: true, reasoning: true },
      pricing: { prompt: 3e-6, completion: 15e-6, cacheRead: 0.3e-6, cacheWrite: 3.75e-6 },
      origin: 'bundled',
    });
    const nativeIds = Object.fromEntries(sonnet.offers.map((offer) => [offer.provider, offer.nativeId]));
    expect(nativeIds).toMatchObject({ openrouter: 'anthropic/claude-sonnet-4', anthropic: 'claude-sonnet-4-20250514' });
    expect(byId.get('openai/gpt-4o')!.offers.find((offer) => offer.provider === 'openai')!.nativeId).toBe('gpt-4o');
    expect(byId.get('anthropic/claude-haiku-4.5')!.offers.find((offer) => offer.provider === 'anthropic')!.nativeId).toBe('claude-haiku-4-5');
    expect(byId.get('google/gemini-2.5-pro')!.offers.find((offer) => offer.provider === 'google')!.nativeId).toBe('gemini-2.5-pro');
    expect(byId.get('mistralai/mistral-large')!.offers.find((offer) => offer.provider === 'mistral')!.nativeId).toBe('mistral-large-latest');
    expect(byId.get('openai/gpt-oss-120b')!.offers.map((offer) => offer.provider)).toEqual(expect.arrayContaining(['openrouter', 'groq', 'togetherai', 'fireworks-ai']));
    // ":free" variants stay their own entries (OpenRouter serves them as separate endpoints).
    expect(byId.get('openai/gpt-oss-120b:free')!.pricing).toEqual({ prompt: 0, completion: 0 });
  });
});

describe('listCatalog', () => {
  let fixture: RoutingFixture;

  beforeAll(async () => {
    fixture = await startRoutingFixture();
  });

  afterAll(async () => {
    await fixture.close();
  });

  // Through dispatch, as the hosts call it: defaults (limit, offset, sort) filled in by the schema.
  const list = async (query: MethodInput<'listCatalog'>) => {
    const result = await dispatch(fixture.engine, 'listCatalog', query);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('pages through everything by default, with the status and the provider facet', async () => {
    const page = await list({});
    expect(page.models).toHaveLength(100);
    expect(page.total).toBeGreaterThan(300);
    expect(page.status).toMatchObject({ bundledSource: 'models.dev f3fc692 (2026-07-02)', refreshedAt: null, modelCount: page.total });
    expect(page.providers[0]).toMatchObject({ id: 'openrouter', name: 'OpenRouter' });
    const next = await list({ offset: 100, limit: 100 });
    expect(next.models[0]!.id).not.toBe(page.models[0]!.id);
  });

  it('searches all words in id, name and native ids', async () => {
    const page = await list({ search: 'claude sonnet 4' });
    expect(page.models.map((model) => model.id)).toContain('anthropic/claude-sonnet-4');
    expect(page.models.every((model) => /claude/i.test(model.id) && /sonnet/i.test(model.id + model.name))).toBe(true);
    expect((await list({ search: 'claude-sonnet-4-20250514' })).models.map((model) => model.id)).toContain('anthropic/claude-sonnet-4');
  });

  it('filters by provider, capability, modality, price and context', async () => {
    const page = await list({
      providers: ['groq', 'togetherai'],
      capabilities: ['tools', 'reasoning'],
      inputModalities: ['text'],
      maxPromptPricePerMillion: 1,
      minContextLength: 100_000,
      limit: 1000,
    });
    expect(page.total).toBeGreaterThan(0);
    for (const model of page.models) {
      expect(model.offers.some((offer) => offer.provider === 'groq' || offer.provider === 'togetherai')).toBe(true);
      expect(model.capabilities.tools && model.capabilities.reasoning).toBe(true);
      expect(model.pricing!.prompt * 1e6).toBeLessThanOrEqual(1);
      expect(model.contextLength!).toBeGreaterThanOrEqual(100_000);
    }
    const images = await list({ inputModalities: ['image'], limit: 1000 });
    expect(images.models.every((model) => model.inputModalities.includes('image'))).toBe(true);
  });

  it('sorts by blended price (unknown last) and by context (largest first)', async () => {
    const cheapest = await list({ sort: 'price', limit: 1000 });
    const prices = cheapest.models.map((model) => (model.pricing ? (3 * model.pricing.prompt + model.pricing.completion) / 4 : null));
    const known = prices.filter((price): price is number => price !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(prices.slice(known.length).every((price) => price === null)).toBe(true);
    const dearest = await list({ sort: 'price', direction: 'desc', limit: 5 });
    expect(dearest.models[0]!.pricing!.prompt).toBeGreaterThan(cheapest.models[0]!.pricing!.prompt);
    const widest = await list({ sort: 'context', limit: 20 });
    const contexts = widest.models.map((model) => model.contextLength ?? 0);
    expect(contexts).toEqual([...contexts].sort((a, b) => b - a));
  });

  it('rejects a malformed query with a readable message', async () => {
    const result = await dispatch(fixture.engine, 'listCatalog', { sort: 'popularity' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect((result as { error: { message: string } }).error.message).toContain('sort');
  });

  it('returns one model by id, or not_found', async () => {
    expect((await fixture.engine.getCatalogModel({ modelId: 'openai/gpt-4o' })).name).toBe('GPT-4o');
    expect(await dispatch(fixture.engine, 'getCatalogModel', { modelId: 'nobody/nothing' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
