// A real engine on a real store (temp dir) against the project's provider simulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../electron/engine/index';
import { createFileVault } from '../../electron/hosts/file-vault';
import { openStore } from '../../electron/store/index';
import type { JuxtaStore } from '../../electron/store/store-types';
import type { ResponseRecord } from '../../shared/records';
import type { RunEvent } from '../../shared/run-events';
import { startSimulator } from '../simulator/index';
import type { SimulatedModel, Simulator } from '../simulator/types';

export interface EngineFixture {
  engine: Engine;
  store: JuxtaStore;
  simulator: Simulator;
  dataDir: string;
  connectionId: string;
  /** Starts a run, collects every batch until run-end, returns final responses in target order. */
  run(models: string[], options?: { prompt?: string; maxTokens?: number; onEvent?: (event: RunEvent) => void }): Promise<RunResult>;
  close(): Promise<void>;
}

export interface RunResult {
  runId: string;
  responses: ResponseRecord[];
  batches: RunEvent[][];
}

export async function startEngineFixture(models: SimulatedModel[], engineOptions: { idleTimeoutMs?: number } = {}): Promise<EngineFixture> {
  const simulator = await startSimulator({ models, apiKeys: ['sk-test-key-0123456789'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'juxta-engine-'));
  const store = openStore(join(dataDir, 'juxta.db'));
  const engine = createEngine({
    store,
    vault: createFileVault(join(dataDir, 'secrets.json')),
    host: 'web',
    version: 'test',
    ...engineOptions,
  });
  const connection = await engine.addConnection({ kind: 'openai-compatible', label: 'Simulator', baseUrl: simulator.baseUrl, apiKey: 'sk-test-key-0123456789' });

  const fixture: EngineFixture = {
    engine,
    store,
    simulator,
    dataDir,
    connectionId: connection.id,
    async run(modelIds, options = {}) {
      const { runId } = await engine.startRun({
        prompt: options.prompt ?? 'Compare two sorting algorithms.',
        params: options.maxTokens ? { maxTokens: options.maxTokens } : {},
        targets: modelIds.map((model) => ({ connectionId: connection.id, model })),
      });
      const batches: RunEvent[][] = [];
      const responses = new Map<string, ResponseRecord>();
      await new Promise<void>((resolve) => {
        engine.subscribeRun(runId, (batch) => {
          batches.push(batch);
          for (const event of batch) {
            options.onEvent?.(event);
            if (event.type === 'response-end') responses.set(event.responseId, event.response);
            if (event.type === 'run-end') resolve();
          }
        });
      });
      return { runId, batches, responses: [...responses.values()].sort((a, b) => a.targetIndex - b.targetIndex) };
    },
    async close() {
      await engine.close();
      store.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
