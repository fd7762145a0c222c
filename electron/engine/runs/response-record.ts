// Building and finishing a ResponseRecord: pure functions, so the rules are testable alone.
import type { Cost, ResponseRecord, TokenUsage } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import { convertUsage } from '../provider/convert-usage';
import type { AttemptOutcome } from './stream-attempt';


/** Output tokens per second after the first token; null when too short to measure. */
export function tokensPerSecond(completionTokens: number, ttftMs: number | null, totalMs: number): number | null {
  if (ttftMs === null || completionTokens <= 0) return null;
  const generationMs = totalMs - ttftMs;
  if (generationMs < 1) return null;
  return (completionTokens / generationMs) * 1000;
}

/** Output tokens per second of one attempt, counting content chunks when the provider sent no usage. */
export function attemptTokensPerSecond(outcome: AttemptOutcome): number | null {
  const completionTokens = (outcome.usage ? convertUsage(outcome.usage).completionTokens : 0) || outcome.contentChunks;
  return tokensPerSecond(completionTokens, outcome.ttftMs, outcome.totalMs);
}

/** Applies the end of the last attempt to the record: status, usage, cost (priced by the caller), metrics, error. */
export function finishResponseRecord(record: ResponseRecord, outcome: AttemptOutcome, cost: Cost): void {
  const usage: TokenUsage | null = outcome.usage ? convertUsage(outcome.usage) : null;
  record.usage = usage;
  record.cost = cost;
  record.finishReason = outcome.finishReason;
  record.metrics = {
    ttftMs: outcome.ttftMs,
    totalMs: outcome.totalMs,
    tokensPerSecond: attemptTokensPerSecond(outcome),
  };
  const hasContent = record.text.length > 0 || record.reasoning.length > 0 || record.toolCalls.length > 0;
  const error: JuxtaError | null = outcome.error;
  if (error?.kind === 'cancelled') {
    record.status = 'stopped';
    record.incomplete = true;
    record.error = null;
  } else if (error) {
    record.status = 'error';
    record.incomplete = hasContent;
    record.error = error;
  } else {
    record.status = 'done';
    // A stream that closed without a finish reason was cut short, even if the SDK saw no error.
    record.incomplete = outcome.finishReason === null || outcome.finishReason === 'error';
    record.error = null;
  }
}
