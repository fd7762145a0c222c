// Every call priced exactly, and labelled with the source that priced it. Expected values are
// computed by hand from the published prices, cached and reasoning tokens included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCostUsd } from '../../electron/engine/cost';
import { genaiPricesCostUsd } from '../../electron/engine/pricing/genai-prices-cost';
import type { Simulator } from '../simulator/types';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

describe('cost of a call', () => {
  let fixture: RoutingFixture;
  let simulator: Simulator;

  beforeAll(async () => {
    fixture = await startRoutingFixture();
    simulator = await fixture.startSimulator([
      // Direct providers send plain OpenAI usage: no cost field.
      { id: 'gpt-4o', reportsCost: false, cachedPromptTokens: 4, tokensPerSecond: 0, outputTokens: 10 },
      {
        id: 'sim/thinker',
        reportsCost: false,
        pricing: { prompt: 0.000002, completion: 0.000008, inputCacheRead: 0.0000005 },
        cachedPromptTokens: 6,
        reasoningTokens: 12,
        outputTokens: 20,
        tokensPerSecond: 0,
      },
      { id: 'sim/or-priced', pricing: { prompt: 0.000003, completion: 0.000015 }, cachedPromptTokens: 2, reasoningTokens: 4, outputTokens: 6, tokensPerSecond: 0 },
      { id: 'llama3.1:8b', reportsCost: false, tokensPerSecond: 0, outputTokens: 5 },
    ]);
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('takes OpenRouter\'s own figure when the provider reports one', async () => {
    const connectionId = await fixture.addConnection(simulator, 'OpenRouter-like');
    const { responses } = await fixture.run([{ connectionId, model: 'sim/or-priced' }]);
    const { usage, cost } = responses[0]!;
    expect(usage).toMatchObject({ cachedTokens: 2, reasoningTokens: 4, completionTokens: 10 });
    // (prompt - cached) x 3/M + cached x 3/M (no cache price) + 10 completion (4 reasoning inside) x 15/M
    expect(cost).toEqual({ usd: (usage!.promptTokens * 3 + 10 * 15) / 1e6, source: 'provider' });
  });

  it('prices with genai-prices where it knows the model (OpenAI gpt-4o, cached tokens at half price)', async () => {
    const connectionId = await fixture.addConnection(simulator, 'OpenAI', { preset: 'openai' });
    const { responses } = await fixture.run([{ connectionId, model: 'openai/gpt-4o' }]);
    const { usage, cost } = responses[0]!;
    expect(usage).toMatchObject({ cachedTokens: 4, completionTokens: 10 });
    // gpt-4o: $2.50/M input, $1.25/M cached input, $10/M output.
    const expected = ((usage!.promptTokens - 4) * 2.5 + 4 * 1.25 + 10 * 10) / 1e6;
    expect(cost.source).toBe('genai-prices');
    expect(cost.usd).toBeCloseTo(expected, 15);
    expect(fixture.usageRows(responses[0]!.id)).toMatchObject([{ cost_source: 'genai-prices', status: 'ok' }]);
  });

  it('falls back to the listed prices, each token kind at its own rate, reasoning inside completion', async () => {
    const connectionId = await fixture.addConnection(simulator, 'Custom server');
    await fixture.engine.listModels({ connectionId });
    const { responses } = await fixture.run([{ connectionId, model: 'sim/thinker' }]);
    const { usage, cost } = responses[0]!;
    expect(usage).toMatchObject({ cachedTokens: 6, reasoningTokens: 12, completionTokens: 32 });
    const expected = ((usage!.promptTokens - 6) * 2 + 6 * 0.5 + 32 * 8) / 1e6;
    expect(cost.source).toBe('catalog');
    expect(cost.usd).toBeCloseTo(expected, 15);
  });

  it('says unknown rather than guessing when nothing prices the model', async () => {
    const connectionId = await fixture.addConnection(simulator, 'Unlisted server');
    const { responses } = await fixture.run([{ connectionId, model: 'sim/thinker' }]);
    expect(responses[0]!.cost).toEqual({ usd: null, source: 'unknown' });
  });

  it('charges nothing for a model on this machine', async () => {
    const connectionId = await fixture.addConnection(simulator, 'Ollama', { preset: 'ollama', apiKey: undefined });
    const { responses } = await fixture.run([{ connectionId, model: 'llama3.1:8b' }]);
    expect(responses[0]!.cost).toEqual({ usd: 0, source: 'local' });
  });

  it('prices cache writes and tiers through genai-prices (Anthropic)', async () => {
    const usd = await genaiPricesCostUsd({
      usage: { promptTokens: 1000, cachedTokens: 400, cacheWriteTokens: 100, completionTokens: 500, reasoningTokens: 200 },
      provider: 'anthropic',
      model: 'claude-sonnet-4-20250514',
      at: Date.parse('2026-01-15T12:00:00Z'),
    });
    // 500 uncached x $3/M + 400 cache reads x $0.30/M + 100 cache writes x $3.75/M + 500 output (200 reasoning inside) x $15/M
    expect(usd).toBeCloseTo((500 * 3 + 400 * 0.3 + 100 * 3.75 + 500 * 15) / 1e6, 15);
    expect(await genaiPricesCostUsd({ usage: { promptTokens: 1, cachedTokens: 0, cacheWriteTokens: 0, completionTokens: 1, reasoningTokens: 0 }, provider: 'openai', model: 'no-such-model', at: 0 })).toBeUndefined();
  });

  it('prices reasoning apart only when the model has its own reasoning price', () => {
    const usage = { promptTokens: 100, cachedTokens: 20, cacheWriteTokens: 10, completionTokens: 50, reasoningTokens: 30 };
    const pricing = { prompt: 1e-6, completion: 4e-6, cacheRead: 0.1e-6, cacheWrite: 1.25e-6 };
    expect(estimateCostUsd(usage, pricing)).toBeCloseTo((70 * 1 + 20 * 0.1 + 10 * 1.25 + 50 * 4) / 1e6, 15);
    expect(estimateCostUsd(usage, { ...pricing, reasoning: 8e-6 })).toBeCloseTo((70 * 1 + 20 * 0.1 + 10 * 1.25 + 20 * 4 + 30 * 8) / 1e6, 15);
  });
});
