// Spend per API key, for GET /key and GET /credits. Only completed generations are charged.
import type { CreditsInfo, KeyInfo } from './openrouter-shapes';

interface Charge {
  /** Date.now() when charged. */
  at: number;
  cost: number;
  /** A ":free" model: counts against the free-model daily quota. */
  free: boolean;
}

const SIMULATED_TOTAL_CREDITS = 100;
// OpenRouter: 50 free-model requests a day, 1000 once 10 credits were ever bought.
const FREE_MODEL_DAILY_LIMIT = SIMULATED_TOTAL_CREDITS >= 10 ? 1000 : 50;

function startOfUtcDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

// OpenRouter's weekly usage starts on Monday (UTC).
function startOfUtcWeek(now: Date): number {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return startOfUtcDay(now) - daysSinceMonday * 86_400_000;
}

function startOfUtcMonth(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
}

/** OpenRouter labels keys by their masked value, e.g. "sk-or-v1-au7...890". */
function maskedKey(key: string): string {
  if (key === '') return 'simulator (no key)';
  return key.length <= 14 ? `${key.slice(0, 3)}...` : `${key.slice(0, 11)}...${key.slice(-3)}`;
}

export class Account {
  private readonly chargesByKey = new Map<string, Charge[]>();

  constructor(private readonly label: string | undefined) {}

  /** `key` is the bearer token, or '' when the request had none. */
  charge(key: string, cost: number, modelId = ''): void {
    const charges = this.chargesByKey.get(key) ?? [];
    charges.push({ at: Date.now(), cost, free: modelId.endsWith(':free') });
    this.chargesByKey.set(key, charges);
  }

  keyInfo(key: string): KeyInfo {
    const charges = this.chargesByKey.get(key) ?? [];
    const now = new Date();
    const since = (start: number): number =>
      charges.filter((charge) => charge.at >= start).reduce((sum, charge) => sum + charge.cost, 0);
    return {
      label: this.label ?? maskedKey(key),
      limit: null,
      limit_remaining: null,
      limit_reset: null,
      include_byok_in_limit: false,
      usage: since(0),
      usage_daily: since(startOfUtcDay(now)),
      usage_weekly: since(startOfUtcWeek(now)),
      usage_monthly: since(startOfUtcMonth(now)),
      byok_usage: 0,
      byok_usage_daily: 0,
      byok_usage_weekly: 0,
      byok_usage_monthly: 0,
      is_free_tier: false,
      is_provisioning_key: false,
      is_management_key: false,
      rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
      expires_at: null,
      creator_user_id: null,
      free_model_daily_requests: this.freeModelRequests(startOfUtcDay(now)),
    };
  }

  /** The free-model quota is per account, like the credits. */
  private freeModelRequests(since: number): { used: number; limit: number; remaining: number } {
    let used = 0;
    for (const charges of this.chargesByKey.values()) used += charges.filter((charge) => charge.free && charge.at >= since).length;
    return { used, limit: FREE_MODEL_DAILY_LIMIT, remaining: Math.max(0, FREE_MODEL_DAILY_LIMIT - used) };
  }

  /** Credits are per account: the usage of every key together. */
  credits(): CreditsInfo {
    let totalUsage = 0;
    for (const charges of this.chargesByKey.values()) {
      for (const charge of charges) totalUsage += charge.cost;
    }
    return { total_credits: SIMULATED_TOTAL_CREDITS, total_usage: totalUsage };
  }
}
