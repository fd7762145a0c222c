// npm run bench:engine [-- --json]
// Engine overhead: how long after the simulator writes the first content byte does the first
// content delta reach a host subscriber? Compared in the same run with a bare fetch client
// reading the same stream. Then 8 parallel streams at 100 tok/s: batches per second and CPU use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../electron/engine/index';
import type { MethodInput } from '../shared/contract';
import { createFileVault } from '../electron/hosts/file-vault';
import { openStore } from '../electron/store/index';
import { dispatch } from '../shared/dispatch';
import { startSimulator } from '../test/simulator/index';
import { percentile, printReport, round } from './bench-report';

const SAMPLES = 40;

/** Through dispatch, as every host calls the engine. */
async function startRun(engine: Engine, input: MethodInput<'startRun'>): Promise<string> {
  const result = await dispatch(engine, 'startRun', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.runId;
}

async function main(): Promise<void> {
  const simulator = await startSimulator({
    models: [
      { id: 'bench/first-token', firstTokenDelayMs: 20, tokensPerSecond: 0, outputTokens: 20 },
      { id: 'bench/steady', firstTokenDelayMs: 20, tokensPerSecond: 100, outputTokens: 400 },
    ],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'juxta-bench-engine-'));
  const store = openStore(join(dataDir, 'juxta.db'));
  const engine = createEngine({ store, vault: createFileVault(join(dataDir, 'secrets.json')), host: 'web', version: 'bench' });
  const connection = await engine.addConnection({ kind: 'openai-compatible', label: 'Simulator', baseUrl: simulator.baseUrl });

  const firstByteOfNextGeneration = (): Promise<number> =>
    new Promise((resolve) => simulator.events.once('first-byte', (generation) => resolve(generation.at)));

  // Baseline: a bare HTTP client reading the SSE body until the first content chunk.
  const bareDelays: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const firstByte = firstByteOfNextGeneration();
    const response = await fetch(`${simulator.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'bench/first-token', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    let receivedAt = 0;
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
      if (!receivedAt && seen.includes('"content":"')) receivedAt = performance.now();
    }
    bareDelays.push(receivedAt - (await firstByte));
  }

  // The engine: SDK stream -> normaliser -> coordinator -> batcher -> subscriber.
  const engineDelays: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const firstByte = firstByteOfNextGeneration();
    const runId = await startRun(engine, { prompt: 'hi', targets: [{ connectionId: connection.id, model: 'bench/first-token' }] });
    let receivedAt = 0;
    await new Promise<void>((resolve) => {
      engine.subscribeRun(runId, (batch) => {
        for (const event of batch) {
          if (event.type === 'text-delta' && !receivedAt) receivedAt = performance.now();
          if (event.type === 'run-end') resolve();
        }
      });
    });
    engineDelays.push(receivedAt - (await firstByte));
  }

  // 8 parallel streams at 100 tokens/s, 400 tokens each.
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const runId = await startRun(engine, {
    prompt: 'hi',
    targets: Array.from({ length: 8 }, () => ({ connectionId: connection.id, model: 'bench/steady' })),
  });
  let batches = 0;
  let textEvents = 0;
  await new Promise<void>((resolve) => {
    engine.subscribeRun(runId, (batch) => {
      batches += 1;
      textEvents += batch.filter((event) => event.type === 'text-delta').length;
      if (batch.some((event) => event.type === 'run-end')) resolve();
    });
  });
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / 1000 / wallSeconds) * 100;

  await engine.close();
  store.close();
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });

  const figures = {
    samples: SAMPLES,
    bareFirstDeltaP50Ms: round(percentile(bareDelays, 0.5)),
    bareFirstDeltaP95Ms: round(percentile(bareDelays, 0.95)),
    engineFirstDeltaP50Ms: round(percentile(engineDelays, 0.5)),
    engineFirstDeltaP95Ms: round(percentile(engineDelays, 0.95)),
    engineOverheadP50Ms: round(percentile(engineDelays, 0.5) - percentile(bareDelays, 0.5)),
    parallelStreams: 8,
    parallelBatchesPerSecond: round(batches / wallSeconds, 1),
    parallelTextEventsPerBatch: round(textEvents / batches, 2),
    parallelCpuPercent: round(cpuPercent, 1),
  };
  printReport(
    'Engine: simulator first byte -> first content delta at the host',
    [
      { metric: 'bare fetch client, p50', value: figures.bareFirstDeltaP50Ms, unit: 'ms' },
      { metric: 'bare fetch client, p95', value: figures.bareFirstDeltaP95Ms, unit: 'ms' },
      {
        metric: 'engine subscriber, p50',
        value: figures.engineFirstDeltaP50Ms,
        unit: 'ms',
        budget: '< 5',
        verdict: figures.engineFirstDeltaP50Ms < 5 ? 'ok' : 'over',
      },
      { metric: 'engine subscriber, p95', value: figures.engineFirstDeltaP95Ms, unit: 'ms' },
      { metric: 'engine minus bare, p50', value: figures.engineOverheadP50Ms, unit: 'ms' },
      { metric: '8 streams x 100 tok/s: batches/s', value: figures.parallelBatchesPerSecond, unit: '/s', budget: 'about 60 (16 ms window)' },
      { metric: '8 streams: text events per batch', value: figures.parallelTextEventsPerBatch, unit: '' },
      { metric: '8 streams: process CPU (engine + simulator)', value: figures.parallelCpuPercent, unit: '%' },
    ],
    figures,
  );
}

await main();
