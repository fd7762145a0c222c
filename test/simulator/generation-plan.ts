// Decides, before anything is sent, every token a generation will emit and why it will stop.
import { randomBytes } from 'node:crypto';
import type { ResolvedModel } from './model-defaults';
import { DEFAULT_OUTPUT_TOKENS } from './model-defaults';
import type { FinishReason } from './openrouter-shapes';
import { fitTokens, generatedAnswerTokens, reasoningTextTokens, splitIntoTokens } from './text-source';
import type { ChatRequestBody, SimulatedToolCall } from './types';

/** One paced token. Every step counts as one completion token. */
export type PlannedStep =
  | { kind: 'reasoning'; text: string }
  | { kind: 'content'; text: string }
  | { kind: 'tool-call-start'; index: number; id: string; name: string }
  | { kind: 'tool-call-arguments'; index: number; fragment: string };

export interface PlannedToolCall {
  index: number;
  id: string;
  name: string;
  /** What was actually streamed: truncated JSON when max_tokens cut it short. */
  arguments: string;
}

export interface GenerationPlan {
  steps: PlannedStep[];
  finishReason: Exclude<FinishReason, 'error'>;
  completionTokens: number;
  reasoningTokens: number;
  reasoning: string;
  content: string;
  toolCalls: PlannedToolCall[];
}

const TOOL_CALL_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function toolCallId(): string {
  const bytes = randomBytes(24);
  return `call_${Array.from(bytes, (byte) => TOOL_CALL_ID_ALPHABET[byte % TOOL_CALL_ID_ALPHABET.length]).join('')}`;
}

// Several fragments per call (about a third each, at most 8 characters), as providers stream arguments.
function splitArguments(text: string): string[] {
  const characters = Array.from(text);
  const size = Math.max(1, Math.min(8, Math.ceil(characters.length / 3)));
  const fragments: string[] = [];
  for (let start = 0; start < characters.length; start += size) {
    fragments.push(characters.slice(start, start + size).join(''));
  }
  return fragments;
}

// Round-robin across calls so fragments of different indices interleave, the hard case for a client's reassembly.
function toolCallSteps(calls: SimulatedToolCall[]): PlannedStep[] {
  const perCall = calls.map((call, index): PlannedStep[] => [
    { kind: 'tool-call-start', index, id: toolCallId(), name: call.name },
    ...splitArguments(call.arguments).map((fragment): PlannedStep => ({ kind: 'tool-call-arguments', index, fragment })),
  ]);
  const longest = Math.max(0, ...perCall.map((steps) => steps.length));
  const steps: PlannedStep[] = [];
  for (let round = 0; round < longest; round++) {
    for (const callSteps of perCall) {
      const step = callSteps[round];
      if (step) steps.push(step);
    }
  }
  return steps;
}

function contentTokens(model: ResolvedModel, request: ChatRequestBody): string[] {
  if (model.text === undefined) return generatedAnswerTokens(request, model.outputTokens ?? DEFAULT_OUTPUT_TOKENS);
  const text = typeof model.text === 'string' ? model.text : model.text(request);
  return model.outputTokens === undefined ? splitIntoTokens(text) : fitTokens(text, model.outputTokens);
}

function requestedMaximum(request: ChatRequestBody): number | undefined {
  const maximum = request.max_completion_tokens ?? request.max_tokens;
  return typeof maximum === 'number' && maximum >= 0 ? Math.floor(maximum) : undefined;
}

function wantsTools(request: ChatRequestBody): boolean {
  return Array.isArray(request.tools) && request.tools.length > 0;
}

export function planGeneration(model: ResolvedModel, request: ChatRequestBody): GenerationPlan {
  const reasoningSteps: PlannedStep[] = reasoningTextTokens(request, model.reasoningTokens).map((text) => ({
    kind: 'reasoning',
    text,
  }));
  const calls = typeof model.toolCalls === 'function' ? model.toolCalls(request) : model.toolCalls;
  const callsTools = calls.length > 0 && wantsTools(request);
  const answerSteps: PlannedStep[] = callsTools
    ? toolCallSteps(calls)
    : contentTokens(model, request).map((text) => ({ kind: 'content', text }));

  const allSteps = [...reasoningSteps, ...answerSteps];
  const maximum = requestedMaximum(request);
  // max_tokens caps reasoning and answer together, as OpenAI counts reasoning inside completion tokens.
  const truncated = maximum !== undefined && allSteps.length > maximum;
  const steps = truncated ? allSteps.slice(0, maximum) : allSteps;

  return planFromSteps(steps, truncated ? 'length' : callsTools ? 'tool_calls' : 'stop');
}

/** Totals and assembled text of a list of steps (also used to describe a generation cut short by a fault). */
export function planFromSteps(steps: PlannedStep[], finishReason: GenerationPlan['finishReason']): GenerationPlan {
  const toolCalls = new Map<number, PlannedToolCall>();
  let reasoning = '';
  let content = '';
  for (const step of steps) {
    if (step.kind === 'reasoning') reasoning += step.text;
    else if (step.kind === 'content') content += step.text;
    else if (step.kind === 'tool-call-start') {
      toolCalls.set(step.index, { index: step.index, id: step.id, name: step.name, arguments: '' });
    } else {
      const call = toolCalls.get(step.index);
      if (call) call.arguments += step.fragment;
    }
  }
  return {
    steps,
    finishReason,
    completionTokens: steps.length,
    reasoningTokens: steps.filter((step) => step.kind === 'reasoning').length,
    reasoning,
    content,
    toolCalls: [...toolCalls.values()],
  };
}
