// Catalog, presets and account shapes the renderer sees. Plain JSON, like records.ts.
import type { ConnectionKind, ModelPricing } from './records';

export type Modality = 'text' | 'image' | 'audio' | 'video' | 'pdf';
export type Capability = 'tools' | 'structuredOutput' | 'reasoning';

/** One provider serving a catalog model, under its own id and price. */
export interface CatalogOffer {
  /** Catalog provider id, e.g. "openrouter", "anthropic", "groq". */
  provider: string;
  providerName: string;
  /** The id that provider's API expects, e.g. "claude-sonnet-4-20250514". */
  nativeId: string;
  pricing: ModelPricing | null;
  contextLength: number | null;
}

export interface CatalogModel {
  /** OpenRouter-style "author/slug", e.g. "anthropic/claude-sonnet-4". */
  id: string;
  name: string;
  author: string;
  contextLength: number | null;
  maxOutputTokens: number | null;
  inputModalities: Modality[];
  outputModalities: Modality[];
  capabilities: Record<Capability, boolean>;
  /** Reference price (OpenRouter's, else the first-party provider's); per-provider prices are on the offers. */
  pricing: ModelPricing | null;
  offers: CatalogOffer[];
  releaseDate: string | null;
  openWeights: boolean;
  /** bundled: from the offline data shipped with the app; refreshed: confirmed or added by a live refresh. */
  origin: 'bundled' | 'refreshed';
}

export interface CatalogStatus {
  /** e.g. "models.dev f3fc692 (2026-07-02)". */
  bundledSource: string;
  modelCount: number;
  /** Wall time of the last successful live refresh, null when only bundled data is known. */
  refreshedAt: number | null;
  /** Label of the connection the last refresh came from. */
  refreshedFrom: string | null;
}

export interface CatalogProviderFacet {
  id: string;
  name: string;
  modelCount: number;
}

export interface CatalogPage {
  models: CatalogModel[];
  /** Matches before limit/offset. */
  total: number;
  status: CatalogStatus;
  /** Every provider in the catalog with its model count, for the provider filter. */
  providers: CatalogProviderFacet[];
}

export interface CatalogRefreshResult {
  status: CatalogStatus;
  /** Models the refresh added to the catalog. */
  added: number;
  /** Models already known whose data the refresh updated. */
  updated: number;
}

/** A connection template: default base URL, key variable and the quirks the engine applies. */
export interface ConnectionPreset {
  id: string;
  label: string;
  kind: Exclude<ConnectionKind, 'demo'>;
  /** null for "custom": the user gives the URL. */
  baseUrl: string | null;
  /** Conventional environment variable for the key, null when the server takes none. */
  apiKeyEnv: string | null;
  needsKey: boolean;
  /** Runs on this machine (Ollama, LM Studio): no key, no cost. */
  local: boolean;
  /** Catalog provider whose native ids and prices this connection uses, null when unknown. */
  catalogProvider: string | null;
  /** Quirks handled for this provider, in words, for the connection form. */
  notes: string[];
}

export interface LocalServerStatus {
  presetId: string;
  baseUrl: string;
  running: boolean;
  /** Models the server lists, when running. */
  modelCount: number | null;
  /** An existing connection with this base URL, if any. */
  connectionId: string | null;
}

/** A user's mapping of a catalog id to a connection's own id (e.g. "meta-llama/llama-3.1-8b-instruct" -> "llama3.1:8b" on Ollama). */
export interface ModelOverride {
  connectionId: string;
  modelId: string;
  nativeId: string;
}

export interface UsageWindowsUsd {
  total: number;
  daily: number;
  weekly: number;
  monthly: number;
}

/** OpenRouter key and account status from GET /key and GET /credits. */
export interface KeyStatus {
  connectionId: string;
  /** OpenRouter's label for the key (its masked value unless renamed). */
  label: string | null;
  /** Spending cap of the key in USD, null when unlimited. */
  limitUsd: number | null;
  limitRemainingUsd: number | null;
  /** "daily", "weekly", "monthly" or null when the cap never resets. */
  limitReset: string | null;
  usageUsd: UsageWindowsUsd;
  byokUsageUsd: UsageWindowsUsd | null;
  isFreeTier: boolean;
  /** Account balance: total credits bought minus total usage; null when /credits refused the key. */
  credits: { totalUsd: number; usedUsd: number; balanceUsd: number } | null;
  /** Why credits is null (e.g. the endpoint needs a management key). */
  creditsError: string | null;
  /** Quota for ":free" models: a per-day count (50, or 1000 once 10 credits were ever bought) and a per-minute rate. */
  freeModels: {
    dailyLimit: number;
    usedToday: number | null;
    remainingToday: number | null;
    perMinuteLimit: number;
    /** Wall time of the next reset (UTC midnight). */
    resetsAt: number;
    /** reported: OpenRouter's own counter; derived: from the documented tiers and the credits bought. */
    source: 'reported' | 'derived';
  };
  checkedAt: number;
}

/** One planned route of a column, as the engine would try it now. */
export interface RouteCandidateSummary {
  connectionId: string;
  connectionLabel: string;
  model: string;
  nativeModel: string;
  /** Fallback models OpenRouter gets natively in `models` with this call. */
  nativeFallbacks: string[];
  pricing: ModelPricing | null;
  /** Locally measured, decayed averages; null until measured. */
  ttftMs: number | null;
  tokensPerSecond: number | null;
  coolingDownUntil: number | null;
  benched: boolean;
}
