// Everything one simulator instance remembers: its models, recorded requests, spend, and live generations.
import { EventEmitter } from 'node:events';
import { Account } from './account';
import { FailureCounter } from './faults';
import type { ResolvedModel } from './model-defaults';
import { resolveModel } from './model-defaults';
import type { GenerationOutcome, RecordedRequest, SimulatedModel, SimulatorEventMap, SimulatorOptions } from './types';

export interface TrackedGeneration {
  readonly ended: boolean;
  /** Removes the generation from the live set and emits 'generation-end' (only the first call counts). */
  end(outcome: GenerationOutcome): void;
}

export class SimulatorState {
  readonly models = new Map<string, ResolvedModel>();
  readonly failures = new FailureCounter();
  readonly requests: RecordedRequest[] = [];
  readonly firstByteTimes = new Map<string, number>();
  readonly events = new EventEmitter<SimulatorEventMap>();
  readonly account: Account;
  readonly apiKeys: readonly string[] | undefined;
  readonly keepAliveComments: boolean;
  // Each entry ends its generation as 'aborted' (stopping its timers); close() calls them all.
  private readonly liveGenerations = new Map<string, () => void>();

  constructor(options: SimulatorOptions, models: SimulatedModel[]) {
    this.account = new Account(options.label);
    this.apiKeys = options.apiKeys;
    this.keepAliveComments = options.keepAliveComments ?? true;
    for (const model of models) this.setModel(model);
  }

  setModel(model: SimulatedModel): void {
    this.models.set(model.id, resolveModel(model));
    this.failures.reset(model.id);
  }

  record(request: RecordedRequest): void {
    this.requests.push(request);
    this.events.emit('request', request);
  }

  markFirstByte(generationId: string): void {
    if (this.firstByteTimes.has(generationId)) return;
    const at = performance.now();
    this.firstByteTimes.set(generationId, at);
    this.events.emit('first-byte', { id: generationId, at });
  }

  track(generationId: string, modelId: string, stopTimers: () => void): TrackedGeneration {
    let ended = false;
    const end = (outcome: GenerationOutcome): void => {
      if (ended) return;
      ended = true;
      stopTimers();
      this.liveGenerations.delete(generationId);
      this.events.emit('generation-end', { id: generationId, model: modelId, outcome });
    };
    this.liveGenerations.set(generationId, () => end('aborted'));
    this.events.emit('generation-start', { id: generationId, model: modelId });
    return {
      get ended(): boolean {
        return ended;
      },
      end,
    };
  }

  activeGenerations(): number {
    return this.liveGenerations.size;
  }

  abortAllGenerations(): void {
    for (const abort of [...this.liveGenerations.values()]) abort();
  }
}
