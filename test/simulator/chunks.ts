// Builds the JSON objects OpenRouter sends: one chunk per planned step, the finish and usage chunks,
// the mid-stream error event, and the whole non-streaming completion.
import { randomBytes } from 'node:crypto';
import type { GenerationPlan, PlannedStep } from './generation-plan';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChunkDelta,
  CompletionMessage,
  FinishReason,
  MidStreamError,
  MidStreamErrorChunk,
  OpenRouterUsage,
} from './openrouter-shapes';

/** What every chunk of one generation shares. */
export interface GenerationMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  /** The served model id. */
  model: string;
  provider: string;
  reasoningField: 'reasoning' | 'reasoning_content';
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** OpenRouter's id shape: "gen-<unix seconds>-<20 letters and digits>". */
export function generationId(createdSeconds: number): string {
  const suffix = Array.from(randomBytes(20), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
  return `gen-${createdSeconds}-${suffix}`;
}

function stepDelta(meta: GenerationMeta, step: PlannedStep): ChunkDelta {
  switch (step.kind) {
    case 'reasoning':
      // DeepSeek's own API sends content null beside reasoning_content; OpenRouter sends "" beside reasoning.
      return meta.reasoningField === 'reasoning_content'
        ? { content: null, role: 'assistant', reasoning_content: step.text }
        : {
            content: '',
            role: 'assistant',
            reasoning: step.text,
            reasoning_details: [{ type: 'reasoning.text', text: step.text, format: 'unknown', index: 0 }],
          };
    case 'content':
      return { content: step.text, role: 'assistant' };
    case 'tool-call-start':
      return {
        content: null,
        role: 'assistant',
        tool_calls: [{ index: step.index, id: step.id, type: 'function', function: { name: step.name, arguments: '' } }],
      };
    case 'tool-call-arguments':
      return {
        content: null,
        role: 'assistant',
        tool_calls: [{ index: step.index, function: { arguments: step.fragment } }],
      };
  }
}

function chunk(meta: GenerationMeta, delta: ChunkDelta, finishReason: FinishReason | null): ChatCompletionChunk {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    provider: meta.provider,
    choices: [{ index: 0, delta, finish_reason: finishReason, native_finish_reason: finishReason, logprobs: null }],
  };
}

export function stepChunk(meta: GenerationMeta, step: PlannedStep): ChatCompletionChunk {
  return chunk(meta, stepDelta(meta, step), null);
}

export function finishChunk(meta: GenerationMeta, finishReason: FinishReason): ChatCompletionChunk {
  return chunk(meta, { content: '', role: 'assistant' }, finishReason);
}

/** The last data event before [DONE]: no choices, the whole usage block. */
export function usageChunk(meta: GenerationMeta, usage: OpenRouterUsage): ChatCompletionChunk {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    provider: meta.provider,
    choices: [],
    usage,
  };
}

export function midStreamErrorChunk(meta: GenerationMeta, error: MidStreamError): MidStreamErrorChunk {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    provider: meta.provider,
    error,
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
  };
}

function completionMessage(meta: GenerationMeta, plan: GenerationPlan): CompletionMessage {
  const message: CompletionMessage = {
    role: 'assistant',
    content: plan.toolCalls.length > 0 && plan.content === '' ? null : plan.content,
    refusal: null,
  };
  if (meta.reasoningField === 'reasoning_content') {
    if (plan.reasoning !== '') message.reasoning_content = plan.reasoning;
  } else {
    message.reasoning = plan.reasoning === '' ? null : plan.reasoning;
    if (plan.reasoning !== '') {
      message.reasoning_details = [{ type: 'reasoning.text', text: plan.reasoning, format: 'unknown', index: 0 }];
    }
  }
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      index: call.index,
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return message;
}

export function completion(
  meta: GenerationMeta,
  plan: GenerationPlan,
  usage: OpenRouterUsage,
  error?: MidStreamError,
): ChatCompletion {
  const finishReason: FinishReason = error ? 'error' : plan.finishReason;
  return {
    id: meta.id,
    provider: meta.provider,
    model: meta.model,
    object: 'chat.completion',
    created: meta.created,
    ...(error ? { error } : {}),
    choices: [
      {
        logprobs: null,
        finish_reason: finishReason,
        native_finish_reason: finishReason,
        index: 0,
        message: completionMessage(meta, plan),
      },
    ],
    usage,
  };
}
