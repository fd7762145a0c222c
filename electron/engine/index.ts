// The engine: pure Node, driven by every host (Electron IPC, web HTTP + SSE, CLI).
import type { ModelInfo, ModelPricing } from '../../shared/records';
import { JuxtaFailure } from '../../shared/result';
import { systemClock } from './clock';
import { Connections } from './connections/connections';
import type { Engine, EngineOptions } from './engine-types';
import { classifyError } from './provider/classify-error';
import { createClient } from './provider/create-client';
import { listModels } from './provider/list-models';
import { RunCoordinator } from './runs/run-coordinator';

export type { Engine, EngineOptions, DemoProvider } from './engine-types';

const MODEL_LIST_TIMEOUT_MS = 15_000;

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? systemClock;
  const connections = new Connections({
    store: options.store,
    vault: options.vault,
    env: options.env ?? process.env,
    demo: options.demo,
    now: clock.wallMs,
  });
  // The last /models listing per connection: the picker's data, and prices for estimated costs.
  const modelLists = new Map<string, Map<string, ModelInfo>>();
  const pricingFor = (connectionId: string, model: string): ModelPricing | null =>
    modelLists.get(connectionId)?.get(model)?.pricing ?? null;

  const runs = new RunCoordinator({
    store: options.store,
    connections,
    clock,
    batchIntervalMs: options.batchIntervalMs ?? 16,
    idleTimeoutMs: options.idleTimeoutMs ?? 120_000,
    pricingFor,
  });

  return {
    async getAppInfo() {
      return { version: options.version, host: options.host, secretStorage: options.vault.info, demoAvailable: options.demo !== undefined };
    },
    async listConnections() {
      return connections.list();
    },
    async addConnection(input) {
      return connections.add(input);
    },
    async addDemoConnection() {
      return connections.addDemo();
    },
    async removeConnection({ connectionId }) {
      modelLists.delete(connectionId);
      return { removed: connections.remove(connectionId) };
    },
    async listModels({ connectionId }) {
      const connection = await connections.resolve(connectionId);
      try {
        const models = await listModels(createClient(connection, MODEL_LIST_TIMEOUT_MS));
        modelLists.set(connectionId, new Map(models.map((model) => [model.id, model])));
        return models;
      } catch (thrown) {
        throw new JuxtaFailure(classifyError(thrown, { streamStarted: false, nowMs: clock.wallMs() }));
      }
    },
    async startRun(input) {
      for (const target of input.targets) {
        if (!options.store.getConnection(target.connectionId)) {
          throw new JuxtaFailure({ kind: 'invalid_input', message: `targets: no connection with id ${target.connectionId} (model ${target.model})` });
        }
      }
      return runs.start(input);
    },
    async stopRun({ runId, responseId }) {
      return { stopped: runs.stop(runId, responseId) };
    },
    async listRuns(input) {
      return options.store.listRuns(input);
    },
    async getRun({ runId }) {
      const detail = runs.live(runId) ?? options.store.getRun(runId);
      if (!detail) throw new JuxtaFailure({ kind: 'not_found', message: `No run with id ${runId}.` });
      return detail;
    },
    subscribeRun(runId, onBatch) {
      return runs.subscribe(runId, onBatch);
    },
    waitForRun(runId) {
      return runs.waitForRun(runId);
    },
    async close() {
      await runs.stopAll();
      await options.demo?.close();
    },
  };
}
