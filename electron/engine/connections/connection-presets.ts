// Connection presets: default base URL, key variable, catalog provider and quirks per provider.
// Every base URL stays overridable by the user; "custom" is any OpenAI-compatible server.
import type { ConnectionPreset } from '../../../shared/catalog-records';
import type { ConnectionKind } from '../../../shared/records';
import type { RequestQuirks } from '../provider/quirks/request-quirks';

export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

/** The demo connection's base URL is resolved at call time: the simulator listens on a fresh port each start. */
export const DEMO_BASE_URL = 'simulator://demo';

export interface PresetDefinition extends ConnectionPreset {
  /** @pydantic/genai-prices provider id, when it prices this provider's models. */
  genaiPricesProvider: string | null;
  /** Hosts (and for local servers, ports) that identify a connection of this preset by its base URL. */
  hosts: string[];
  ports?: string[];
  quirks: RequestQuirks;
}

const remote = { kind: 'openai-compatible', needsKey: true, local: false } as const;

export const presets: readonly PresetDefinition[] = [
  {
    id: 'openrouter', label: 'OpenRouter', kind: 'openrouter', baseUrl: OPENROUTER_BASE_URL, apiKeyEnv: 'OPENROUTER_API_KEY',
    needsKey: true, local: false, catalogProvider: 'openrouter', genaiPricesProvider: 'openrouter', hosts: ['openrouter.ai'], quirks: {},
    notes: ['Exact cost from usage.cost on every response', 'Fallbacks and provider preferences sent natively (models, provider)', 'Reasoning from reasoning / reasoning_details'],
  },
  {
    ...remote, id: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY',
    catalogProvider: 'openai', genaiPricesProvider: 'openai', hosts: ['api.openai.com'], quirks: { maxTokensField: 'max_completion_tokens', reasoningRequest: 'reasoning-effort' },
    notes: ['max_completion_tokens instead of max_tokens (reasoning models reject max_tokens)', 'Cached tokens from prompt_tokens_details'],
  },
  {
    ...remote, id: 'anthropic', label: 'Anthropic (OpenAI compatibility)', baseUrl: 'https://api.anthropic.com/v1', apiKeyEnv: 'ANTHROPIC_API_KEY',
    catalogProvider: 'anthropic', genaiPricesProvider: 'anthropic', hosts: ['api.anthropic.com'], quirks: { reasoningRequest: 'anthropic-thinking' },
    notes: ['Dated model ids (claude-sonnet-4-20250514) mapped from catalog ids', 'Prompt-cache writes priced by genai-prices'],
  },
  {
    ...remote, id: 'gemini', label: 'Google Gemini (OpenAI compatibility)', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', apiKeyEnv: 'GEMINI_API_KEY',
    catalogProvider: 'google', genaiPricesProvider: 'google', hosts: ['generativelanguage.googleapis.com'], quirks: { reasoningRequest: 'reasoning-effort' },
    notes: ['Model ids without the "google/" prefix', 'Context-tiered prices (over 200k tokens) priced by genai-prices'],
  },
  {
    ...remote, id: 'mistral', label: 'Mistral', baseUrl: 'https://api.mistral.ai/v1', apiKeyEnv: 'MISTRAL_API_KEY',
    catalogProvider: 'mistral', genaiPricesProvider: 'mistral', hosts: ['api.mistral.ai'], quirks: { dropStreamOptions: true },
    notes: ['No stream_options (Mistral answers 422 to it and sends usage anyway)'],
  },
  {
    ...remote, id: 'deepseek', label: 'DeepSeek', baseUrl: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY',
    catalogProvider: 'deepseek', genaiPricesProvider: 'deepseek', hosts: ['api.deepseek.com'], quirks: { reasoningRequest: 'none' },
    notes: ['Reasoning from reasoning_content', 'Cached tokens from prompt_cache_hit_tokens', 'Off-peak prices by time of day (genai-prices)'],
  },
  {
    ...remote, id: 'groq', label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', apiKeyEnv: 'GROQ_API_KEY',
    catalogProvider: 'groq', genaiPricesProvider: 'groq', hosts: ['api.groq.com'], quirks: { reasoningRequest: 'reasoning-effort' },
    notes: ['Usage also read from x_groq.usage on older streams'],
  },
  {
    ...remote, id: 'together', label: 'Together AI', baseUrl: 'https://api.together.xyz/v1', apiKeyEnv: 'TOGETHER_API_KEY',
    catalogProvider: 'togetherai', genaiPricesProvider: 'together', hosts: ['api.together.xyz', 'api.together.ai'], quirks: {},
    notes: ['Hugging Face style model ids (meta-llama/Llama-3.3-70B-Instruct-Turbo)'],
  },
  {
    ...remote, id: 'xai', label: 'xAI', baseUrl: 'https://api.x.ai/v1', apiKeyEnv: 'XAI_API_KEY',
    catalogProvider: 'xai', genaiPricesProvider: 'x-ai', hosts: ['api.x.ai'], quirks: { reasoningRequest: 'reasoning-effort' },
    notes: ['Reasoning from reasoning_content'],
  },
  {
    ...remote, id: 'fireworks', label: 'Fireworks', baseUrl: 'https://api.fireworks.ai/inference/v1', apiKeyEnv: 'FIREWORKS_API_KEY',
    catalogProvider: 'fireworks-ai', genaiPricesProvider: 'fireworks', hosts: ['api.fireworks.ai'], quirks: {},
    notes: ['Model ids as paths (accounts/fireworks/models/...)'],
  },
  {
    id: 'ollama', label: 'Ollama (local)', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', apiKeyEnv: null,
    needsKey: false, local: true, catalogProvider: null, genaiPricesProvider: null, hosts: ['localhost', '127.0.0.1', '[::1]'], ports: ['11434'], quirks: {},
    notes: ['No key, no cost', 'Ollama model names (llama3.1:8b): map catalog ids with a model override'],
  },
  {
    id: 'lmstudio', label: 'LM Studio (local)', kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', apiKeyEnv: null,
    needsKey: false, local: true, catalogProvider: 'lmstudio', genaiPricesProvider: null, hosts: ['localhost', '127.0.0.1', '[::1]'], ports: ['1234'], quirks: {},
    notes: ['No key, no cost'],
  },
  {
    id: 'custom', label: 'Custom (OpenAI-compatible)', kind: 'openai-compatible', baseUrl: null, apiKeyEnv: null,
    needsKey: false, local: false, catalogProvider: null, genaiPricesProvider: null, hosts: [], quirks: {},
    notes: ['Any server speaking the OpenAI chat completions API; give its base URL and, if it needs one, a key or key variable'],
  },
];

const presetsById = new Map(presets.map((preset) => [preset.id, preset]));

export function presetById(id: string): PresetDefinition | undefined {
  return presetsById.get(id);
}

/** The preset a base URL belongs to: a known host (and port for local servers), else undefined (custom). */
export function presetForBaseUrl(baseUrl: string): PresetDefinition | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return presets.find((preset) => preset.hosts.includes(url.hostname) && (preset.ports === undefined || preset.ports.includes(port)));
}

/** What the renderer sees: the definition without engine-only fields. */
export function publicPreset(preset: PresetDefinition): ConnectionPreset {
  const { genaiPricesProvider: _genai, hosts: _hosts, ports: _ports, quirks: _quirks, ...shown } = preset;
  return shown;
}

export function defaultBaseUrl(kind: ConnectionKind): string | undefined {
  if (kind === 'openrouter') return OPENROUTER_BASE_URL;
  if (kind === 'demo') return DEMO_BASE_URL;
  return undefined;
}
