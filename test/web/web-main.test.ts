// `npm run web -- --demo` as a user starts it: a child process, the printed URL, a demo run, SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/records';
import type { Result } from '../../shared/result';
import type { RunEvent } from '../../shared/run-events';
import { readRunBatches } from './web-helpers';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'juxta-web-main-'));
let child: ChildProcessWithoutNullStreams | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

it('prints its URL, runs the demo models, and stops cleanly on SIGTERM', async () => {
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Juxta</title>');
  child = spawn(process.execPath, ['--import', 'tsx', 'electron/hosts/web-main.ts', '--port', '0', '--demo', '--data-dir', join(root, 'data'), '--static-dir', staticDir], {
    cwd: repoRoot,
    env: { ...process.env, JUXTA_HOME: join(root, 'unused') },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<URL>((resolve, reject) => {
    child!.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = stdout.match(/^Juxta is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m);
      if (match) resolve(new URL(match[1]!));
    });
    child!.once('exit', (code) => reject(new Error(`web-main exited with ${code}: ${stderr}`)));
  });
  expect(stdout).toContain('Demo connection: simulated models, no cost');

  const login = await fetch(url, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const cookie = login.headers.get('set-cookie')!.split(';', 1)[0]!;
  const invoke = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${url.origin}/api/invoke/${method}`, {
      method: 'POST',
      headers: { cookie, origin: url.origin, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as Result<T>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const connections = await invoke<ConnectionSummary[]>('listConnections', {});
  const demo = connections.find((connection) => connection.kind === 'demo');
  expect(demo).toBeDefined();

  const { runId } = await invoke<{ runId: string }>('startRun', {
    prompt: 'Hello demo',
    params: { maxTokens: 30 },
    targets: [{ connectionId: demo!.id, model: 'demo/swift-mini' }],
  });
  const events = await fetch(`${url.origin}/api/runs/${runId}/events`, { headers: { cookie } });
  const received: RunEvent[] = [];
  for await (const batch of readRunBatches(events.body!)) received.push(...batch);
  const end = received.find((event): event is Extract<RunEvent, { type: 'response-end' }> => event.type === 'response-end');
  expect(end?.response).toMatchObject({ status: 'done', modelAsked: 'demo/swift-mini', cost: { usd: 0 } });
  expect(end?.response.text.length).toBeGreaterThan(0);

  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(0);
  expect(stderr).toContain('stopping (SIGTERM)');
});
