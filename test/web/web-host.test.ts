// The web host end to end: real engine, real store, the provider simulator, node:http on port 0.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { RunEvent } from '../../shared/run-events';
import { openNodeRuntime, type NodeRuntime } from '../../electron/hosts/node-runtime';
import { startWebHost, type WebHost } from '../../electron/hosts/web-host';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { startSimulator, type Simulator } from '../simulator/index';
import { rawRequest, readRunBatches } from './web-helpers';

const SECRET_OUTSIDE = 'TOP-SECRET-OUTSIDE-STATIC-DIR';
const INDEX_HTML = '<!doctype html><title>Juxta test</title><div id="root"></div>';

let root: string;
let staticDir: string;
let runtime: NodeRuntime;
let host: WebHost;
let simulator: Simulator;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'juxta-web-'));
  staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("app");');
  writeFileSync(join(staticDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'outside.txt'), SECRET_OUTSIDE);
  if (process.platform !== 'win32') symlinkSync(join(root, 'outside.txt'), join(staticDir, 'assets', 'link.txt'));
  simulator = await startSimulator();
  runtime = await openNodeRuntime({ dataDir: join(root, 'data'), host: 'web', env: {} });
  host = await startWebHost({ engine: runtime.engine, staticDir });
});

afterAll(async () => {
  await host?.close();
  await runtime?.close();
  await simulator?.close();
  rmSync(root, { recursive: true, force: true });
});

const bearer = () => ({ authorization: `Bearer ${host.token}` });

async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<{ status: number; result: Result<MethodOutput<M>> }> {
  const response = await fetch(`${host.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { ...bearer(), 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, result: (await response.json()) as Result<MethodOutput<M>> };
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('authentication', () => {
  it('answers 401 without a token: a Result for /api, a plain page otherwise', async () => {
    const page = await rawRequest({ port: host.port, path: '/' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toContain('text/plain');
    expect(page.body).toContain('open the URL printed by npm run web (it carries the token)');

    const api = await rawRequest({ port: host.port, method: 'POST', path: '/api/invoke/getAppInfo', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    const result = JSON.parse(api.body) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(!result.ok && result.error.message).toContain('npm run web');

    const wrong = await rawRequest({ port: host.port, path: '/api/invoke/getAppInfo', method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const wrongLogin = await rawRequest({ port: host.port, path: '/?token=nope' });
    expect(wrongLogin.status).toBe(401);
    expect(wrongLogin.headers['set-cookie']).toBeUndefined();
  });

  it('swaps the URL token for an HttpOnly SameSite=Strict cookie, then serves the app and the API with it', async () => {
    const login = await rawRequest({ port: host.port, path: `/?token=${host.token}` });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/');
    const setCookie = login.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toBe(`juxta_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
    const cookie = setCookie.split(';', 1)[0]!;

    const page = await rawRequest({ port: host.port, path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');

    const api = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/invoke/getAppInfo',
      headers: { cookie, origin: host.origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { host: 'web', secretStorage: { strength: 'file' } } });

    // A cookie-carrying POST without Origin is not our page (browsers always send Origin on POST).
    const noOrigin = await rawRequest({ port: host.port, method: 'POST', path: '/api/invoke/getAppInfo', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
  });

  it('puts the security headers on every response, errors included', async () => {
    for (const response of [await rawRequest({ port: host.port, path: '/' }), await rawRequest({ port: host.port, path: '/', headers: bearer() })]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('host and origin checks', () => {
  it('refuses a foreign Host (DNS rebinding) even with the right token', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `[::1]:${host.port}`]) {
      const response = await rawRequest({ port: host.port, path: '/', headers: { ...bearer(), host: hostHeader } });
      expect(response.status, hostHeader).toBe(403);
      expect(response.body).not.toContain(INDEX_HTML);
    }
    const viaLocalhost = await rawRequest({ port: host.port, path: '/', headers: { ...bearer(), host: `localhost:${host.port}` } });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses a foreign Origin, accepts its own', async () => {
    const call = (origin: string) =>
      rawRequest({
        port: host.port,
        method: 'POST',
        path: '/api/invoke/listConnections',
        headers: { ...bearer(), origin, 'content-type': 'application/json' },
        body: '{}',
      });
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`, 'null']) {
      const response = await call(origin);
      expect(response.status, origin).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { kind: 'auth' } });
    }
    expect((await call(host.origin)).status).toBe(200);
    expect((await call(`http://localhost:${host.port}`)).status).toBe(200);
    const foreignGet = await rawRequest({ port: host.port, path: '/', headers: { ...bearer(), origin: 'http://evil.example' } });
    expect(foreignGet.status).toBe(403);
  });
});

describe('static files', () => {
  it('serves files with their content types; HEAD has headers and no body', async () => {
    const script = await rawRequest({ port: host.port, path: '/assets/app-1234.js', headers: bearer() });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("app");');
    const style = await rawRequest({ port: host.port, path: '/assets/style.css', headers: bearer() });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await rawRequest({ port: host.port, method: 'HEAD', path: '/index.html', headers: bearer() });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(INDEX_HTML.length));
    expect(head.body).toBe('');
    const missing = await rawRequest({ port: host.port, path: '/nope.js', headers: bearer() });
    expect(missing.status).toBe(404);
    const post = await rawRequest({ port: host.port, method: 'POST', path: '/index.html', headers: { ...bearer(), 'content-type': 'application/json' } });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('never serves a file outside the static folder', async () => {
    const attempts = [
      '/../outside.txt',
      '/assets/../../outside.txt',
      '/..%2foutside.txt',
      '/%2e%2e/outside.txt',
      '/%2E%2E%2Foutside.txt',
      '/assets/..%5c..%5coutside.txt',
      '/..\\outside.txt',
      '/%252e%252e/outside.txt',
      `/${encodeURIComponent(join(root, 'outside.txt'))}`,
      `/${join(root, 'outside.txt')}`,
      `//${join(root, 'outside.txt')}`,
      '/assets/link.txt',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/outside.txt',
      '/%',
    ];
    for (const path of attempts) {
      const response = await rawRequest({ port: host.port, path, headers: bearer() });
      expect([400, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain(SECRET_OUTSIDE);
    }
  });
});

describe('POST /api/invoke/<method>', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    rawRequest({ port: host.port, method: 'POST', path, headers: { ...bearer(), 'content-type': 'application/json', ...headers }, body });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const response = await post('/api/invoke/listConnections', '{"oops":');
    expect(response.status).toBe(400);
    const result = JSON.parse(response.body) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/^The request body is not valid JSON: /);
  });

  it('answers a non-JSON content type with 415 and a body over 1 MB with 413', async () => {
    expect((await post('/api/invoke/listConnections', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    const big = JSON.stringify({ prompt: 'x'.repeat(1024 * 1024 + 10), targets: [] });
    const streamed = await post('/api/invoke/startRun', big);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    // Also refused up front when the declared length is over the limit.
    const upFront = await post('/api/invoke/startRun', big, { 'content-length': String(Buffer.byteLength(big)) });
    expect(upFront.status).toBe(413);
  });

  it('answers an unknown method with 404 and a GET with 405', async () => {
    const unknown = await post('/api/invoke/deleteEverything', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect((await post('/api/invoke/toString', '{}')).status).toBe(404);
    expect((await post('/api/nothing', '{}')).status).toBe(404);
    const get = await rawRequest({ port: host.port, path: '/api/invoke/listConnections', headers: bearer() });
    expect(get.status).toBe(405);
  });

  it("answers invalid input with 400 and the contract's message", async () => {
    const { status, result } = await invoke('startRun', { prompt: 'hello', targets: [] });
    expect(status).toBe(400);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('invalid_input');
    expect(!result.ok && result.error.message).toContain('targets: expected at least one model');
  });

  it('answers domain errors with 200 and the error as a value', async () => {
    const { status, result } = await invoke('getRun', { runId: 'no-such-run' });
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('a run over HTTP and SSE', () => {
  it('streams three models to the end, then getRun and listRuns find the run', async () => {
    const connection = valueOf(
      (await invoke('addConnection', { kind: 'openai-compatible', label: 'Simulator', baseUrl: simulator.baseUrl, apiKey: 'sk-sim-web-test-1234' })).result,
    );
    expect(connection.keyHint).not.toContain('sk-sim-web-test-1234');
    const models = ['sim/fast', 'openai/gpt-4o', 'anthropic/claude-sonnet-4'];
    const started = valueOf(
      (
        await invoke('startRun', {
          prompt: 'Write a haiku about side-by-side comparisons',
          targets: models.map((model) => ({ connectionId: connection.id, model })),
        })
      ).result,
    );
    expect(started.responseIds).toHaveLength(3);

    const response = await fetch(`${host.origin}/api/runs/${encodeURIComponent(started.runId)}/events`, { headers: bearer() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('cache-control')).toContain('no-cache');

    const events: RunEvent[] = [];
    for await (const batch of readRunBatches(response.body!)) events.push(...batch);
    // The server closed the stream after run-end (the loop above only ends when the body does).
    expect(events[0]?.type).toBe('run-snapshot');
    expect(events.at(-1)).toEqual({ type: 'run-end', runId: started.runId });
    const ends = events.filter((event): event is Extract<RunEvent, { type: 'response-end' }> => event.type === 'response-end');
    expect(ends.map((end) => end.response.modelAsked).sort()).toEqual([...models].sort());
    for (const { response: record } of ends) {
      expect(record.status, record.modelAsked).toBe('done');
      expect(record.text.length).toBeGreaterThan(0);
      expect(record.metrics.ttftMs).toEqual(expect.any(Number));
      expect(record.metrics.totalMs).toEqual(expect.any(Number));
      expect(record.usage?.completionTokens).toBeGreaterThan(0);
    }
    expect(events.some((event) => event.type === 'text-delta')).toBe(true);

    const detail = valueOf((await invoke('getRun', { runId: started.runId })).result);
    expect(detail.responses).toHaveLength(3);
    expect(detail.responses.every((record) => record.status === 'done')).toBe(true);
    const runs = valueOf((await invoke('listRuns', { search: 'haiku' })).result);
    expect(runs.map((run) => run.id)).toContain(started.runId);

    // A late subscriber to a finished run gets the snapshot and run-end, then the stream closes.
    const late = await fetch(`${host.origin}/api/runs/${encodeURIComponent(started.runId)}/events`, { headers: bearer() });
    const lateEvents: RunEvent[] = [];
    for await (const batch of readRunBatches(late.body!)) lateEvents.push(...batch);
    expect(lateEvents.map((event) => event.type)).toEqual(['run-snapshot', 'run-end']);
  });

  it('sends keep-alive comments while a run is quiet and survives a client that leaves early', async () => {
    const chatty = await startWebHost({ engine: runtime.engine, staticDir, keepAliveMs: 5 });
    try {
      simulator.setModel({ id: 'sim/slow-start', firstTokenDelayMs: 150, tokensPerSecond: 0, outputTokens: 5 });
      const connectionId = valueOf((await invoke('listConnections', {})).result).find((entry) => entry.label === 'Simulator')!.id;
      const startRun = async () =>
        valueOf((await invoke('startRun', { prompt: 'slow start', targets: [{ connectionId, model: 'sim/slow-start' }] })).result).runId;
      const headers = { authorization: `Bearer ${chatty.token}` };

      const runId = await startRun();
      const raw = await (await fetch(`${chatty.origin}/api/runs/${runId}/events`, { headers })).text();
      expect(raw).toContain(': keep-alive\n\n');
      expect(raw).toContain('"type":"run-end"');

      // A subscriber that goes away mid-run is unsubscribed; the run still finishes and is stored.
      const leavingRunId = await startRun();
      const controller = new AbortController();
      const leaving = await fetch(`${chatty.origin}/api/runs/${leavingRunId}/events`, { headers, signal: controller.signal });
      const reader = leaving.body!.getReader();
      await reader.read();
      controller.abort();
      await runtime.engine.waitForRun(leavingRunId);
      expect(valueOf((await invoke('getRun', { runId: leavingRunId })).result).responses[0]?.status).toBe('done');
    } finally {
      await chatty.close();
    }
  });

  it('answers 404 with a Result for an unknown run', async () => {
    const response = await rawRequest({ port: host.port, path: '/api/runs/no-such-run/events', headers: bearer() });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});
