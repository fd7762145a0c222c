// Through OpenRouter: native fallbacks (`models`) and provider preferences (`provider`) sent exactly
// as documented, variant suffixes, the provider OpenRouter reports, and the key status.
import type OpenAI from 'openai';
import { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '../../electron/engine/provider/classify-error';
import { fetchKeyStatus } from '../../electron/engine/provider/openrouter-key-status';
import { parseModelVariant } from '../../electron/engine/routing/model-variant';
import { dispatch } from '../../shared/dispatch';
import type { Simulator } from '../simulator/types';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

describe('through OpenRouter', () => {
  let fixture: RoutingFixture;
  let openRouter: Simulator;
  let direct: Simulator;
  let openRouterId: string;
  let directId: string;
  const quick = { tokensPerSecond: 0, outputTokens: 4, firstTokenDelayMs: 5 };

  beforeAll(async () => {
    fixture = await startRoutingFixture({ sleep: async () => {} });
    openRouter = await fixture.startSimulator([
      { id: 'anthropic/claude-sonnet-4', provider: 'Anthropic', ...quick },
      { id: 'anthropic/claude-sonnet-4:nitro', provider: 'Google', ...quick },
      { id: 'openai/gpt-4o', provider: 'Azure', ...quick },
      { id: 'meta-llama/llama-3.3-70b-instruct:free', provider: 'Venice', ...quick },
    ]);
    direct = await fixture.startSimulator([{ id: 'openai/gpt-4o', ...quick }, { id: 'anthropic/claude-sonnet-4', ...quick }]);
    openRouterId = await fixture.addConnection(openRouter, 'OpenRouter', { kind: 'openrouter' });
    directId = await fixture.addConnection(direct, 'Direct proxy');
    await fixture.engine.listModels({ connectionId: directId });
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('sends fallbacks as `models` and provider preferences as `provider`, exactly', async () => {
    openRouter.requests.length = 0;
    const { responses } = await fixture.run(
      [
        {
          connectionId: openRouterId,
          model: 'anthropic/claude-sonnet-4',
          fallbackModels: ['openai/gpt-4o', 'deepseek/deepseek-r1'],
          routing: {
            sort: 'throughput',
            openrouter: {
              provider: {
                order: ['anthropic', 'amazon-bedrock'],
                allowFallbacks: false,
                requireParameters: true,
                dataCollection: 'deny',
                only: ['anthropic', 'amazon-bedrock', 'google-vertex'],
                ignore: ['deepinfra'],
                quantizations: ['fp8'],
                maxPrice: { prompt: 5, completion: 20 },
                zdr: true,
              },
            },
          },
        },
      ],
      { prompt: 'Say hi.', maxTokens: 64 },
    );
    expect(responses[0]!.status).toBe('done');
    expect(openRouter.requests).toHaveLength(1);
    expect(openRouter.requests[0]!.body).toEqual({
      model: 'anthropic/claude-sonnet-4',
      models: ['anthropic/claude-sonnet-4', 'openai/gpt-4o', 'deepseek/deepseek-r1'],
      messages: [{ role: 'user', content: 'Say hi.' }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 64,
      provider: {
        order: ['anthropic', 'amazon-bedrock'],
        allow_fallbacks: false,
        require_parameters: true,
        data_collection: 'deny',
        only: ['anthropic', 'amazon-bedrock', 'google-vertex'],
        ignore: ['deepinfra'],
        quantizations: ['fp8'],
        // The column's sort becomes OpenRouter's provider sort when the preferences name none.
        sort: 'throughput',
        max_price: { prompt: 5, completion: 20 },
        zdr: true,
      },
    });
    // OpenRouter says who served it; that is what the column records.
    expect(responses[0]).toMatchObject({ modelServed: 'anthropic/claude-sonnet-4', providerServed: 'Anthropic' });
  });

  it('records the fallback model OpenRouter actually used', async () => {
    openRouter.requests.length = 0;
    const { responses } = await fixture.run([{ connectionId: openRouterId, model: 'openai/gpt-9-unreleased', fallbackModels: ['openai/gpt-4o'] }]);
    expect(openRouter.requests[0]!.body.models).toEqual(['openai/gpt-9-unreleased', 'openai/gpt-4o']);
    expect(openRouter.requests[0]!.body.provider).toBeUndefined();
    expect(responses[0]).toMatchObject({ status: 'done', modelAsked: 'openai/gpt-9-unreleased', modelServed: 'openai/gpt-4o', providerServed: 'Azure' });
    expect(responses[0]!.attempts).toHaveLength(1);
  });

  it('sends :nitro as written to OpenRouter', async () => {
    openRouter.requests.length = 0;
    const { responses } = await fixture.run([{ connectionId: openRouterId, model: 'anthropic/claude-sonnet-4:nitro' }]);
    expect(openRouter.requests[0]!.body.model).toBe('anthropic/claude-sonnet-4:nitro');
    // :nitro means "sort by throughput": OpenRouter applies it itself, so no provider field is added.
    expect(openRouter.requests[0]!.body.provider).toBeUndefined();
    expect(responses[0]!.providerServed).toBe('Google');
  });

  it('sends native fallbacks only for models OpenRouter serves, and keeps direct routes in between', async () => {
    const plan = await fixture.engine.previewRoute({
      target: { connectionId: directId, model: 'openai/gpt-4o', fallbackModels: ['anthropic/claude-sonnet-4'], routing: { order: [directId, openRouterId] } },
    });
    expect(plan.map((candidate) => [candidate.connectionLabel, candidate.model, candidate.nativeFallbacks])).toEqual([
      ['Direct proxy', 'openai/gpt-4o', []],
      ['OpenRouter', 'openai/gpt-4o', ['anthropic/claude-sonnet-4']],
      ['Direct proxy', 'anthropic/claude-sonnet-4', []],
    ]);
    const withoutNative = await fixture.engine.previewRoute({
      target: {
        connectionId: directId,
        model: 'openai/gpt-4o',
        fallbackModels: ['anthropic/claude-sonnet-4'],
        routing: { order: [directId, openRouterId], openrouter: { nativeFallbacks: false } },
      },
    });
    expect(withoutNative.map((candidate) => [candidate.connectionLabel, candidate.model])).toEqual([
      ['Direct proxy', 'openai/gpt-4o'],
      ['OpenRouter', 'openai/gpt-4o'],
      ['Direct proxy', 'anthropic/claude-sonnet-4'],
      ['OpenRouter', 'anthropic/claude-sonnet-4'],
    ]);
  });

  it('routes :free models only through OpenRouter', async () => {
    const plan = await fixture.engine.previewRoute({
      target: { connectionId: openRouterId, model: 'meta-llama/llama-3.3-70b-instruct:free', routing: { order: [directId, openRouterId] } },
    });
    expect(plan.map((candidate) => candidate.connectionLabel)).toEqual(['OpenRouter']);
  });

  it('reads the key status: limit, usage windows, credits balance, free-model quota', async () => {
    await fixture.run([{ connectionId: openRouterId, model: 'meta-llama/llama-3.3-70b-instruct:free' }]);
    const status = await fixture.engine.getKeyStatus({ connectionId: openRouterId });
    expect(status).toMatchObject({
      connectionId: openRouterId,
      // The simulator labels keys by their masked value, as OpenRouter does.
      label: 'sk-or-v1-ro...000',
      limitUsd: null,
      limitRemainingUsd: null,
      isFreeTier: false,
      creditsError: null,
      freeModels: { dailyLimit: 1000, usedToday: 1, remainingToday: 999, perMinuteLimit: 20, source: 'reported' },
    });
    expect(status.usageUsd.total).toBeGreaterThan(0);
    expect(status.usageUsd.daily).toBe(status.usageUsd.total);
    expect(status.credits!.totalUsd).toBe(100);
    expect(status.credits!.balanceUsd).toBeCloseTo(100 - status.credits!.usedUsd, 12);
    expect(status.freeModels.resetsAt % 86_400_000).toBe(0);
  });

  it('refuses key status for a connection that is not OpenRouter', async () => {
    const result = await dispatch(fixture.engine, 'getKeyStatus', { connectionId: directId });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});

describe('OpenRouter account details', () => {
  it('keeps the key status when /credits wants a management key, and derives the free quota', async () => {
    const client = {
      async get(path: string) {
        if (path === '/credits') throw APIError.generate(403, { error: { code: 403, message: 'Only management keys can fetch credits' } }, undefined, new Headers());
        return { data: { label: 'sk-or-v1-abc...def', limit: 20, limit_remaining: 12.5, limit_reset: 'monthly', usage: 7.5, usage_daily: 1, usage_weekly: 2, usage_monthly: 7.5, is_free_tier: true } };
      },
    } as unknown as OpenAI;
    const now = Date.parse('2026-05-04T18:30:00Z');
    const status = await fetchKeyStatus(client, 'c1', now);
    expect(status).toMatchObject({
      limitUsd: 20,
      limitRemainingUsd: 12.5,
      limitReset: 'monthly',
      usageUsd: { total: 7.5, daily: 1, weekly: 2, monthly: 7.5 },
      isFreeTier: true,
      credits: null,
      freeModels: { dailyLimit: 50, usedToday: null, source: 'derived', resetsAt: Date.parse('2026-05-05T00:00:00Z') },
    });
    expect(status.creditsError).toMatch(/denied access \(403\)/);
  });

  it('says which free-model quota a 429 hit and when it resets', () => {
    const nowMs = Date.parse('2026-05-04T18:30:00Z');
    const resetsAt = Date.parse('2026-05-05T00:00:00Z');
    const error = classifyError(
      APIError.generate(
        429,
        {
          error: {
            code: 429,
            message: 'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day',
            metadata: { headers: { 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetsAt) } },
          },
        },
        undefined,
        new Headers(),
      ),
      { streamStarted: false, nowMs },
    );
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      quota: { name: 'free-models-per-day', limit: 50, remaining: 0, resetsAt },
      retryAfterMs: resetsAt - nowMs,
    });
    expect(error.message).toBe(
      'The daily quota for free models is used up (50 requests a day). It resets at 00:00 UTC (in 5 h 30 min). Buying 10 credits once raises it to 1000 a day.',
    );
  });

  it('says plainly when credits ran out, and when they only cover fewer tokens', () => {
    const context = { streamStarted: false, nowMs: 0 };
    const outOf = classifyError(APIError.generate(402, { error: { code: 402, message: 'Insufficient credits' } }, undefined, new Headers()), context);
    expect(outOf).toMatchObject({ kind: 'insufficient_credits', message: 'The account has run out of credits (402): add credits or pick a free model.' });
    const fewer = classifyError(
      APIError.generate(402, { error: { code: 402, message: 'This request requires more credits, or fewer max_tokens. You requested up to 16384 tokens, but can only afford 1201.' } }, undefined, new Headers()),
      context,
    );
    expect(fewer.message).toBe("The account's credits cover only 1201 output tokens for this model (402): lower Max tokens or add credits.");
  });

  it('parses variant suffixes without mistaking an Ollama tag for one', () => {
    expect(parseModelVariant('anthropic/claude-sonnet-4:nitro')).toEqual({ baseModel: 'anthropic/claude-sonnet-4', variant: 'nitro' });
    expect(parseModelVariant('meta-llama/llama-3.3-70b-instruct:free')).toEqual({ baseModel: 'meta-llama/llama-3.3-70b-instruct', variant: 'free' });
    expect(parseModelVariant('llama3.1:8b')).toEqual({ baseModel: 'llama3.1:8b', variant: null });
  });
});
