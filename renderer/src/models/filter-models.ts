// Ranking for the model picker: every word typed must appear in the id or the name;
// id-prefix matches first (people type "anthropic/" or "gpt-4"), then id matches, then name matches.
import type { ModelInfo } from '../../../shared/records';

function rank(model: ModelInfo, query: string, words: readonly string[]): number {
  const id = model.id.toLowerCase();
  const name = model.name.toLowerCase();
  for (const word of words) if (!id.includes(word) && !name.includes(word)) return -1;
  if (id === query) return 0;
  const bareId = id.slice(id.indexOf('/') + 1);
  if (id.startsWith(query) || bareId.startsWith(query)) return 1;
  if (id.includes(query)) return 2;
  if (name.includes(query)) return 3;
  return 4;
}

export interface FilteredModels {
  models: ModelInfo[];
  /** How many matched in all (the list shown may be capped). */
  total: number;
}

export function filterModels(models: readonly ModelInfo[], query: string, limit = 60): FilteredModels {
  const normalized = query.trim().toLowerCase();
  if (normalized === '') return { models: models.slice(0, limit), total: models.length };
  const words = normalized.split(/\s+/);
  const ranked: { model: ModelInfo; score: number; position: number }[] = [];
  models.forEach((model, position) => {
    const score = rank(model, normalized, words);
    if (score >= 0) ranked.push({ model, score, position });
  });
  ranked.sort((left, right) => left.score - right.score || left.position - right.position);
  return { models: ranked.slice(0, limit).map((entry) => entry.model), total: ranked.length };
}
