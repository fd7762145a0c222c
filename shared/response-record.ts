// A response before anything has happened to it. One definition for the engine (which stores it
// at run start) and the renderer (which shows pending columns before the first event arrives).
import type { ResponseRecord, RunTarget } from './records';

export function pendingResponseRecord(id: string, runId: string, targetIndex: number, target: RunTarget): ResponseRecord {
  return {
    id,
    runId,
    targetIndex,
    connectionId: target.connectionId,
    modelAsked: target.model,
    modelServed: null,
    providerServed: null,
    status: 'pending',
    incomplete: false,
    text: '',
    reasoning: '',
    toolCalls: [],
    finishReason: null,
    usage: null,
    cost: { usd: null, source: 'unknown' },
    metrics: { ttftMs: null, totalMs: null, tokensPerSecond: null },
    error: null,
    attempts: [],
  };
}
