// Tags are typed as one comma-separated line; the host trims and de-duplicates them too.
import { MAX_TAGS } from '../../../shared/review-schema';

export function parseTags(line: string): string[] {
  const seen = new Set<string>();
  for (const part of line.split(',')) {
    const tag = part.trim();
    if (tag !== '') seen.add(tag);
  }
  return [...seen].slice(0, MAX_TAGS);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
