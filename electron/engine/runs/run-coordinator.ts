// Runs: start every target in parallel, keep live state for late subscribers, record everything
// in the store as it happens (a crash keeps finished responses and checkpointed partial text).
import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { ResponseRecord, RunDetail, RunRecord, RunTarget } from '../../../shared/records';
import { JuxtaFailure } from '../../../shared/result';
import type { RunEvent, RunEventBatch } from '../../../shared/run-events';
import type { ToolCallFragment } from '../provider/map-stream-chunk';
import { checkResponseOutput } from './check-output';
import { EventBatcher } from './event-batcher';
import { pendingResponseRecord } from '../../../shared/response-record';
import { routeResponse, type RouteResponseDeps } from './route-response';
import type { AttemptSink } from './stream-attempt';

/** Partial text is written to the store at most this often while streaming. */
const CHECKPOINT_INTERVAL_MS = 1000;

interface ActiveRun {
  record: RunRecord;
  responses: ResponseRecord[];
  controllers: Map<string, AbortController>;
  subscribers: Set<EventBatcher>;
  finished: Promise<void>;
}

export interface RunCoordinatorOptions extends RouteResponseDeps {
  batchIntervalMs: number;
}

export class RunCoordinator {
  private readonly active = new Map<string, ActiveRun>();

  constructor(private readonly options: RunCoordinatorOptions) {}

  start(input: ParsedInput<'startRun'>): { runId: string; responseIds: string[] } {
    const { store, clock } = this.options;
    const record: RunRecord = {
      id: randomUUID(),
      prompt: input.prompt,
      systemPrompt: input.systemPrompt?.trim() ? input.systemPrompt : null,
      params: input.params,
      targets: input.targets,
      createdAt: clock.wallMs(),
    };
    const responses = input.targets.map((target, index) => pendingResponseRecord(randomUUID(), record.id, index, target));
    store.insertRun(record);
    for (const response of responses) store.saveResponse(response);

    const run: ActiveRun = { record, responses, controllers: new Map(), subscribers: new Set(), finished: Promise.resolve() };
    for (const response of responses) run.controllers.set(response.id, new AbortController());
    this.active.set(record.id, run);
    // Start on the next turn of the event loop: a caller that subscribes right after start() returns
    // then sees every event from the first response-start on (later subscribers get the snapshot).
    const started = new Promise<void>((resolve) => setImmediate(resolve));
    run.finished = started.then(() => Promise.all(responses.map((response) => this.runResponse(run, response)))).then(() => {
      this.emit(run, { type: 'run-end', runId: record.id });
      for (const subscriber of run.subscribers) subscriber.dispose();
      this.active.delete(record.id);
    });
    return { runId: record.id, responseIds: responses.map((response) => response.id) };
  }

  stop(runId: string, responseId?: string): number {
    const run = this.active.get(runId);
    if (!run) return 0;
    let stopped = 0;
    for (const [id, controller] of run.controllers) {
      if ((responseId === undefined || id === responseId) && !controller.signal.aborted) {
        controller.abort();
        stopped += 1;
      }
    }
    return stopped;
  }

  subscribe(runId: string, onBatch: (batch: RunEventBatch) => void): () => void {
    const run = this.active.get(runId);
    if (!run) {
      const detail = this.options.store.getRun(runId);
      if (!detail) throw new JuxtaFailure({ kind: 'not_found', message: `No run with id ${runId}.` });
      for (const response of detail.responses) checkResponseOutput(response, detail.run.params);
      onBatch([{ type: 'run-snapshot', runId, responses: detail.responses, finished: true }, { type: 'run-end', runId }]);
      return () => {};
    }
    const batcher = new EventBatcher(onBatch, this.options.batchIntervalMs, this.options.clock.monotonicMs);
    run.subscribers.add(batcher);
    batcher.push({ type: 'run-snapshot', runId, responses: run.responses.map((response) => structuredClone(response)), finished: false });
    return () => {
      run.subscribers.delete(batcher);
      batcher.dispose();
    };
  }

  /** The in-memory state of a run still streaming (fresher than the store's checkpoints). */
  live(runId: string): RunDetail | undefined {
    const run = this.active.get(runId);
    return run ? { run: run.record, responses: run.responses.map((response) => structuredClone(response)) } : undefined;
  }

  async waitForRun(runId: string): Promise<void> {
    await this.active.get(runId)?.finished;
  }

  async stopAll(): Promise<void> {
    const runs = [...this.active.values()];
    for (const run of runs) this.stop(run.record.id);
    await Promise.all(runs.map((run) => run.finished));
  }

  private emit(run: ActiveRun, event: RunEvent): void {
    for (const subscriber of run.subscribers) subscriber.push(event);
  }

  private async runResponse(run: ActiveRun, response: ResponseRecord): Promise<void> {
    const target: RunTarget = run.record.targets[response.targetIndex] ?? { connectionId: response.connectionId, model: response.modelAsked };
    try {
      await routeResponse(this.options, {
        run: run.record,
        target,
        response,
        signal: run.controllers.get(response.id)!.signal,
        sink: this.sinkFor(run, response),
        emit: (event) => this.emit(run, event),
        save: () => this.options.store.saveResponse(response),
      });
    } catch (thrown) {
      // routeResponse turns provider failures into records; anything thrown here is a bug, still shown in the column.
      response.status = 'error';
      response.error = { kind: 'internal', message: `Unexpected error while routing: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
    }
    checkResponseOutput(response, run.record.params);
    this.options.store.saveResponse(response);
    this.emit(run, { type: 'response-end', responseId: response.id, response: structuredClone(response) });
  }

  private sinkFor(run: ActiveRun, response: ResponseRecord): AttemptSink {
    const { store, clock } = this.options;
    let lastCheckpointAt = clock.monotonicMs();
    const checkpoint = (): void => {
      const now = clock.monotonicMs();
      if (now - lastCheckpointAt < CHECKPOINT_INTERVAL_MS) return;
      lastCheckpointAt = now;
      store.saveResponse(response);
    };
    const responseId = response.id;
    return {
      firstToken: (ttftMs) => {
        response.metrics.ttftMs = ttftMs;
        this.emit(run, { type: 'first-token', responseId, ttftMs });
      },
      text: (text) => {
        response.text += text;
        this.emit(run, { type: 'text-delta', responseId, text });
        checkpoint();
      },
      reasoning: (text) => {
        response.reasoning += text;
        this.emit(run, { type: 'reasoning-delta', responseId, text });
        checkpoint();
      },
      toolCall: (fragment: ToolCallFragment) => {
        let call = response.toolCalls.find((candidate) => candidate.index === fragment.index);
        if (!call) {
          call = { index: fragment.index, id: fragment.id ?? null, name: fragment.name ?? '', arguments: '' };
          response.toolCalls.push(call);
        }
        if (fragment.id) call.id = fragment.id;
        if (fragment.name) call.name = fragment.name;
        call.arguments += fragment.argumentsDelta;
        this.emit(run, { type: 'tool-call-delta', responseId, ...fragment });
        checkpoint();
      },
      served: (model, provider) => {
        if (model) response.modelServed = model;
        if (provider) response.providerServed = provider;
      },
    };
  }
}
