// Input schemas for a column's routing policy (RunTarget.fallbackModels and .routing), kept beside
// the contract so contract.ts stays a list of methods.
import { z } from 'zod';
import type { OpenRouterProviderPreferences, RoutingPolicy } from './records';

export const MAX_FALLBACK_MODELS = 5;
const modelId = z.string().trim().min(1, 'expected a model id').max(300);
const connectionId = z.string().min(1, 'expected a non-empty id').max(200);
const providerSlug = z.string().trim().min(1).max(100);
const routeSort = z.enum(['price', 'latency', 'throughput']);
const usd = z.number().min(0, 'expected a price of 0 or more');

export const openRouterProviderSchema = z
  .object({
    order: z.array(providerSlug).max(30).optional(),
    allowFallbacks: z.boolean().optional(),
    requireParameters: z.boolean().optional(),
    dataCollection: z.enum(['allow', 'deny']).optional(),
    only: z.array(providerSlug).max(30).optional(),
    ignore: z.array(providerSlug).max(30).optional(),
    quantizations: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
    sort: routeSort.optional(),
    maxPrice: z
      .object({ prompt: usd.optional(), completion: usd.optional(), request: usd.optional(), image: usd.optional() })
      .strict()
      .optional(),
    zdr: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<OpenRouterProviderPreferences>;

export const routingPolicySchema = z
  .object({
    sort: routeSort.optional(),
    order: z.array(connectionId).max(20).optional(),
    retries: z.number().int('expected a whole number').min(0).max(5, 'expected at most 5 retries').optional(),
    attemptTimeoutMs: z.number().int().min(100, 'expected at least 100 ms').max(3_600_000).optional(),
    totalTimeoutMs: z.number().int().min(100, 'expected at least 100 ms').max(3_600_000).optional(),
    openrouter: z
      .object({ provider: openRouterProviderSchema.optional(), nativeFallbacks: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict() satisfies z.ZodType<RoutingPolicy>;

export const fallbackModelsSchema = z
  .array(modelId)
  .max(MAX_FALLBACK_MODELS, `expected at most ${MAX_FALLBACK_MODELS} fallback models`);
