// Which fault applies to a request: errors answered before any byte of the stream, and the in-stream kinds.
import type { ErrorResponse } from './errors';
import { contextLengthError, providerError } from './errors';
import type { ResolvedModel } from './model-defaults';
import type { MidStreamError } from './openrouter-shapes';
import type { ChatRequestBody, Fault } from './types';

/** Faults that strike after some tokens have been sent. */
export type StreamFault = Extract<Fault, { afterTokens: number }>;

export function streamFaultOf(fault: Fault | undefined): StreamFault | undefined {
  return fault && 'afterTokens' in fault ? fault : undefined;
}

/** The error object of the mid-stream event; defaults follow the example in OpenRouter's streaming docs. */
export function midStreamErrorOf(fault: Extract<Fault, { kind: 'midstream-error' }>): MidStreamError {
  return { code: fault.code ?? 'server_error', message: fault.message ?? 'Provider disconnected unexpectedly' };
}

/** Counts requests per model for 'fail-times'; setModel resets a model's count. */
export class FailureCounter {
  private readonly failuresServed = new Map<string, number>();

  reset(modelId: string): void {
    this.failuresServed.delete(modelId);
  }

  /** True (and counted) while fewer than `times` failures have been served for this model. */
  takeFailure(modelId: string, times: number): boolean {
    const served = this.failuresServed.get(modelId) ?? 0;
    if (served >= times) return false;
    this.failuresServed.set(modelId, served + 1);
    return true;
  }
}

function requestedOutputTokens(request: ChatRequestBody): number {
  const maximum = request.max_completion_tokens ?? request.max_tokens;
  return typeof maximum === 'number' && maximum > 0 ? Math.floor(maximum) : 0;
}

/** The error to answer instead of streaming, if any: fault-driven, or a real context overflow. */
export function preStreamError(
  model: ResolvedModel,
  request: ChatRequestBody,
  promptTokens: number,
  failures: FailureCounter,
): ErrorResponse | undefined {
  const fault = model.fault;
  const outputTokens = requestedOutputTokens(request);
  if (fault?.kind === 'http') {
    return providerError({ ...fault, model: model.id, provider: model.provider });
  }
  if (fault?.kind === 'context-length') {
    // Claim enough output to overflow, so the message reads like a real refusal even for a tiny prompt.
    const claimedOutput = Math.max(outputTokens, model.contextLength - promptTokens + 1);
    return contextLengthError(model.contextLength, promptTokens, claimedOutput);
  }
  if (promptTokens + outputTokens > model.contextLength) {
    return contextLengthError(model.contextLength, promptTokens, outputTokens);
  }
  if (fault?.kind === 'fail-times' && failures.takeFailure(model.id, fault.times)) {
    return providerError({
      status: fault.status,
      model: model.id,
      provider: model.provider,
      ...(fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : {}),
    });
  }
  return undefined;
}
