// One provider call, streamed: request -> SDK stream -> normalised facts -> sink.
// Measures time to first content and total time on the monotonic clock.
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { RunParams } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import type { Clock } from '../clock';
import { classifyError } from '../provider/classify-error';
import type { WireUsage } from '../provider/convert-usage';
import { mapStreamChunk, type ToolCallFragment } from '../provider/map-stream-chunk';

export interface AttemptRequest {
  model: string;
  prompt: string;
  systemPrompt: string | null;
  params: RunParams;
}

export interface AttemptSink {
  firstToken(ttftMs: number): void;
  text(delta: string): void;
  reasoning(delta: string): void;
  toolCall(fragment: ToolCallFragment): void;
  served(model: string | undefined, provider: string | undefined): void;
}

export interface AttemptOutcome {
  finishReason: string | null;
  usage: WireUsage | null;
  error: JuxtaError | null;
  ttftMs: number | null;
  totalMs: number;
  /** Content-bearing chunks seen: a token count estimate when the provider sends no usage. */
  contentChunks: number;
}

export function buildChatRequest(request: AttemptRequest): ChatCompletionCreateParamsStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.systemPrompt) messages.push({ role: 'system', content: request.systemPrompt });
  messages.push({ role: 'user', content: request.prompt });
  return {
    model: request.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...(request.params.temperature !== undefined ? { temperature: request.params.temperature } : {}),
    ...(request.params.maxTokens !== undefined ? { max_tokens: request.params.maxTokens } : {}),
  };
}

export interface AttemptLimits {
  /** Abort when no bytes arrive for this long: the SDK's own timeout stops at the response headers, so a stalled body would hang forever. */
  idleTimeoutMs: number;
}

export async function streamAttempt(
  client: OpenAI,
  request: AttemptRequest,
  signal: AbortSignal,
  clock: Clock,
  sink: AttemptSink,
  limits: AttemptLimits,
): Promise<AttemptOutcome> {
  const startedAt = clock.monotonicMs();
  const idle = new AbortController();
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdleTimer = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => idle.abort(), limits.idleTimeoutMs);
  };
  const callSignal = AbortSignal.any([signal, idle.signal]);
  let ttftMs: number | null = null;
  let finishReason: string | null = null;
  let usage: WireUsage | null = null;
  let contentChunks = 0;
  const markContent = (): void => {
    contentChunks += 1;
    if (ttftMs === null) {
      ttftMs = clock.monotonicMs() - startedAt;
      sink.firstToken(ttftMs);
    }
  };
  try {
    armIdleTimer();
    const stream = await client.chat.completions.create(buildChatRequest(request), { signal: callSignal });
    let servedReported = false;
    for await (const chunk of stream) {
      armIdleTimer();
      const facts = mapStreamChunk(chunk);
      if (!servedReported && (facts.model || facts.provider)) {
        servedReported = true;
        sink.served(facts.model, facts.provider);
      }
      if (facts.reasoning) {
        markContent();
        sink.reasoning(facts.reasoning);
      }
      if (facts.text) {
        markContent();
        sink.text(facts.text);
      }
      for (const fragment of facts.toolCalls) {
        markContent();
        sink.toolCall(fragment);
      }
      if (facts.finishReason) finishReason = facts.finishReason;
      if (facts.usage) usage = facts.usage;
    }
    // The SDK ends the iteration quietly on abort, so the signals say whether it finished.
    const error = abortError(signal, idle.signal, limits);
    return { finishReason, usage, error, ttftMs, totalMs: clock.monotonicMs() - startedAt, contentChunks };
  } catch (thrown) {
    // An abort surfaces as different errors depending on where it lands; the signals are the truth.
    const error = abortError(signal, idle.signal, limits) ?? classifyError(thrown, { streamStarted: ttftMs !== null, nowMs: clock.wallMs() });
    return { finishReason, usage, error, ttftMs, totalMs: clock.monotonicMs() - startedAt, contentChunks };
  } finally {
    clearTimeout(idleTimer);
  }
}

function abortError(userSignal: AbortSignal, idleSignal: AbortSignal, limits: AttemptLimits): JuxtaError | null {
  if (userSignal.aborted) return { kind: 'cancelled', message: 'Stopped.' };
  if (idleSignal.aborted) {
    return { kind: 'timeout', message: `The provider sent nothing for ${(limits.idleTimeoutMs / 1000).toFixed(1)} s, so the call was ended.` };
  }
  return null;
}
