// Connections: where a model is called (base URL) and with which key. Keys go to the vault at once;
// the store keeps only a reference and a masked hint, and the renderer sees only the hint.
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { ConnectionSummary } from '../../../shared/records';
import { JuxtaFailure } from '../../../shared/result';
import type { ConnectionRow, JuxtaStore } from '../../store/store-types';
import type { DemoProvider } from '../engine-types';
import type { SecretVault } from '../secrets/secret-vault';
import { DEMO_BASE_URL, defaultBaseUrl } from './connection-presets';
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

export function toSummary(row: ConnectionRow): ConnectionSummary {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    baseUrl: row.baseUrl,
    keyHint: row.keyHint,
    keySource: row.secretRef === null ? 'none' : row.secretRef.startsWith('env:') ? 'env' : 'vault',
    createdAt: row.createdAt,
  };
}

export class Connections {
  constructor(private readonly options: ConnectionsOptions) {}

  list(): ConnectionSummary[] {
    return this.options.store.listConnections().map(toSummary);
  }

  add(input: ParsedInput<'addConnection'>): ConnectionSummary {
    const baseUrl = input.baseUrl ?? defaultBaseUrl(input.kind);
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
    } else if (input.apiKeyEnv) {
      secretRef = `env:${input.apiKeyEnv}`;
      keyHint = `$${input.apiKeyEnv}`;
    }
    const row: ConnectionRow = { id, kind: input.kind, label: input.label, baseUrl: baseUrl.replace(/\/+$/, ''), secretRef, keyHint, createdAt: this.options.now() };
    this.options.store.insertConnection(row);
    return toSummary(row);
  }

  addDemo(): ConnectionSummary {
    if (!this.options.demo) {
      throw new JuxtaFailure({ kind: 'invalid_input', message: 'The demo connection is not available in this host.' });
    }
    const existing = this.options.store.listConnections().find((row) => row.kind === 'demo');
    if (existing) return toSummary(existing);
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
    return toSummary(row);
  }

  remove(connectionId: string): boolean {
    const row = this.options.store.getConnection(connectionId);
    if (!row) return false;
    if (row.secretRef?.startsWith('vault:')) this.options.vault.remove(row.secretRef);
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
