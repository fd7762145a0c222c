// One provider call, streamed: request -> SDK stream -> normalised facts -> sink.
// Measures time to first content and total time on the monotonic clock.
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ConversationMessage, RunParams } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import type { Clock } from '../clock';
import { classifyError } from '../provider/classify-error';
import type { WireUsage } from '../provider/convert-usage';
import { mapStreamChunk, type ToolCallFragment } from '../provider/map-stream-chunk';
import { applyRequestQuirks, type ChatBody, type RequestQuirks } from '../provider/quirks/request-quirks';

export interface AttemptRequest {
  model: string;
  prompt: string;
  systemPrompt: string | null;
  params: RunParams;
  /** The column's earlier conversation (multi-turn); the prompt follows it unless empty. */
  messages?: ConversationMessage[];
  /** Provider-specific body fields (OpenRouter's models and provider). */
  extraBody?: Record<string, unknown>;
  /** The connection's request quirks (see provider/quirks). */
  quirks?: RequestQuirks;
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

function toWireMessage(message: ConversationMessage): ChatCompletionMessageParam {
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  if (message.role === 'user') return { role: 'user', content: message.content };
  const toolCalls = (message.toolCalls ?? []).map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } }));
  return { role: 'assistant', content: message.content, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
}

/** tools, tool_choice, parallel_tool_calls, response_format and reasoning in OpenAI / OpenRouter wire shapes. */
function requestOptionFields(params: RunParams): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (params.tools?.length) fields.tools = params.tools;
  if (params.toolChoice !== undefined) {
    fields.tool_choice = typeof params.toolChoice === 'string' ? params.toolChoice : { type: 'function', function: { name: params.toolChoice.name } };
  }
  if (params.parallelToolCalls !== undefined) fields.parallel_tool_calls = params.parallelToolCalls;
  const format = params.responseFormat;
  if (format?.type === 'json_object') fields.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') {
    fields.response_format = {
      type: 'json_schema',
      json_schema: { name: format.name, schema: format.schema, ...(format.strict !== undefined ? { strict: format.strict } : {}) },
    };
  }
  const reasoning = params.reasoning;
  if (reasoning) {
    fields.reasoning = {
      ...(reasoning.effort !== undefined ? { effort: reasoning.effort } : {}),
      ...(reasoning.maxTokens !== undefined ? { max_tokens: reasoning.maxTokens } : {}),
      ...(reasoning.exclude !== undefined ? { exclude: reasoning.exclude } : {}),
    };
  }
  return fields;
}

export function buildChatRequest(request: AttemptRequest): ChatCompletionCreateParamsStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.systemPrompt) messages.push({ role: 'system', content: request.systemPrompt });
  for (const message of request.messages ?? []) messages.push(toWireMessage(message));
  // After tool results the next turn has no new user message.
  if (request.prompt.trim() || messages.length === 0) messages.push({ role: 'user', content: request.prompt });
  const body: ChatBody = {
    model: request.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...(request.params.temperature !== undefined ? { temperature: request.params.temperature } : {}),
    ...(request.params.maxTokens !== undefined ? { max_tokens: request.params.maxTokens } : {}),
    ...requestOptionFields(request.params),
    ...request.extraBody,
  };
  return request.quirks ? applyRequestQuirks(body, request.quirks) : body;
}

export interface AttemptLimits {
  /** Abort when no bytes arrive for this long: the SDK's own timeout stops at the response headers, so a stalled body would hang forever. */
  idleTimeoutMs: number;
  /** Abort the whole call after this long, streaming or not (a column's routing.attemptTimeoutMs). */
  attemptTimeoutMs?: number;
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
  const overall = new AbortController();
  const overallTimer = limits.attemptTimeoutMs === undefined ? undefined : setTimeout(() => overall.abort(), limits.attemptTimeoutMs);
  const callSignal = AbortSignal.any([signal, idle.signal, overall.signal]);
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
    const error = abortError(signal, idle.signal, overall.signal, limits);
    return { finishReason, usage, error, ttftMs, totalMs: clock.monotonicMs() - startedAt, contentChunks };
  } catch (thrown) {
    // An abort surfaces as different errors depending on where it lands; the signals are the truth.
    const error = abortError(signal, idle.signal, overall.signal, limits) ?? classifyError(thrown, { streamStarted: ttftMs !== null, nowMs: clock.wallMs() });
    return { finishReason, usage, error, ttftMs, totalMs: clock.monotonicMs() - startedAt, contentChunks };
  } finally {
    clearTimeout(idleTimer);
    clearTimeout(overallTimer);
  }
}

function abortError(userSignal: AbortSignal, idleSignal: AbortSignal, overallSignal: AbortSignal, limits: AttemptLimits): JuxtaError | null {
  if (userSignal.aborted) return { kind: 'cancelled', message: 'Stopped.' };
  if (idleSignal.aborted) {
    return { kind: 'timeout', message: `The provider sent nothing for ${(limits.idleTimeoutMs / 1000).toFixed(1)} s, so the call was ended.` };
  }
  if (overallSignal.aborted) {
    return { kind: 'timeout', message: `The call took longer than the column's attempt timeout (${((limits.attemptTimeoutMs ?? 0) / 1000).toFixed(1)} s).` };
  }
  return null;
}
