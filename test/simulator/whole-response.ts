// Non-streaming answers: one chat.completion after as long as the stream would have taken.
import { completion } from './chunks';
import { midStreamErrorOf, streamFaultOf } from './faults';
import type { GenerationContext } from './generation-context';
import { planFromSteps } from './generation-plan';
import { sendJson } from './http-responses';
import { buildUsage, computeCost } from './usage';

export function respondWhole(context: GenerationContext): void {
  const { state, response, model, meta } = context;
  const fault = streamFaultOf(model.fault);
  const afterTokens = fault ? Math.min(Math.max(0, fault.afterTokens), context.plan.steps.length) : undefined;
  // A fault cuts the answer at its token; the usage then covers only what was generated.
  const plan =
    afterTokens !== undefined && fault?.kind !== 'malformed-chunk'
      ? planFromSteps(context.plan.steps.slice(0, afterTokens), context.plan.finishReason)
      : context.plan;
  const tokenCount = plan.steps.length;
  const durationMs = model.firstTokenDelayMs + Math.max(0, tokenCount - 1) * model.tokenIntervalMs;

  let timer: NodeJS.Timeout | undefined;
  const generation = state.track(meta.id, model.id, () => clearTimeout(timer));
  // A client that vanishes before the answer is expected; 'close' stops the timer.
  response.on('error', () => undefined);
  response.on('close', () => {
    if (!generation.ended) generation.end('aborted');
  });

  timer = setTimeout(() => {
    timer = undefined;
    state.markFirstByte(meta.id);
    const headers = { 'x-generation-id': meta.id };
    const counts = { ...context.promptCounts, completionTokens: plan.completionTokens, reasoningTokens: plan.reasoningTokens };
    const cost = computeCost(counts, model.pricing);
    const usage = buildUsage(counts, cost, model.reportsCost);
    switch (fault?.kind) {
      case 'stall':
        generation.end('stalled');
        return;
      case 'disconnect':
        generation.end('disconnected');
        response.socket?.destroy();
        return;
      case 'malformed-chunk':
        response.writeHead(200, { 'content-type': 'application/json', ...headers });
        response.end('{not json');
        generation.end('complete');
        return;
      case 'midstream-error': {
        // Without a stream OpenRouter still answers 200 once the model started, with the error in the body.
        sendJson(response, 200, completion(meta, plan, usage, midStreamErrorOf(fault)), headers);
        generation.end('midstream-error');
        return;
      }
      case undefined:
        sendJson(response, 200, completion(meta, plan, usage), headers);
        state.account.charge(context.apiKey, cost.total, model.id);
        generation.end('complete');
    }
  }, durationMs);
}
