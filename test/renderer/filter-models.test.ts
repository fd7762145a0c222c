import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../shared/records';
import { filterModels } from '../../renderer/src/models/filter-models';

const model = (id: string, name: string): ModelInfo => ({ id, name, contextLength: null, pricing: null });
const catalog = [
  model('openai/gpt-4o-mini', 'OpenAI: GPT-4o mini'),
  model('openai/gpt-4o', 'OpenAI: GPT-4o'),
  model('anthropic/claude-sonnet-4', 'Anthropic: Claude Sonnet 4'),
  model('deepseek/deepseek-r1', 'DeepSeek: R1'),
  model('mistralai/mistral-large', 'Mistral Large'),
];

describe('filterModels', () => {
  it('returns everything (capped) for an empty query', () => {
    expect(filterModels(catalog, '').total).toBe(5);
    expect(filterModels(catalog, '', 2).models).toHaveLength(2);
  });

  it('puts an exact id first, then prefix matches', () => {
    expect(filterModels(catalog, 'openai/gpt-4o').models.map((entry) => entry.id)).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini']);
  });

  it('matches the part after the vendor as a prefix', () => {
    expect(filterModels(catalog, 'claude').models[0]?.id).toBe('anthropic/claude-sonnet-4');
  });

  it('matches by name and requires every word', () => {
    expect(filterModels(catalog, 'sonnet anthropic').models.map((entry) => entry.id)).toEqual(['anthropic/claude-sonnet-4']);
    expect(filterModels(catalog, 'mistral large').models.map((entry) => entry.id)).toEqual(['mistralai/mistral-large']);
    expect(filterModels(catalog, 'gpt claude').total).toBe(0);
  });

  it('is case-insensitive', () => {
    expect(filterModels(catalog, 'DeepSeek').models[0]?.id).toBe('deepseek/deepseek-r1');
  });
});
