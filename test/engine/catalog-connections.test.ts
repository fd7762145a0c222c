// Presets, local server detection, model id mapping (catalog + overrides) and provider quirks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetForBaseUrl } from '../../electron/engine/connections/connection-presets';
import { detectLocalServers } from '../../electron/engine/connections/detect-local-servers';
import { convertUsage, providerCost } from '../../electron/engine/provider/convert-usage';
import { mapStreamChunk } from '../../electron/engine/provider/map-stream-chunk';
import type { ConnectionRow } from '../../electron/store/store-types';
import type { Simulator } from '../simulator/types';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

describe('connection presets', () => {
  let fixture: RoutingFixture;

  beforeAll(async () => {
    fixture = await startRoutingFixture();
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('lists every preset with its base URL and key variable', async () => {
    const presets = await fixture.engine.listConnectionPresets({});
    expect(presets.map((preset) => [preset.id, preset.baseUrl, preset.apiKeyEnv])).toEqual([
      ['openrouter', 'https://openrouter.ai/api/v1', 'OPENROUTER_API_KEY'],
      ['openai', 'https://api.openai.com/v1', 'OPENAI_API_KEY'],
      ['anthropic', 'https://api.anthropic.com/v1', 'ANTHROPIC_API_KEY'],
      ['gemini', 'https://generativelanguage.googleapis.com/v1beta/openai', 'GEMINI_API_KEY'],
      ['mistral', 'https://api.mistral.ai/v1', 'MISTRAL_API_KEY'],
      ['deepseek', 'https://api.deepseek.com/v1', 'DEEPSEEK_API_KEY'],
      ['groq', 'https://api.groq.com/openai/v1', 'GROQ_API_KEY'],
      ['together', 'https://api.together.xyz/v1', 'TOGETHER_API_KEY'],
      ['xai', 'https://api.x.ai/v1', 'XAI_API_KEY'],
      ['fireworks', 'https://api.fireworks.ai/inference/v1', 'FIREWORKS_API_KEY'],
      ['ollama', 'http://localhost:11434/v1', null],
      ['lmstudio', 'http://localhost:1234/v1', null],
      ['custom', null, null],
    ]);
    const local = presets.filter((preset) => preset.local).map((preset) => [preset.id, preset.needsKey]);
    expect(local).toEqual([
      ['ollama', false],
      ['lmstudio', false],
    ]);
    // Engine-only fields stay on the Node side.
    expect(Object.keys(presets[0]!)).not.toContain('quirks');
  });

  it('fills base URL and key variable from a preset', async () => {
    const openai = await fixture.engine.addConnection({ kind: 'openai-compatible', label: 'OpenAI', preset: 'openai' });
    expect(openai).toMatchObject({ baseUrl: 'https://api.openai.com/v1', keySource: 'env', keyHint: '$OPENAI_API_KEY', preset: 'openai' });
    const ollama = await fixture.engine.addConnection({ kind: 'openai-compatible', label: 'Ollama', preset: 'ollama' });
    expect(ollama).toMatchObject({ baseUrl: 'http://localhost:11434/v1', keySource: 'none', preset: 'ollama' });
    const wrongKind = await fixture.engine.addConnection({ kind: 'openrouter', label: 'x', preset: 'groq' }).catch((error: unknown) => error);
    expect(wrongKind).toMatchObject({ error: { kind: 'invalid_input' } });
  });

  it('recognises a connection\'s preset from its base URL', () => {
    expect(presetForBaseUrl('https://api.groq.com/openai/v1')?.id).toBe('groq');
    expect(presetForBaseUrl('https://generativelanguage.googleapis.com/v1beta/openai/')?.id).toBe('gemini');
    expect(presetForBaseUrl('http://127.0.0.1:11434/v1')?.id).toBe('ollama');
    expect(presetForBaseUrl('http://localhost:1234/v1')?.id).toBe('lmstudio');
    expect(presetForBaseUrl('http://localhost:8000/v1')).toBeUndefined();
    expect(presetForBaseUrl('https://my-proxy.example.com/v1')).toBeUndefined();
  });

  it('detects running local servers without failing on the ones that are not', async () => {
    const fakeFetch = (async (url: string | URL | Request) => {
      if (String(url).startsWith('http://localhost:11434')) return new Response(JSON.stringify({ data: [{ id: 'llama3.1:8b' }, { id: 'qwen3:8b' }] }));
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const rows: ConnectionRow[] = [
      { id: 'c-ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', secretRef: null, keyHint: null, createdAt: 0 },
    ];
    expect(await detectLocalServers(rows, fakeFetch)).toEqual([
      { presetId: 'ollama', baseUrl: 'http://localhost:11434/v1', running: true, modelCount: 2, connectionId: 'c-ollama' },
      { presetId: 'lmstudio', baseUrl: 'http://localhost:1234/v1', running: false, modelCount: null, connectionId: null },
    ]);
  });
});

describe('model ids and quirks per connection', () => {
  let fixture: RoutingFixture;
  let simulator: Simulator;
  const quick = { tokensPerSecond: 0, outputTokens: 3, firstTokenDelayMs: 5 };

  beforeAll(async () => {
    fixture = await startRoutingFixture();
    simulator = await fixture.startSimulator([
      { id: 'claude-sonnet-4-20250514', ...quick },
      { id: 'claude-sonnet-4-5', ...quick },
      { id: 'gpt-4o', ...quick },
      { id: 'mistral-large-latest', ...quick },
      { id: 'deepseek-reasoner', reasoningTokens: 5, reasoningField: 'reasoning_content', ...quick },
    ]);
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('maps a catalog id to the connection\'s own id, and a user override wins', async () => {
    // A stand-in for api.anthropic.com: the preset is chosen when adding, since the URL cannot say it.
    const anthropic = await fixture.addConnection(simulator, 'Anthropic', { preset: 'anthropic' });
    const preview = await fixture.engine.previewRoute({ target: { connectionId: anthropic, model: 'anthropic/claude-sonnet-4' } });
    expect(preview.map((candidate) => candidate.nativeModel)).toEqual(['claude-sonnet-4-20250514']);
    expect(preview[0]!.pricing).toEqual({ prompt: 3e-6, completion: 15e-6, cacheRead: 0.3e-6, cacheWrite: 3.75e-6 });

    simulator.requests.length = 0;
    const { responses } = await fixture.run([{ connectionId: anthropic, model: 'anthropic/claude-sonnet-4' }]);
    expect(simulator.requests[0]!.body.model).toBe('claude-sonnet-4-20250514');
    expect(responses[0]).toMatchObject({ status: 'done', modelAsked: 'anthropic/claude-sonnet-4', providerServed: 'Simulator' });
    expect(responses[0]!.attempts[0]).toMatchObject({ model: 'anthropic/claude-sonnet-4', nativeModel: 'claude-sonnet-4-20250514' });

    await fixture.engine.setModelOverride({ connectionId: anthropic, modelId: 'anthropic/claude-sonnet-4', nativeId: 'claude-sonnet-4-5' });
    expect(await fixture.engine.listModelOverrides({ connectionId: anthropic })).toEqual([
      { connectionId: anthropic, modelId: 'anthropic/claude-sonnet-4', nativeId: 'claude-sonnet-4-5' },
    ]);
    const overridden = await fixture.engine.previewRoute({ target: { connectionId: anthropic, model: 'anthropic/claude-sonnet-4' } });
    expect(overridden[0]!.nativeModel).toBe('claude-sonnet-4-5');
    await fixture.engine.setModelOverride({ connectionId: anthropic, modelId: 'anthropic/claude-sonnet-4', nativeId: null });
    expect(await fixture.engine.listModelOverrides({})).toEqual([]);
  });

  it('OpenAI: sends max_completion_tokens instead of max_tokens', async () => {
    const openai = await fixture.addConnection(simulator, 'OpenAI', { preset: 'openai' });
    simulator.requests.length = 0;
    await fixture.run([{ connectionId: openai, model: 'openai/gpt-4o' }], { maxTokens: 50 });
    const body = simulator.requests[0]!.body;
    expect(body.model).toBe('gpt-4o');
    expect(body.max_completion_tokens).toBe(50);
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('Mistral: leaves out stream_options', async () => {
    const mistral = await fixture.addConnection(simulator, 'Mistral', { preset: 'mistral' });
    simulator.requests.length = 0;
    const { responses } = await fixture.run([{ connectionId: mistral, model: 'mistralai/mistral-large' }], { maxTokens: 50 });
    const body = simulator.requests[0]!.body;
    expect(body.model).toBe('mistral-large-latest');
    expect(body).not.toHaveProperty('stream_options');
    expect(body.max_tokens).toBe(50);
    // Mistral sends usage without being asked (the simulator always does).
    expect(responses[0]!.usage).not.toBeNull();
  });

  it('DeepSeek: reads reasoning from reasoning_content', async () => {
    const deepseek = await fixture.addConnection(simulator, 'DeepSeek', { preset: 'deepseek' });
    const { responses } = await fixture.run([{ connectionId: deepseek, model: 'deepseek/deepseek-reasoner' }]);
    expect(responses[0]!.reasoning.length).toBeGreaterThan(0);
    expect(responses[0]!.usage!.reasoningTokens).toBe(5);
  });

  it('reads each provider\'s usage and reasoning fields in one place', () => {
    // DeepSeek: cache hits as prompt_cache_hit_tokens.
    expect(convertUsage({ prompt_tokens: 100, completion_tokens: 20, prompt_cache_hit_tokens: 64, prompt_cache_miss_tokens: 36 } as never)).toMatchObject({
      promptTokens: 100,
      cachedTokens: 64,
    });
    // OpenRouter BYOK: OpenRouter's fee plus what the provider billed directly.
    expect(providerCost({ cost: 0.0001, is_byok: true, cost_details: { upstream_inference_cost: 0.002 } })).toBeCloseTo(0.0021, 15);
    expect(providerCost({ cost: 0.0021, is_byok: false, cost_details: { upstream_inference_cost: 0.0021 } })).toBe(0.0021);
    // Groq: usage inside x_groq on older streams.
    expect(mapStreamChunk({ choices: [], x_groq: { usage: { prompt_tokens: 9, completion_tokens: 3 } } }).usage).toEqual({ prompt_tokens: 9, completion_tokens: 3 });
    // OpenRouter: reasoning only in reasoning_details (summaries); encrypted blocks show nothing.
    expect(
      mapStreamChunk({
        choices: [{ delta: { reasoning: null, reasoning_details: [{ type: 'reasoning.summary', summary: 'Plan: ' }, { type: 'reasoning.encrypted' }, { type: 'reasoning.text', text: 'compare.' }] } }],
      }).reasoning,
    ).toBe('Plan: compare.');
  });
});
