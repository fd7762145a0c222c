// The engine + store + vault the web host and the CLI share, opened the same way for both so a
// run made with `juxta compare` shows in the browser's history and the other way round.
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DemoProvider, Engine } from '../engine/engine-types';
import { createEngine } from '../engine/index';
import type { JuxtaStore } from '../store/store-types';
import { openStore } from '../store/index';
import { createFileVault } from './file-vault';

export interface NodeRuntimeOptions {
  /** Default: $JUXTA_HOME, else $XDG_CONFIG_HOME/juxta, else ~/.config/juxta. */
  dataDir?: string;
  /** Offer the demo connection (simulated models). Also on when the store already holds a demo connection. */
  demo?: boolean;
  host: 'electron' | 'web';
  /** Default process.env: JUXTA_HOME, XDG_CONFIG_HOME and env:NAME key references are read from it. */
  env?: Record<string, string | undefined>;
}

export interface NodeRuntime {
  engine: Engine;
  store: JuxtaStore;
  dataDir: string;
  /** Stops running streams, the demo provider and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

export function resolveDataDir(explicit: string | undefined, env: Record<string, string | undefined> = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.JUXTA_HOME) return resolve(env.JUXTA_HOME);
  if (env.XDG_CONFIG_HOME) return resolve(env.XDG_CONFIG_HOME, 'juxta');
  return join(homedir(), '.config', 'juxta');
}

export function readAppVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof packageJson.version === 'string' ? packageJson.version : '0.0.0';
}

/** Starts the provider simulator on first use only; imported dynamically so other hosts never load test code. */
export function createLazyDemoProvider(): DemoProvider {
  let starting: Promise<{ baseUrl: string; close(): Promise<void> }> | undefined;
  return {
    baseUrl() {
      starting ??= (async () => {
        try {
          const simulator = await import('../../test/simulator/index');
          return await simulator.startSimulator({ models: simulator.demoModels() });
        } catch (error) {
          starting = undefined;
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`The demo provider could not start (it needs test/simulator from the Juxta source tree): ${reason}`);
        }
      })();
      return starting.then((simulator) => simulator.baseUrl);
    },
    async close() {
      const current = starting;
      starting = undefined;
      if (!current) return;
      const simulator = await current.catch(() => undefined);
      await simulator?.close();
    },
  };
}

export async function openNodeRuntime(options: NodeRuntimeOptions): Promise<NodeRuntime> {
  const env = options.env ?? process.env;
  const dataDir = resolveDataDir(options.dataDir, env);
  // Only a directory we create gets 0700; an existing one chosen by the user keeps its mode.
  if (mkdirSync(dataDir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dataDir, 0o700);

  const store = openStore(join(dataDir, 'juxta.db'));
  try {
    const vault = createFileVault(join(dataDir, 'secrets.json'));
    // A demo connection added by `npm run web -- --demo` must keep working from the CLI.
    const demoWanted = options.demo === true || store.listConnections().some((connection) => connection.kind === 'demo');
    const demo = demoWanted ? createLazyDemoProvider() : undefined;
    const engine = createEngine({ store, vault, host: options.host, version: readAppVersion(), env, demo });

    let closing: Promise<void> | undefined;
    return {
      engine,
      store,
      dataDir,
      close() {
        closing ??= (async () => {
          try {
            // The engine also stops the demo provider.
            await engine.close();
          } finally {
            store.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
