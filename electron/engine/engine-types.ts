// How a host builds the engine. The engine is pure Node: the hosts (Electron main, web, CLI)
// hand it a store, a vault and, optionally, a way to start the demo provider.
import type { JuxtaService } from '../../shared/contract';
import type { JuxtaStore } from '../store/store-types';
import type { CatalogCache } from './catalog/model-catalog';
import type { Clock } from './clock';
import type { Sleep } from './routing/cancellable-sleep';
import type { RetryTiming } from './routing/retry-policy';
import type { RouteSample, RouteStats } from './routing/route-stats';
import type { SecretVault } from './secrets/secret-vault';

export interface DemoProvider {
  /** Starts (once) the simulated provider behind the demo connection and returns its base URL. */
  baseUrl(): Promise<string>;
  close(): Promise<void>;
}

export interface EngineOptions {
  store: JuxtaStore;
  vault: SecretVault;
  host: 'electron' | 'web';
  version: string;
  demo?: DemoProvider;
  /** Environment for env:NAME key references; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Coalescing window for run events sent to subscribers (default 16 ms). */
  batchIntervalMs?: number;
  /** A provider call that sends no bytes for this long is ended as a timeout (default 120 s). */
  idleTimeoutMs?: number;
  /** Monotonic and wall clocks (tests may pass their own). */
  clock?: Clock;
  /** Where a live catalog refresh is kept across restarts (e.g. a store table); in memory only when absent. */
  catalogCache?: CatalogCache;
  /** Past calls to seed the route stats from (e.g. recent usage rows), so sorting by latency works from the first run. */
  routeSamples?: RouteSample[];
  /** The route stats themselves (tests seed or inspect them); a fresh in-memory one by default. */
  routeStats?: RouteStats;
  /** Backoff and retry limits (defaults in routing/retry-policy.ts). */
  retryTiming?: Partial<RetryTiming>;
  /** The wait between retries (tests may pass a recording one). */
  sleep?: Sleep;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export interface Engine extends JuxtaService {
  /** Stops every running stream (recorded as stopped) and the demo provider. */
  close(): Promise<void>;
  /** Resolves when the run has ended (all responses final). For hosts and tests that need to wait. */
  waitForRun(runId: string): Promise<void>;
}
