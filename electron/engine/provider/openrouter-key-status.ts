// OpenRouter key and account status: GET /key (limit, usage windows, free tier, free-model quota)
// and GET /credits (credits bought minus used). /credits may refuse an ordinary key (it wants a
// management key on some accounts): the status then says so instead of failing as a whole.
import type OpenAI from 'openai';
import type { KeyStatus, UsageWindowsUsd } from '../../../shared/catalog-records';
import type { ClassifyContext } from './classify-error';
import { classifyError } from './classify-error';

interface WireKey {
  label?: unknown;
  limit?: unknown;
  limit_remaining?: unknown;
  limit_reset?: unknown;
  usage?: unknown;
  usage_daily?: unknown;
  usage_weekly?: unknown;
  usage_monthly?: unknown;
  byok_usage?: unknown;
  byok_usage_daily?: unknown;
  byok_usage_weekly?: unknown;
  byok_usage_monthly?: unknown;
  is_free_tier?: unknown;
  free_model_daily_requests?: { used?: unknown; limit?: unknown; remaining?: unknown } | null;
}

interface WireCredits {
  total_credits?: unknown;
  total_usage?: unknown;
}

// OpenRouter's documented free-model limits: 20 requests a minute; 50 a day, or 1000 a day once the
// account has bought at least 10 credits in total.
const FREE_PER_MINUTE = 20;
const FREE_PER_DAY = 50;
const FREE_PER_DAY_WITH_CREDITS = 1000;
const CREDITS_FOR_HIGHER_FREE_LIMIT = 10;

const numberOr = <T>(value: unknown, fallback: T): number | T => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function windows(total: unknown, daily: unknown, weekly: unknown, monthly: unknown): UsageWindowsUsd {
  return { total: numberOr(total, 0), daily: numberOr(daily, 0), weekly: numberOr(weekly, 0), monthly: numberOr(monthly, 0) };
}

function nextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

/** Both endpoints wrap their object in { data }. */
async function getData<T>(client: OpenAI, path: string, signal: AbortSignal | undefined): Promise<T> {
  const body = (await client.get(path, { signal })) as { data?: T } | null;
  return (body?.data ?? {}) as T;
}

export async function fetchKeyStatus(client: OpenAI, connectionId: string, now: number, signal?: AbortSignal): Promise<KeyStatus> {
  const key = await getData<WireKey>(client, '/key', signal);
  let credits: KeyStatus['credits'] = null;
  let creditsError: string | null = null;
  try {
    const wire = await getData<WireCredits>(client, '/credits', signal);
    const totalUsd = numberOr(wire.total_credits, 0);
    const usedUsd = numberOr(wire.total_usage, 0);
    credits = { totalUsd, usedUsd, balanceUsd: totalUsd - usedUsd };
  } catch (thrown) {
    const context: ClassifyContext = { streamStarted: false, nowMs: now };
    creditsError = classifyError(thrown, context).message;
  }

  const reported = key.free_model_daily_requests;
  const reportedLimit = numberOr(reported?.limit, null);
  const dailyLimit =
    reportedLimit ?? ((credits?.totalUsd ?? 0) >= CREDITS_FOR_HIGHER_FREE_LIMIT ? FREE_PER_DAY_WITH_CREDITS : FREE_PER_DAY);
  const hasByok = ['byok_usage', 'byok_usage_daily'].some((field) => typeof key[field as keyof WireKey] === 'number');
  return {
    connectionId,
    label: typeof key.label === 'string' ? key.label : null,
    limitUsd: numberOr(key.limit, null),
    limitRemainingUsd: numberOr(key.limit_remaining, null),
    limitReset: typeof key.limit_reset === 'string' ? key.limit_reset : null,
    usageUsd: windows(key.usage, key.usage_daily, key.usage_weekly, key.usage_monthly),
    byokUsageUsd: hasByok ? windows(key.byok_usage, key.byok_usage_daily, key.byok_usage_weekly, key.byok_usage_monthly) : null,
    isFreeTier: key.is_free_tier === true,
    credits,
    creditsError,
    freeModels: {
      dailyLimit,
      usedToday: numberOr(reported?.used, null),
      remainingToday: numberOr(reported?.remaining, null),
      perMinuteLimit: FREE_PER_MINUTE,
      resetsAt: nextUtcMidnight(now),
      source: reportedLimit === null ? 'derived' : 'reported',
    },
    checkedAt: now,
  };
}
