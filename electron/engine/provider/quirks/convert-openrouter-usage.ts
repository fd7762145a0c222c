// OpenRouter's usage block carries the exact charge: usage.cost in USD (credits). With BYOK (your own
// provider key) cost is only OpenRouter's fee and the provider bills cost_details.upstream_inference_cost
// to you directly, so the call's real cost is the sum.
export interface OpenRouterUsage {
  cost?: number | null;
  is_byok?: boolean | null;
  cost_details?: { upstream_inference_cost?: number | null } | null;
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

export function openRouterCost(usage: OpenRouterUsage): number | undefined {
  if (!finite(usage.cost)) return undefined;
  const upstream = usage.cost_details?.upstream_inference_cost;
  return usage.is_byok === true && finite(upstream) ? usage.cost + upstream : usage.cost;
}
