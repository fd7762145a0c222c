// Multi-turn helpers, pure so the renderer and the engine build conversations the same way.
//
// Continue one column: startRun({ prompt: 'next question', targets: [continueTarget(run, response)] }).
// Follow-up to all columns: startRun({ prompt, targets: detail.responses.map((response) => continueTarget(detail.run, response)) }).
// Answer tool calls: continueTarget(run, response, { toolResults: { [callId]: 'result text' } }) with an empty prompt.
import type { ConversationMessage, ResponseRecord, RunRecord, RunTarget } from './records';

/** The column's whole conversation after a response: its earlier messages, the run's prompt, then the answer. */
export function conversationAfter(run: RunRecord, response: ResponseRecord): ConversationMessage[] {
  const target = run.targets[response.targetIndex];
  const messages: ConversationMessage[] = [...(target?.messages ?? [])];
  if (run.prompt.trim()) messages.push({ role: 'user', content: run.prompt });
  const toolCalls = response.toolCalls
    .filter((call) => call.id !== null)
    .map((call) => ({ id: call.id!, name: call.name, arguments: call.arguments }));
  messages.push({ role: 'assistant', content: response.text || null, ...(toolCalls.length > 0 ? { toolCalls } : {}) });
  return messages;
}

/**
 * A target that continues `response`'s column: same connection, model and routing, its conversation so
 * far, and (optionally) results for its tool calls by call id, appended as tool messages.
 */
export function continueTarget(run: RunRecord, response: ResponseRecord, options: { toolResults?: Record<string, string> } = {}): RunTarget {
  const original = run.targets[response.targetIndex] ?? { connectionId: response.connectionId, model: response.modelAsked };
  const messages = conversationAfter(run, response);
  for (const call of response.toolCalls) {
    const result = call.id === null ? undefined : options.toolResults?.[call.id];
    if (result !== undefined) messages.push({ role: 'tool', toolCallId: call.id!, content: result });
  }
  const { messages: _earlier, continues: _continues, ...rest } = original;
  return { ...rest, messages, continues: { runId: run.id, responseId: response.id } };
}

export interface ReasoningCostShare {
  reasoningTokens: number;
  /** reasoningTokens / completionTokens (reasoning is billed as output). */
  shareOfCompletionTokens: number;
  /** USD spent on reasoning: reasoning tokens x the listed reasoning (else completion) price when a price is given;
   *  otherwise the share of completion tokens x the response's cost (an upper bound, as the cost includes the prompt). */
  usd: number | null;
  basis: 'listed-price' | 'share-of-cost';
}

/** The reasoning part of a response's tokens and cost, for the collapsible reasoning section; null without reasoning tokens. */
export function reasoningCostShare(response: ResponseRecord, pricing?: { completion: number; reasoning?: number } | null): ReasoningCostShare | null {
  const usage = response.usage;
  if (!usage || usage.reasoningTokens <= 0 || usage.completionTokens <= 0) return null;
  const share = Math.min(1, usage.reasoningTokens / usage.completionTokens);
  if (pricing) {
    return { reasoningTokens: usage.reasoningTokens, shareOfCompletionTokens: share, usd: usage.reasoningTokens * (pricing.reasoning ?? pricing.completion), basis: 'listed-price' };
  }
  return { reasoningTokens: usage.reasoningTokens, shareOfCompletionTokens: share, usd: response.cost.usd === null ? null : share * response.cost.usd, basis: 'share-of-cost' };
}

/** The result every call of a tool without a canned result gets in auto mode (the model sees the failure, as in real use). */
export function missingCannedResult(toolName: string): string {
  return JSON.stringify({ error: `no canned result for tool "${toolName}"` });
}

/**
 * Auto mode's next step: for every column whose response ended by calling tools, a target continuing it
 * with each call answered from `cannedResults` (tool name -> result text). Columns that answered in text,
 * failed or were stopped are done. The UI can drive the same loop itself to show each step live.
 */
export function nextToolScenarioTargets(detail: { run: RunRecord; responses: ResponseRecord[] }, cannedResults: Record<string, string>): Array<{ response: ResponseRecord; target: RunTarget }> {
  const next: Array<{ response: ResponseRecord; target: RunTarget }> = [];
  for (const response of detail.responses) {
    const calls = response.toolCalls.filter((call) => call.id !== null);
    if (response.status !== 'done' || calls.length === 0) continue;
    const toolResults = Object.fromEntries(calls.map((call) => [call.id!, Object.hasOwn(cannedResults, call.name) ? cannedResults[call.name]! : missingCannedResult(call.name)]));
    next.push({ response, target: continueTarget(detail.run, response, { toolResults }) });
  }
  return next;
}
