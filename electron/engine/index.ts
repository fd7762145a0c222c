// The engine: pure Node, driven by every host (Electron IPC, web HTTP + SSE, CLI).
// Handlers stay thin: catalog, connections, routing and runs each live in their own module.
import type { RouteCandidateSummary } from '../../shared/catalog-records';
import type { RunDetail } from '../../shared/records';
import { JuxtaFailure } from '../../shared/result';
import { ConnectionModelLists } from './catalog/connection-model-lists';
import { ModelCatalog } from './catalog/model-catalog';
import { ModelOverrides } from './catalog/model-overrides';
import { fetchListing, refreshCatalog } from './catalog/refresh-catalog';
import { systemClock } from './clock';
import { presets, publicPreset } from './connections/connection-presets';
import { Connections } from './connections/connections';
import { detectLocalServers } from './connections/detect-local-servers';
import type { Engine, EngineOptions } from './engine-types';
import { loadGenaiPrices } from './pricing/genai-prices-cost';
import { classifyError } from './provider/classify-error';
import { createClient } from './provider/create-client';
import { toModelInfos } from './provider/list-models';
import { fetchKeyStatus } from './provider/openrouter-key-status';
import { cancellableSleep } from './routing/cancellable-sleep';
import { defaultRetryTiming } from './routing/retry-policy';
import { RouteStats } from './routing/route-stats';
import { capabilityWarnings } from './runs/capability-warnings';
import { checkResponseOutput } from './runs/check-output';
import { planFor } from './runs/route-response';
import { runToolScenario } from './runs/tool-scenario';
import { RunCoordinator } from './runs/run-coordinator';
import { createUsageService } from './usage/index';
import { readGenaiPricesVersion } from './pricing/price-data-version';
import { createReviewService } from './review/index';
import { assertRequestSchemas } from './validation/check-request-schemas';

export type { Engine, EngineOptions, DemoProvider } from './engine-types';

const KEY_STATUS_TIMEOUT_MS = 15_000;
const PRICE_WARM_UP_DELAY_MS = 1_000;

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? systemClock;
  const usage = createUsageService(options.store, clock.wallMs);
  const connections = new Connections({
    store: options.store,
    vault: options.vault,
    env: options.env ?? process.env,
    demo: options.demo,
    now: clock.wallMs,
  });
  const catalog = new ModelCatalog(undefined, options.catalogCache);
  const listings = new ConnectionModelLists();
  const overrides = new ModelOverrides();
  const sources = { catalog, listings, overrides };
  const stats = options.routeStats ?? new RouteStats({ now: clock.wallMs });
  if (options.routeSamples) stats.seed(options.routeSamples);
  const refreshDeps = { catalog, listings, connections, clock };
  // genai-prices takes ~80 ms to import and blocks the event loop meanwhile: load it soon after startup,
  // before anyone streams, when a connection will need it (OpenRouter reports its own cost).
  const warmPrices = setTimeout(() => {
    if (connections.rows().some((row) => connections.presetOf(row).genaiPricesProvider !== null && row.kind !== 'openrouter')) void loadGenaiPrices();
  }, PRICE_WARM_UP_DELAY_MS);
  warmPrices.unref();

  const runs = new RunCoordinator({
    store: options.store,
    connections,
    clock,
    batchIntervalMs: options.batchIntervalMs ?? 16,
    idleTimeoutMs: options.idleTimeoutMs ?? 120_000,
    sources,
    stats,
    retryTiming: { ...defaultRetryTiming, ...options.retryTiming },
    sleep: options.sleep ?? cancellableSleep,
    random: options.random ?? Math.random,
  });

  // Re-runs go through the engine's own startRun (checks, budgets, streaming), declared below.
  const reviews = createReviewService({
    store: options.store,
    now: clock.wallMs,
    random: options.random ?? Math.random,
    appVersion: options.version,
    catalogStatus: () => catalog.currentStatus(),
    genaiPricesVersion: readGenaiPricesVersion,
    startRun: (input) => engine.startRun(input),
  });

  const requireConnection = (connectionId: string): void => {
    if (!options.store.getConnection(connectionId)) {
      throw new JuxtaFailure({ kind: 'invalid_input', message: `No connection with id ${connectionId}.` });
    }
  };

  const engine: Engine = {
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
      listings.delete(connectionId);
      overrides.removeConnection(connectionId);
      return { removed: connections.remove(connectionId) };
    },
    async listModels({ connectionId }) {
      return toModelInfos(await fetchListing(refreshDeps, connectionId));
    },
    async startRun(input) {
      // Tool and response-format schemas are checked before anything is sent (ajv runs on this side only).
      assertRequestSchemas('startRun', input.params);
      for (const target of input.targets) {
        if (!options.store.getConnection(target.connectionId)) {
          throw new JuxtaFailure({ kind: 'invalid_input', message: `targets: no connection with id ${target.connectionId} (model ${target.model})` });
        }
      }
      // Spend budgets: throws when one is used up (unless overridden), else warns from 80%.
      const budgetWarnings = usage.checkBudgets(input.targets.map((target) => target.connectionId), input.overrideBudget ?? false);
      const warnings = capabilityWarnings(input.params, input.targets, catalog, (connectionId) => {
        const row = connections.rows().find((candidate) => candidate.id === connectionId);
        return (row ? connections.presetOf(row).quirks.reasoningRequest : undefined) ?? 'openrouter';
      });
      const started = runs.start(input);
      return { ...started, ...(budgetWarnings.length > 0 ? { budgetWarnings } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
    },
    async stopRun({ runId, responseId }) {
      return { stopped: runs.stop(runId, responseId) };
    },
    async listRuns(input) {
      return options.store.listRuns(input);
    },
    async getRun({ runId }) {
      const live = runs.live(runId);
      if (live) return live;
      const detail = options.store.getRun(runId);
      if (!detail) throw new JuxtaFailure({ kind: 'not_found', message: `No run with id ${runId}.` });
      // structuredOutput is derived, not stored: recompute it (and the tool-call checks) on read.
      for (const response of detail.responses) checkResponseOutput(response, detail.run.params);
      return detail;
    },
    async listCatalog(query) {
      return catalog.query(query);
    },
    async getCatalogModel({ modelId }) {
      const model = catalog.get(modelId);
      if (!model) throw new JuxtaFailure({ kind: 'not_found', message: `The catalog has no model ${modelId}.` });
      return model;
    },
    async refreshCatalog({ connectionId }) {
      requireConnection(connectionId);
      return refreshCatalog(refreshDeps, connectionId);
    },
    async listConnectionPresets() {
      return presets.map(publicPreset);
    },
    async detectLocalServers() {
      return detectLocalServers(connections.rows());
    },
    async listModelOverrides({ connectionId }) {
      return overrides.list(connectionId);
    },
    async setModelOverride({ connectionId, modelId, nativeId }) {
      requireConnection(connectionId);
      overrides.set(connectionId, modelId, nativeId);
      return overrides.list(connectionId);
    },
    async previewRoute({ target }) {
      requireConnection(target.connectionId);
      const run = { id: 'preview', prompt: '', systemPrompt: null, params: {}, targets: [target], createdAt: clock.wallMs() };
      return planFor({ connections, sources, stats, clock }, run, target).map(
        (candidate): RouteCandidateSummary => ({
          connectionId: candidate.connection.row.id,
          connectionLabel: candidate.connection.row.label,
          model: candidate.model,
          nativeModel: candidate.nativeModel,
          nativeFallbacks: candidate.nativeFallbacks,
          pricing: candidate.pricing,
          ttftMs: stats.ttftMs(candidate.statsKey),
          tokensPerSecond: stats.tokensPerSecond(candidate.statsKey),
          coolingDownUntil: candidate.coolingUntil,
          benched: candidate.benched,
        }),
      );
    },
    async getKeyStatus({ connectionId }) {
      const connection = await connections.resolve(connectionId);
      if (connections.presetOf(connection.row).id !== 'openrouter') {
        throw new JuxtaFailure({ kind: 'invalid_input', message: `Key status is available for OpenRouter connections only; "${connection.row.label}" is not one.` });
      }
      try {
        return await fetchKeyStatus(createClient(connection, KEY_STATUS_TIMEOUT_MS), connectionId, clock.wallMs());
      } catch (thrown) {
        throw new JuxtaFailure(classifyError(thrown, { streamStarted: false, nowMs: clock.wallMs() }));
      }
    },
    async getUsageReport(input) {
      return usage.report(input);
    },
    async exportUsageCsv(input) {
      return usage.csv(input);
    },
    async getBudgets() {
      return usage.budgets();
    },
    async setBudget(input) {
      return usage.setBudget(input);
    },
    // Auto mode: one run per step, each continuing the columns that called tools (runs/tool-scenario.ts).
    async runToolScenario(input) {
      const finished = async (runId: string): Promise<RunDetail> => {
        await runs.waitForRun(runId);
        return engine.getRun({ runId });
      };
      return runToolScenario({ start: (request) => engine.startRun(request), finished }, input);
    },
    // Reviews: ratings, notes and tags, blind A/B, leaderboard, diff, re-run, export (review/index.ts).
    async rateResponse(input) {
      return reviews.rateResponse(input);
    },
    async setRunNotes(input) {
      return reviews.setRunNotes(input);
    },
    async getRunAnnotations({ runId }) {
      return reviews.getRunAnnotations(runId);
    },
    async startBlindReview(input) {
      return reviews.startBlindReview(input);
    },
    async voteBlind(input) {
      return reviews.voteBlind(input);
    },
    async voidVote(input) {
      return reviews.voidVote(input);
    },
    async getBlindReview({ reviewId }) {
      return reviews.getBlindReview(reviewId);
    },
    async getLeaderboard(input) {
      return reviews.getLeaderboard(input);
    },
    async diffResponses(input) {
      return reviews.diffResponses(input);
    },
    async rerunRun(input) {
      return reviews.rerunRun(input);
    },
    async exportRun(input) {
      return reviews.exportRun(input);
    },
    subscribeRun(runId, onBatch) {
      return runs.subscribe(runId, onBatch);
    },
    waitForRun(runId) {
      return runs.waitForRun(runId);
    },
    async close() {
      clearTimeout(warmPrices);
      await runs.stopAll();
      await options.demo?.close();
    },
  };
  return engine;
}
