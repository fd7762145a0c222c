// Model sets: a realistic default for tests, and a free, clearly labelled demo set for the app.
import type { SimulatedModel } from './types';

/** Served when startSimulator() gets no models: real-looking ids with list prices, quick to answer. */
export function defaultModels(): SimulatedModel[] {
  return [
    { id: 'sim/fast', name: 'Simulator: Fast', provider: 'Simulator', firstTokenDelayMs: 0, tokensPerSecond: 0 },
    {
      id: 'openai/gpt-4o',
      name: 'OpenAI: GPT-4o',
      servedAs: 'openai/gpt-4o-2024-08-06',
      provider: 'OpenAI',
      pricing: { prompt: 0.0000025, completion: 0.00001, inputCacheRead: 0.00000125 },
    },
    {
      id: 'anthropic/claude-sonnet-4',
      name: 'Anthropic: Claude Sonnet 4',
      provider: 'Anthropic',
      contextLength: 200_000,
      pricing: { prompt: 0.000003, completion: 0.000015, inputCacheRead: 0.0000003 },
    },
    {
      id: 'deepseek/deepseek-r1',
      name: 'DeepSeek: R1',
      provider: 'DeepInfra',
      contextLength: 163_840,
      reasoningTokens: 30,
      pricing: { prompt: 0.0000004, completion: 0.000002 },
    },
  ];
}

const FREE = { prompt: 0, completion: 0, inputCacheRead: 0 };
const DEMO_PROVIDER = 'Juxta Simulator';

/** The demo connection: zero prices, varied speeds, every name saying it is simulated. */
export function demoModels(): SimulatedModel[] {
  return [
    {
      id: 'demo/swift-mini',
      name: 'Demo: Swift Mini (simulated)',
      provider: DEMO_PROVIDER,
      pricing: FREE,
      firstTokenDelayMs: 150,
      tokensPerSecond: 150,
      outputTokens: 180,
      contextLength: 32_000,
    },
    {
      id: 'demo/balanced-medium',
      name: 'Demo: Balanced Medium (simulated)',
      provider: DEMO_PROVIDER,
      pricing: FREE,
      firstTokenDelayMs: 300,
      tokensPerSecond: 90,
      outputTokens: 220,
      cachedPromptTokens: 12,
    },
    {
      id: 'demo/steady-large',
      name: 'Demo: Steady Large (simulated)',
      provider: DEMO_PROVIDER,
      pricing: FREE,
      firstTokenDelayMs: 450,
      tokensPerSecond: 55,
      outputTokens: 260,
      contextLength: 200_000,
    },
    {
      id: 'demo/thoughtful-pro',
      name: 'Demo: Thoughtful Pro (simulated, reasoning)',
      provider: DEMO_PROVIDER,
      pricing: FREE,
      firstTokenDelayMs: 800,
      tokensPerSecond: 45,
      reasoningTokens: 60,
      outputTokens: 200,
    },
    {
      id: 'demo/deep-reasoner',
      name: 'Demo: Deep Reasoner (simulated, DeepSeek-style reasoning)',
      provider: DEMO_PROVIDER,
      pricing: FREE,
      firstTokenDelayMs: 600,
      tokensPerSecond: 30,
      reasoningTokens: 40,
      reasoningField: 'reasoning_content',
      outputTokens: 120,
    },
    {
      id: 'demo/tool-caller',
      name: 'Demo: Tool Caller (simulated, calls tools when offered)',
      provider: DEMO_PROVIDER,
      pricing: FREE,
      firstTokenDelayMs: 250,
      tokensPerSecond: 120,
      outputTokens: 150,
      toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' }],
    },
  ];
}
