// Connections: where a model is called (base URL) and with which key. Keys go to the vault at once;
// the store keeps only a reference and a masked hint, and the renderer sees only the hint.
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { ConnectionSummary } from '../../../shared/records';
import { JuxtaFailure } from '../../../shared/result';
import type { ConnectionRow, JuxtaStore } from '../../store/store-types';
import type { DemoProvider } from '../engine-types';
import type { SecretVault } from '../secrets/secret-vault';
import { DEMO_BASE_URL, defaultBaseUrl, presetById, presetForBaseUrl, presets, type PresetDefinition } from './connection-presets';
import { maskKey } from './key-hint';

export interface ResolvedConnection {
  row: ConnectionRow;
  baseUrl: string;
  apiKey: string | undefined;
}

export interface ConnectionsOptions {
  store: JuxtaStore;
  vault: SecretVault;
  env: Record<string, string | undefined>;
  demo: DemoProvider | undefined;
  now: () => number;
}

const ROWS_CACHE_MS = 1000;
const customPreset = presets.find((preset) => preset.id === 'custom')!;
/** The built-in simulator speaks OpenRouter's wire format but is neither priced nor in the catalog. */
const demoPreset: PresetDefinition = { ...customPreset, id: 'demo', label: 'Demo', notes: [] };

export function toSummary(row: ConnectionRow, preset?: PresetDefinition): ConnectionSummary {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    baseUrl: row.baseUrl,
    keyHint: row.keyHint,
    keySource: row.secretRef === null ? 'none' : row.secretRef.startsWith('env:') ? 'env' : 'vault',
    createdAt: row.createdAt,
    ...(preset ? { preset: preset.id } : {}),
  };
}

export class Connections {
  /**
   * Presets chosen when adding a connection whose base URL does not reveal it (a proxy in front of
   * OpenAI, a test server). In memory only until the store keeps a preset column: after a restart such a
   * connection falls back to what its URL says (usually "custom": catalog prices instead of genai-prices).
   */
  private readonly declaredPresets = new Map<string, string>();
  private rowsCache: { rows: ConnectionRow[]; readAt: number } | undefined;

  constructor(private readonly options: ConnectionsOptions) {}

  list(): ConnectionSummary[] {
    return this.rows().map((row) => toSummary(row, this.presetOf(row)));
  }

  /**
   * Every connection row. Routing reads them for every response, so they are cached, for a second
   * only: another process on the same database (the CLI beside the app) may add one meanwhile.
   */
  rows(): readonly ConnectionRow[] {
    const now = this.options.now();
    if (!this.rowsCache || now - this.rowsCache.readAt > ROWS_CACHE_MS) {
      this.rowsCache = { rows: this.options.store.listConnections(), readAt: now };
    }
    return this.rowsCache.rows;
  }

  get(connectionId: string): ConnectionRow | undefined {
    return this.rows().find((row) => row.id === connectionId);
  }

  presetOf(row: ConnectionRow): PresetDefinition {
    if (row.kind === 'demo') return demoPreset;
    const declared = this.declaredPresets.get(row.id);
    if (declared) return presetById(declared) ?? customPreset;
    if (row.kind === 'openrouter') return presetById('openrouter')!;
    return presetForBaseUrl(row.baseUrl) ?? customPreset;
  }

  add(input: ParsedInput<'addConnection'>): ConnectionSummary {
    const preset = input.preset === undefined ? undefined : presetById(input.preset);
    if (input.preset !== undefined && !preset) {
      throw new JuxtaFailure({ kind: 'invalid_input', message: `preset: no preset "${input.preset}"; see listConnectionPresets.` });
    }
    if (preset && preset.kind !== input.kind) {
      throw new JuxtaFailure({ kind: 'invalid_input', message: `kind: the ${preset.label} preset is a "${preset.kind}" connection, not "${input.kind}".` });
    }
    const baseUrl = input.baseUrl ?? preset?.baseUrl ?? defaultBaseUrl(input.kind);
    if (!baseUrl) {
      throw new JuxtaFailure({ kind: 'invalid_input', message: 'baseUrl: expected the endpoint URL of the OpenAI-compatible server, e.g. http://localhost:11434/v1' });
    }
    const id = randomUUID();
    let secretRef: string | null = null;
    let keyHint: string | null = null;
    if (input.apiKey) {
      secretRef = `vault:${id}`;
      this.options.vault.save(secretRef, input.apiKey);
      keyHint = maskKey(input.apiKey);
    } else {
      // A preset that needs a key reads its conventional variable when no key was given.
      const keyEnv = input.apiKeyEnv ?? (preset?.needsKey ? preset.apiKeyEnv : null);
      if (keyEnv) {
        secretRef = `env:${keyEnv}`;
        keyHint = `$${keyEnv}`;
      }
    }
    const row: ConnectionRow = { id, kind: input.kind, label: input.label, baseUrl: baseUrl.replace(/\/+$/, ''), secretRef, keyHint, createdAt: this.options.now() };
    this.options.store.insertConnection(row);
    this.rowsCache = undefined;
    if (preset && presetForBaseUrl(row.baseUrl)?.id !== preset.id && !(preset.id === 'openrouter' && row.kind === 'openrouter')) {
      this.declaredPresets.set(id, preset.id);
    }
    return toSummary(row, this.presetOf(row));
  }

  addDemo(): ConnectionSummary {
    if (!this.options.demo) {
      throw new JuxtaFailure({ kind: 'invalid_input', message: 'The demo connection is not available in this host.' });
    }
    const existing = this.rows().find((row) => row.kind === 'demo');
    if (existing) return toSummary(existing, demoPreset);
    const row: ConnectionRow = {
      id: randomUUID(),
      kind: 'demo',
      label: 'Demo (simulated models, no cost)',
      baseUrl: DEMO_BASE_URL,
      secretRef: null,
      keyHint: null,
      createdAt: this.options.now(),
    };
    this.options.store.insertConnection(row);
    this.rowsCache = undefined;
    return toSummary(row, demoPreset);
  }

  remove(connectionId: string): boolean {
    const row = this.options.store.getConnection(connectionId);
    if (!row) return false;
    if (row.secretRef?.startsWith('vault:')) this.options.vault.remove(row.secretRef);
    this.declaredPresets.delete(connectionId);
    this.rowsCache = undefined;
    return this.options.store.deleteConnection(connectionId);
  }

  /** Everything needed to call the connection: its live base URL and its key (Node side only). */
  async resolve(connectionId: string): Promise<ResolvedConnection> {
    const row = this.options.store.getConnection(connectionId);
    if (!row) {
      throw new JuxtaFailure({ kind: 'not_found', message: `No connection with id ${connectionId}: it may have been removed.` });
    }
    const baseUrl = row.kind === 'demo' ? await this.demoBaseUrl() : row.baseUrl;
    return { row, baseUrl, apiKey: this.loadKey(row) };
  }

  private async demoBaseUrl(): Promise<string> {
    if (!this.options.demo) {
      throw new JuxtaFailure({ kind: 'network', message: 'The demo connection needs the built-in simulator, which this host does not provide.' });
    }
    return this.options.demo.baseUrl();
  }

  private loadKey(row: ConnectionRow): string | undefined {
    if (row.secretRef === null) return undefined;
    if (row.secretRef.startsWith('env:')) {
      const name = row.secretRef.slice('env:'.length);
      const value = this.options.env[name];
      if (!value) {
        throw new JuxtaFailure({ kind: 'auth', message: `The key for "${row.label}" comes from the environment variable ${name}, which is not set.` });
      }
      return value;
    }
    const value = this.options.vault.load(row.secretRef);
    if (value === undefined) {
      throw new JuxtaFailure({ kind: 'auth', message: `The stored key for "${row.label}" could not be read; add the connection again.` });
    }
    return value;
  }
}
