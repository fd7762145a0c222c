// Streams one generation as OpenRouter does: keep-alive comment, paced chunks, finish chunk, usage chunk, [DONE].
import { finishChunk, midStreamErrorChunk, stepChunk, usageChunk } from './chunks';
import type { GenerationContext } from './generation-context';
import type { StreamFault } from './faults';
import { midStreamErrorOf, streamFaultOf } from './faults';
import { CORS_HEADERS } from './http-responses';
import type { Pacer } from './pacer';
import { startPacer } from './pacer';
import { dataEvent, DONE_EVENT, KEEP_ALIVE_COMMENT, MALFORMED_EVENT } from './sse';
import { buildUsage, computeCost } from './usage';

export function streamGeneration(context: GenerationContext): void {
  const { state, response, model, plan, meta } = context;
  response.writeHead(200, {
    ...CORS_HEADERS,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-generation-id': meta.id,
  });
  // Either write sends the status line now, so the client's fetch resolves before the first token.
  if (state.keepAliveComments) response.write(KEEP_ALIVE_COMMENT);
  else response.flushHeaders();

  const fault = streamFaultOf(model.fault);
  const faultAt = fault ? Math.min(Math.max(0, fault.afterTokens), plan.steps.length) : undefined;
  let faultFired = false;
  // The pacer needs the generation and the generation must be able to stop the pacer: meet through a holder.
  const timers: { pacer?: Pacer } = {};
  const generation = state.track(meta.id, model.id, () => timers.pacer?.cancel());

  const writeSteps = (from: number, to: number): string => {
    let text = '';
    for (let index = from; index < to; index++) {
      const step = plan.steps[index];
      if (step) text += dataEvent(stepChunk(meta, step));
    }
    if (text !== '') state.markFirstByte(meta.id);
    return text;
  };

  // Returns 'stop' when the fault ends the generation; `pending` holds the tokens due before it.
  const fireFault = (active: StreamFault, pending: string): 'continue' | 'stop' => {
    faultFired = true;
    switch (active.kind) {
      case 'malformed-chunk':
        response.write(pending + MALFORMED_EVENT);
        return 'continue';
      case 'stall':
        if (pending !== '') response.write(pending);
        generation.end('stalled');
        return 'stop';
      case 'disconnect': {
        generation.end('disconnected');
        // Destroy only once the earlier tokens reached the kernel, so the client really sees N tokens first.
        if (pending === '') response.socket?.destroy();
        else response.write(pending, () => response.socket?.destroy());
        return 'stop';
      }
      case 'midstream-error': {
        response.end(pending + dataEvent(midStreamErrorChunk(meta, midStreamErrorOf(active))));
        generation.end('midstream-error');
        return 'stop';
      }
    }
  };

  const onDue = (from: number, to: number): 'continue' | 'stop' => {
    if (fault && faultAt !== undefined && !faultFired && faultAt >= from && faultAt < to) {
      const before = writeSteps(from, faultAt);
      if (fireFault(fault, before) === 'stop') return 'stop';
      response.write(writeSteps(faultAt, to));
      return 'continue';
    }
    response.write(writeSteps(from, to));
    return 'continue';
  };

  const onDone = (): void => {
    // A fault placed at or beyond the last token strikes before the finish chunk.
    if (fault && !faultFired && fireFault(fault, '') === 'stop') return;
    const counts = { ...context.promptCounts, completionTokens: plan.completionTokens, reasoningTokens: plan.reasoningTokens };
    const cost = computeCost(counts, model.pricing);
    response.end(
      dataEvent(finishChunk(meta, plan.finishReason)) + dataEvent(usageChunk(meta, buildUsage(counts, cost, model.reportsCost))) + DONE_EVENT,
    );
    state.account.charge(context.apiKey, cost.total, model.id);
    generation.end('complete');
  };

  // A client that vanishes mid-write is expected here; 'close' below stops the generation.
  response.on('error', () => undefined);
  // The client went away (abort, or our own disconnect fault): stop the timers.
  response.on('close', () => {
    if (!generation.ended) generation.end('aborted');
  });

  timers.pacer = startPacer({
    startAt: performance.now() + model.firstTokenDelayMs,
    intervalMs: model.tokenIntervalMs,
    total: plan.steps.length,
    onDue,
    onDone,
  });
}
