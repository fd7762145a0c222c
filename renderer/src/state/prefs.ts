// UI preferences kept in localStorage. An allow-list of fields: API keys and prompts never go here.
import { MAX_TARGETS } from '../contract-constants';
import type { RunTarget } from '../../../shared/records';

export type ThemePreference = 'system' | 'dark' | 'light';

export interface Prefs {
  connectionId: string | null;
  targets: RunTarget[];
  /** Kept as typed so a half-typed value survives a reload; '' means the provider default. */
  temperature: string;
  maxTokens: string;
  theme: ThemePreference;
  systemPromptOpen: boolean;
  syncScroll: boolean;
}

export const prefsStorageKey = 'juxta.prefs.v1';

export const defaultPrefs: Prefs = {
  connectionId: null,
  targets: [],
  temperature: '',
  maxTokens: '',
  theme: 'system',
  systemPromptOpen: false,
  syncScroll: false,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortString(value: unknown, maximum: number): string | null {
  return typeof value === 'string' && value.length <= maximum ? value : null;
}

/** Tolerant: a corrupt or older value falls back field by field to the defaults. */
export function parsePrefs(raw: string | null): Prefs {
  if (!raw) return { ...defaultPrefs };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ...defaultPrefs };
  }
  if (!isRecord(parsed)) return { ...defaultPrefs };
  const targets: RunTarget[] = [];
  if (Array.isArray(parsed.targets)) {
    for (const target of parsed.targets) {
      if (!isRecord(target)) continue;
      const connectionId = shortString(target.connectionId, 200);
      const model = shortString(target.model, 300);
      if (connectionId && model && targets.length < MAX_TARGETS) targets.push({ connectionId, model });
    }
  }
  const theme = parsed.theme === 'dark' || parsed.theme === 'light' || parsed.theme === 'system' ? parsed.theme : defaultPrefs.theme;
  return {
    connectionId: shortString(parsed.connectionId, 200),
    targets,
    temperature: shortString(parsed.temperature, 20) ?? defaultPrefs.temperature,
    maxTokens: shortString(parsed.maxTokens, 20) ?? defaultPrefs.maxTokens,
    theme,
    systemPromptOpen: typeof parsed.systemPromptOpen === 'boolean' ? parsed.systemPromptOpen : defaultPrefs.systemPromptOpen,
    syncScroll: typeof parsed.syncScroll === 'boolean' ? parsed.syncScroll : defaultPrefs.syncScroll,
  };
}

/** Serialises only the known fields, whatever else the object carries. */
export function serializePrefs(prefs: Prefs): string {
  const allowed: Prefs = {
    connectionId: prefs.connectionId,
    targets: prefs.targets.map(({ connectionId, model }) => ({ connectionId, model })),
    temperature: prefs.temperature,
    maxTokens: prefs.maxTokens,
    theme: prefs.theme,
    systemPromptOpen: prefs.systemPromptOpen,
    syncScroll: prefs.syncScroll,
  };
  return JSON.stringify(allowed);
}

export interface ParsedParams {
  params: { temperature?: number; maxTokens?: number };
  errors: { temperature?: string; maxTokens?: string };
}

/** Turns the two typed inputs into run params, with the same ranges as the contract. */
export function parseRunParams(temperature: string, maxTokens: string): ParsedParams {
  const result: ParsedParams = { params: {}, errors: {} };
  const temperatureText = temperature.trim();
  if (temperatureText !== '') {
    const value = Number(temperatureText);
    if (!Number.isFinite(value) || value < 0 || value > 2) result.errors.temperature = 'expected 0 to 2';
    else result.params.temperature = value;
  }
  const maxTokensText = maxTokens.trim();
  if (maxTokensText !== '') {
    const value = Number(maxTokensText);
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000) result.errors.maxTokens = 'expected a whole number from 1 to 1,000,000';
    else result.params.maxTokens = value;
  }
  return result;
}
