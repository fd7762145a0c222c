// A real engine on a real store with several simulators, one per connection, for routing tests.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../../electron/engine/index';
import { createFileVault } from '../../electron/hosts/file-vault';
import { openStore } from '../../electron/store/index';
import type { JuxtaStore } from '../../electron/store/store-types';
import type { MethodInput } from '../../shared/contract';
import type { ResponseRecord } from '../../shared/records';
import type { RunEvent } from '../../shared/run-events';
import { startSimulator } from '../simulator/index';
import type { SimulatedModel, Simulator, SimulatorOptions } from '../simulator/types';

export const TEST_KEY = 'sk-or-v1-routing-test-key-0000';

export type Target = MethodInput<'startRun'>['targets'][number];

export interface RoutingRun {
  runId: string;
  responses: ResponseRecord[];
  events: RunEvent[];
}

export interface RoutingFixture {
  engine: Engine;
  store: JuxtaStore;
  dataDir: string;
  simulators: Simulator[];
  startSimulator(models: SimulatedModel[], options?: Omit<SimulatorOptions, 'models'>): Promise<Simulator>;
  addConnection(simulator: Simulator, label: string, extra?: Partial<MethodInput<'addConnection'>>): Promise<string>;
  run(targets: Target[], options?: { prompt?: string; maxTokens?: number; onEvent?: (event: RunEvent, runId: string) => void }): Promise<RoutingRun>;
  usageRows(responseId: string): Array<{ connection_id: string; model_asked: string; status: string; error_kind: string | null; cost_usd: number | null; cost_source: string }>;
  close(): Promise<void>;
}

export async function startRoutingFixture(engineOptions: Partial<EngineOptions> = {}): Promise<RoutingFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'juxta-routing-'));
  const store = openStore(join(dataDir, 'juxta.db'));
  const engine = createEngine({
    store,
    vault: createFileVault(join(dataDir, 'secrets.json')),
    host: 'web',
    version: 'test',
    idleTimeoutMs: 2_000,
    ...engineOptions,
  });
  const simulators: Simulator[] = [];

  const fixture: RoutingFixture = {
    engine,
    store,
    dataDir,
    simulators,
    async startSimulator(models, options = {}) {
      const simulator = await startSimulator({ models, ...options });
      simulators.push(simulator);
      return simulator;
    },
    async addConnection(simulator, label, extra = {}) {
      const connection = await engine.addConnection({ kind: 'openai-compatible', label, baseUrl: simulator.baseUrl, apiKey: TEST_KEY, ...extra });
      return connection.id;
    },
    async run(targets, options = {}) {
      const { runId } = await engine.startRun({
        prompt: options.prompt ?? 'Compare two sorting algorithms.',
        params: options.maxTokens ? { maxTokens: options.maxTokens } : {},
        targets,
      });
      const events: RunEvent[] = [];
      const responses = new Map<string, ResponseRecord>();
      await new Promise<void>((resolve) => {
        engine.subscribeRun(runId, (batch) => {
          for (const event of batch) {
            events.push(event);
            options.onEvent?.(event, runId);
            if (event.type === 'response-end') responses.set(event.responseId, event.response);
            if (event.type === 'run-end') resolve();
          }
        });
      });
      return { runId, events, responses: [...responses.values()].sort((a, b) => a.targetIndex - b.targetIndex) };
    },
    usageRows(responseId) {
      const db = new Database(join(dataDir, 'juxta.db'), { readonly: true });
      try {
        return db
          .prepare('SELECT connection_id, model_asked, status, error_kind, cost_usd, cost_source FROM usage WHERE response_id = ? ORDER BY id')
          .all(responseId) as ReturnType<RoutingFixture['usageRows']>;
      } finally {
        db.close();
      }
    },
    async close() {
      await engine.close();
      store.close();
      await Promise.all(simulators.map((simulator) => simulator.close()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** The events of one type, narrowed. */
export function eventsOfType<T extends RunEvent['type']>(events: RunEvent[], type: T): Array<Extract<RunEvent, { type: T }>> {
  return events.filter((event): event is Extract<RunEvent, { type: T }> => event.type === type);
}
