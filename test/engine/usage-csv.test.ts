import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { createUsageService } from '../../electron/engine/usage/index';
import { openTempStore, type TempStore } from '../store/store-fixtures';
import { makeUsage } from '../store/usage-fixtures';

describe('usage CSV export', () => {
  let temp: TempStore | undefined;
  afterEach(() => temp?.dispose());

  it('exports the model x connection table with exact sums, unknown costs and escaped names', () => {
    temp = openTempStore();
    temp.store.insertConnection({ id: 'conn-a', kind: 'openrouter', label: 'Team, "prod"', baseUrl: 'https://openrouter.ai/api/v1', secretRef: null, keyHint: null, createdAt: 0 });
    const at = Date.parse('2025-05-05T12:00:00Z');
    temp.store.insertUsage(makeUsage({ createdAt: at, connectionId: 'conn-a', costUsd: 0.0012345, ttftMs: 200, totalMs: 1200, completionTokens: 50 }));
    temp.store.insertUsage(makeUsage({ createdAt: at + 1, connectionId: 'conn-a', costUsd: null, costSource: 'unknown', ttftMs: 400, totalMs: 1400, completionTokens: 150 }));
    temp.store.insertUsage(makeUsage({ createdAt: at + 2, connectionId: 'conn-gone', modelAsked: '=HYPERLINK("x")', costUsd: 2 }));
    const service = createUsageService(temp.store, () => at);
    const { csv, filename } = service.csv({ from: '2025-05-05', to: '2025-05-05', timeZone: 'America/Los_Angeles' });
    expect(filename).toBe('juxta-usage-2025-05-05-to-2025-05-05-America-Los-Angeles.csv');
    expect(csv.split('\n')[0]).toBe(
      'model,connection,connection_id,calls,errors,input_tokens,output_tokens,cached_tokens,cache_write_tokens,reasoning_tokens,known_cost_usd,unknown_cost_calls,avg_ttft_ms,tokens_per_second',
    );
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed.slice(1)).toEqual([
      // Sorted by spend; a formula-looking model name is neutralised with a leading quote.
      // conn-a: 200 completion tokens over 2 s after the first token = 100 tok/s.
      ["'=HYPERLINK(\"x\")", 'conn-gone', 'conn-gone', '1', '0', '100', '50', '0', '0', '0', '2', '0', '300', '50'],
      ['openai/gpt-4o', 'Team, "prod"', 'conn-a', '2', '0', '200', '200', '0', '0', '0', '0.001235', '1', '300', '100'],
    ]);
  });
});
