// Locally measured speed and health per model x connection, for sorting routes and skipping bad ones.
// - Time to first token and tokens/s: a peak-sensitive EWMA (a worse sample counts at once, a better one
//   blends in), weighted by the time between samples, so a burst of calls does not outweigh a quiet hour.
// - Staleness: an estimate not refreshed for a while regresses toward the neutral value of its peers,
//   so a route that was slow once is tried again eventually instead of being shunned forever.
// - Cool-down: a route that just failed (429, 5xx, timeout) is skipped until its Retry-After, or a short default.
// - Bench: a route whose recent calls mostly failed is tried last until its error score decays.
import type { ErrorKind, JuxtaError } from '../../../shared/result';

export interface RouteStatsOptions {
  /** Wall clock (ms). */
  now: () => number;
  /** Samples this far apart blend about 37 old / 63 new (default 1 min). */
  sampleTimeConstantMs?: number;
  /** An estimate this old is halfway back to neutral (default 1 h). */
  staleHalfLifeMs?: number;
  /** Cool-down after a failure without Retry-After (default 15 s). */
  defaultCooldownMs?: number;
  /** Longest cool-down, whatever Retry-After says (default 10 min). */
  maxCooldownMs?: number;
  /** Error and success counts lose half their weight in this time (default 5 min). */
  healthHalfLifeMs?: number;
  /** Benched when the decayed failure count is at least this ... (default 3) */
  benchMinFailures?: number;
  /** ... and failures are more than this share of recent calls (default 0.5). */
  benchErrorRatio?: number;
}

/** One past call, e.g. a usage row, for seeding the stats at startup. */
export interface RouteSample {
  at: number;
  connectionId: string;
  model: string;
  ok: boolean;
  errorKind?: ErrorKind | null;
  ttftMs?: number | null;
  tokensPerSecond?: number | null;
}

interface RouteRecord {
  ttftMs: number | null;
  tokensPerSecond: number | null;
  lastSampleAt: number;
  failures: number;
  successes: number;
  lastOutcomeAt: number;
  coolingUntil: number;
}

const MAX_WEIGHT_OF_OLD = 0.75;
const HEALTHY = Object.freeze({ coolingUntil: null, benched: false });

/** Failures that say the route (not the request) is unwell right now. */
const routeFailureKinds = new Set<ErrorKind>(['rate_limited', 'overloaded', 'provider_error', 'timeout', 'network', 'stream_broken']);

export function routeKey(connectionId: string, model: string): string {
  return `${connectionId}\u0000${model}`;
}

export class RouteStats {
  private readonly records = new Map<string, RouteRecord>();
  private readonly sampleTimeConstantMs: number;
  private readonly staleHalfLifeMs: number;
  private readonly defaultCooldownMs: number;
  private readonly maxCooldownMs: number;
  private readonly healthHalfLifeMs: number;
  private readonly benchMinFailures: number;
  private readonly benchErrorRatio: number;

  constructor(private readonly options: RouteStatsOptions) {
    this.sampleTimeConstantMs = options.sampleTimeConstantMs ?? 60_000;
    this.staleHalfLifeMs = options.staleHalfLifeMs ?? 60 * 60_000;
    this.defaultCooldownMs = options.defaultCooldownMs ?? 15_000;
    this.maxCooldownMs = options.maxCooldownMs ?? 10 * 60_000;
    this.healthHalfLifeMs = options.healthHalfLifeMs ?? 5 * 60_000;
    this.benchMinFailures = options.benchMinFailures ?? 3;
    this.benchErrorRatio = options.benchErrorRatio ?? 0.5;
  }

  recordSuccess(key: string, sample: { ttftMs: number | null; tokensPerSecond: number | null }, at = this.options.now()): void {
    const record = this.recordOf(key);
    // Samples far apart in time: the new one dominates. Close together: each still counts at least a
    // quarter, so a route recovers from one slow call within a handful of good ones.
    const elapsed = Math.max(0, at - record.lastSampleAt);
    const weightOfOld = record.lastSampleAt === 0 ? 0 : Math.min(MAX_WEIGHT_OF_OLD, Math.exp(-elapsed / this.sampleTimeConstantMs));
    // Lower is better for time to first token: a slower sample is believed at once.
    if (sample.ttftMs !== null) record.ttftMs = blend(record.ttftMs, sample.ttftMs, weightOfOld, (sampled, current) => sampled > current);
    // Higher is better for throughput: a slower sample is believed at once.
    if (sample.tokensPerSecond !== null) {
      record.tokensPerSecond = blend(record.tokensPerSecond, sample.tokensPerSecond, weightOfOld, (sampled, current) => sampled < current);
    }
    record.lastSampleAt = at;
    this.countOutcome(record, true, at);
  }

  recordFailure(key: string, error: Pick<JuxtaError, 'kind' | 'retryAfterMs'>, at = this.options.now()): void {
    if (!routeFailureKinds.has(error.kind)) return;
    const record = this.recordOf(key);
    this.countOutcome(record, false, at);
    const cooldown = Math.min(this.maxCooldownMs, Math.max(0, error.retryAfterMs ?? this.defaultCooldownMs));
    record.coolingUntil = Math.max(record.coolingUntil, at + cooldown);
  }

  /** Past calls (oldest first is not required), e.g. from the usage table at startup. */
  seed(samples: readonly RouteSample[]): void {
    for (const sample of [...samples].sort((a, b) => a.at - b.at)) {
      const key = routeKey(sample.connectionId, sample.model);
      if (sample.ok) this.recordSuccess(key, { ttftMs: sample.ttftMs ?? null, tokensPerSecond: sample.tokensPerSecond ?? null }, sample.at);
      else if (sample.errorKind) this.recordFailure(key, { kind: sample.errorKind }, sample.at);
    }
  }

  /** Cool-down and bench in one lookup (routing asks for every route of every column). */
  health(key: string, now = this.options.now()): { coolingUntil: number | null; benched: boolean } {
    const record = this.records.get(key);
    if (!record) return HEALTHY;
    return { coolingUntil: record.coolingUntil > now ? record.coolingUntil : null, benched: this.isBenched(key, now) };
  }

  /** Until when the route is cooling down, or null when it may be used now. */
  coolingUntil(key: string, now = this.options.now()): number | null {
    const until = this.records.get(key)?.coolingUntil ?? 0;
    return until > now ? until : null;
  }

  isBenched(key: string, now = this.options.now()): boolean {
    const record = this.records.get(key);
    if (!record) return false;
    const decay = this.healthDecay(now - record.lastOutcomeAt);
    const failures = record.failures * decay;
    const successes = record.successes * decay;
    return failures >= this.benchMinFailures && failures / (failures + successes) > this.benchErrorRatio;
  }

  /** Time to first token estimate; null when never measured. `neutral` is what staleness regresses toward. */
  ttftMs(key: string, neutral: number | null = null, now = this.options.now()): number | null {
    const record = this.records.get(key);
    return record ? this.regress(record.ttftMs, neutral, now - record.lastSampleAt) : null;
  }

  tokensPerSecond(key: string, neutral: number | null = null, now = this.options.now()): number | null {
    const record = this.records.get(key);
    return record ? this.regress(record.tokensPerSecond, neutral, now - record.lastSampleAt) : null;
  }

  private regress(value: number | null, neutral: number | null, ageMs: number): number | null {
    if (value === null || neutral === null) return value;
    const keep = Math.pow(0.5, Math.max(0, ageMs) / this.staleHalfLifeMs);
    return neutral + (value - neutral) * keep;
  }

  private countOutcome(record: RouteRecord, ok: boolean, at: number): void {
    const decay = this.healthDecay(at - record.lastOutcomeAt);
    record.failures = record.failures * decay + (ok ? 0 : 1);
    record.successes = record.successes * decay + (ok ? 1 : 0);
    record.lastOutcomeAt = Math.max(record.lastOutcomeAt, at);
  }

  private healthDecay(elapsedMs: number): number {
    return Math.pow(0.5, Math.max(0, elapsedMs) / this.healthHalfLifeMs);
  }

  private recordOf(key: string): RouteRecord {
    let record = this.records.get(key);
    if (!record) {
      record = { ttftMs: null, tokensPerSecond: null, lastSampleAt: 0, failures: 0, successes: 0, lastOutcomeAt: 0, coolingUntil: 0 };
      this.records.set(key, record);
    }
    return record;
  }
}

function blend(current: number | null, sample: number, weightOfOld: number, isWorse: (sample: number, current: number) => boolean): number {
  if (current === null || isWorse(sample, current)) return sample;
  return current * weightOfOld + sample * (1 - weightOfOld);
}
