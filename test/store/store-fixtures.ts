// Shared helpers for the store suites: a real SQLite file in a fresh temp directory, and sample records.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseRecord, RunRecord } from '../../shared/records';
import { openStore, type JuxtaStore, type OpenStoreOptions } from '../../electron/store/index';

export interface TempStore {
  store: JuxtaStore;
  directory: string;
  path: string;
  reopen(): JuxtaStore;
  dispose(): void;
}

export function openTempStore(options: OpenStoreOptions = {}): TempStore {
  const directory = mkdtempSync(join(tmpdir(), 'juxta-store-'));
  const path = join(directory, 'juxta.sqlite');
  const handle: TempStore = {
    store: openStore(path, { log: () => {}, ...options }),
    directory,
    path,
    reopen() {
      handle.store.close();
      handle.store = openStore(path, { log: () => {}, ...options });
      return handle.store;
    },
    dispose() {
      handle.store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return handle;
}

export function makeRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    prompt: 'Explain the borrow checker in Rust.',
    systemPrompt: null,
    params: {},
    targets: [
      { connectionId: 'conn-or', model: 'anthropic/claude-sonnet-4' },
      { connectionId: 'conn-or', model: 'openai/gpt-4o' },
    ],
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function makeResponse(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    id: 'response-1',
    runId: 'run-1',
    targetIndex: 0,
    connectionId: 'conn-or',
    modelAsked: 'anthropic/claude-sonnet-4',
    modelServed: null,
    providerServed: null,
    status: 'done',
    incomplete: false,
    text: '',
    reasoning: '',
    toolCalls: [],
    finishReason: 'stop',
    usage: null,
    cost: { usd: null, source: 'unknown' },
    metrics: { ttftMs: null, totalMs: null, tokensPerSecond: null },
    error: null,
    attempts: [],
    ...overrides,
  };
}

/** A run with one response per target, all finished with the given texts. */
export function insertFinishedRun(store: JuxtaStore, run: RunRecord, texts: string[], costs: (number | null)[] = []): void {
  store.insertRun(run);
  run.targets.forEach((target, targetIndex) => {
    const cost = costs[targetIndex] ?? null;
    store.saveResponse(
      makeResponse({
        id: `${run.id}-r${targetIndex}`,
        runId: run.id,
        targetIndex,
        connectionId: target.connectionId,
        modelAsked: target.model,
        text: texts[targetIndex] ?? '',
        cost: { usd: cost, source: cost === null ? 'unknown' : 'provider' },
      }),
    );
  });
}
