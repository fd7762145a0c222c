// `juxta` as a user runs it: a child process with its own JUXTA_HOME, against the provider simulator.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSummary, ResponseRecord, RunSummary } from '../../shared/records';
import { openStore } from '../../electron/store/index';
import { startSimulator, type Simulator } from '../simulator/index';
import { runJuxta, type CliResult } from './run-juxta';

const API_KEY = 'sk-sim-cli-test-5f1e2d3c4b5a';

let home: string;
let simulator: Simulator;

function juxta(args: string[], stdin?: string): Promise<CliResult> {
  return runJuxta(home, args, stdin);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'juxta-cli-'));
  simulator = await startSimulator({ apiKeys: [API_KEY] });
});

afterAll(async () => {
  await simulator?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('juxta CLI', () => {
  it('refuses a key on the command line without echoing it', async () => {
    const result = await juxta(['connections', 'add', '--kind', 'openrouter', '--label', 'OR', '--key', 'sk-or-visible-in-ps']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--key-env');
    expect(result.stderr).toContain('--key-stdin');
    expect(result.stderr).toContain('visible to other users');
    expect(result.stderr + result.stdout).not.toContain('sk-or-visible-in-ps');
  });

  it('adds a connection with the key from stdin into a 0600 secrets file, never into the database', async () => {
    const added = await juxta(
      ['connections', 'add', '--kind', 'openai-compatible', '--label', 'sim', '--base-url', simulator.baseUrl, '--key-stdin', '--json'],
      `${API_KEY}\n`,
    );
    expect(added.stderr).not.toContain('Error');
    expect(added.code).toBe(0);
    const connection = JSON.parse(added.stdout) as ConnectionSummary;
    expect(connection).toMatchObject({ kind: 'openai-compatible', label: 'sim', keySource: 'vault' });
    expect(added.stdout).not.toContain(API_KEY);

    const secretsPath = join(home, 'secrets.json');
    if (process.platform !== 'win32') {
      expect(statSync(secretsPath).mode & 0o777).toBe(0o600);
      expect(statSync(home).mode & 0o777).toBe(0o700);
    }
    expect(readFileSync(secretsPath, 'utf8')).toContain(API_KEY);
    // The database and its WAL/SHM files hold a reference and a masked hint only.
    for (const file of readdirSync(home).filter((name) => name.startsWith('juxta.db'))) {
      expect(readFileSync(join(home, file)).includes(Buffer.from(API_KEY)), file).toBe(false);
    }

    const store = openStore(join(home, 'juxta.db'), { log: () => {} });
    try {
      expect(store.listConnections()).toEqual([expect.objectContaining({ id: connection.id, secretRef: `vault:${connection.id}` })]);
    } finally {
      store.close();
    }
  });

  it('compares models: a table and exit 0; --json only {runId, responses}; exit 1 when one fails; all stored', async () => {
    // Independent runs, started together to keep the suite short.
    const [table, json, failing] = await Promise.all([
      juxta(['compare', '--models', 'sim/fast,sim:openai/gpt-4o', '--prompt', 'Compare tables in the terminal']),
      juxta(['compare', '--models', 'sim/fast,anthropic/claude-sonnet-4', '--json', '--max-tokens', '20'], 'Stored prompt from stdin'),
      juxta(['compare', '--models', 'sim/fast,no-such/model', '--prompt', 'one fails', '--json']),
    ]);

    expect(table.stderr).not.toMatch(/juxta: /);
    expect(table.code).toBe(0);
    for (const text of ['== sim/fast ==', 'openai/gpt-4o', 'Model asked', 'TTFT ms', 'Tokens in/out', 'exact']) {
      expect(table.stdout).toContain(text);
    }
    // The simulator accepts only API_KEY, so exit 0 means the key came back out of the vault intact.
    expect(simulator.requests.some((request) => request.headers.authorization === 'Bearer ***')).toBe(true);

    expect(json.code).toBe(0);
    const output = JSON.parse(json.stdout) as { runId: string; responses: ResponseRecord[] };
    expect(Object.keys(output).sort()).toEqual(['responses', 'runId']);
    expect(output.responses.map((response) => [response.modelAsked, response.status])).toEqual([
      ['sim/fast', 'done'],
      ['anthropic/claude-sonnet-4', 'done'],
    ]);
    expect(output.responses[1]?.usage?.completionTokens).toBeLessThanOrEqual(20);

    expect(failing.code).toBe(1);
    const failed = JSON.parse(failing.stdout) as { runId: string; responses: ResponseRecord[] };
    expect(failed.responses.find((response) => response.modelAsked === 'no-such/model')?.status).toBe('error');

    const store = openStore(join(home, 'juxta.db'), { log: () => {} });
    try {
      const detail = store.getRun(output.runId);
      expect(detail?.run.prompt).toBe('Stored prompt from stdin');
      expect(detail?.responses.every((response) => response.status === 'done')).toBe(true);
      expect(store.listRuns({ limit: 50 })).toHaveLength(3);
      expect(store.listRuns({ limit: 50 }).map((run) => run.id)).toEqual(expect.arrayContaining([output.runId, failed.runId]));
    } finally {
      store.close();
    }

    const listed = await juxta(['runs', 'list', '--search', 'Stored', '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as RunSummary[]).map((run) => run.id)).toEqual([output.runId]);
  });

  it("exits 2 with the contract's message and the flag behind it", async () => {
    const result = await juxta(['compare', '--models', 'sim/fast', '--prompt', 'x', '--temperature', '5']);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('params.temperature: expected 0 to 2 (see --temperature)') });
  });
});
