// Which price data computed the costs, for exports (a cost is only reproducible with its price list).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let genaiPricesVersion: string | undefined;

/** The installed @pydantic/genai-prices version ("0.1.8"), or "unknown" when its package.json cannot be read. */
export function readGenaiPricesVersion(): string {
  if (genaiPricesVersion !== undefined) return genaiPricesVersion;
  try {
    // Its exports map hides package.json: resolve the entry point and walk up to the package root.
    let directory = dirname(createRequire(import.meta.url).resolve('@pydantic/genai-prices'));
    for (let depth = 0; depth < 4; depth++, directory = dirname(directory)) {
      try {
        const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
        if (manifest.name === '@pydantic/genai-prices' && typeof manifest.version === 'string') {
          genaiPricesVersion = manifest.version;
          return genaiPricesVersion;
        }
      } catch {
        // No package.json at this level: keep walking up.
      }
    }
  } catch {
    // Not resolvable (e.g. a bundle without node_modules).
  }
  genaiPricesVersion = 'unknown';
  return genaiPricesVersion;
}
