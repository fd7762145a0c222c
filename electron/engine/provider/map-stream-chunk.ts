// Normalises one parsed chat.completion.chunk (OpenAI shape plus OpenRouter/DeepSeek extras)
// into the few facts the engine uses. The one place that knows chunk field names.
import type { WireUsage } from './convert-usage';
import { groqUsage, type GroqChunk } from './quirks/convert-groq-usage';
import { deepSeekReasoning, type DeepSeekDelta } from './quirks/map-deepseek-reasoning';
import { openRouterReasoning, type OpenRouterDelta } from './quirks/map-openrouter-reasoning';

interface WireToolCallDelta {
  index?: number;
  id?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

interface WireChunk extends GroqChunk {
  model?: string;
  provider?: string;
  choices?: Array<{
    delta?: (OpenRouterDelta &
      DeepSeekDelta & {
        content?: string | null;
        tool_calls?: WireToolCallDelta[] | null;
      }) | null;
    finish_reason?: string | null;
  }>;
  usage?: WireUsage | null;
}

export interface ToolCallFragment {
  index: number;
  id?: string;
  name?: string;
  argumentsDelta: string;
}

export interface ChunkFacts {
  model?: string;
  provider?: string;
  text?: string;
  reasoning?: string;
  toolCalls: ToolCallFragment[];
  finishReason?: string;
  usage?: WireUsage;
}

export function mapStreamChunk(chunk: unknown): ChunkFacts {
  const wire = chunk as WireChunk;
  const facts: ChunkFacts = { toolCalls: [] };
  if (typeof wire.model === 'string' && wire.model) facts.model = wire.model;
  if (typeof wire.provider === 'string' && wire.provider) facts.provider = wire.provider;
  const usage = wire.usage ?? groqUsage(wire);
  if (usage) facts.usage = usage;
  const choice = wire.choices?.[0];
  if (!choice) return facts;
  const delta = choice.delta;
  if (delta) {
    if (typeof delta.content === 'string' && delta.content) facts.text = delta.content;
    const reasoning = openRouterReasoning(delta) ?? deepSeekReasoning(delta);
    if (reasoning) facts.reasoning = reasoning;
    for (const call of delta.tool_calls ?? []) {
      facts.toolCalls.push({
        index: call.index ?? 0,
        ...(call.id ? { id: call.id } : {}),
        ...(call.function?.name ? { name: call.function.name } : {}),
        argumentsDelta: call.function?.arguments ?? '',
      });
    }
  }
  if (choice.finish_reason) facts.finishReason = choice.finish_reason;
  return facts;
}
