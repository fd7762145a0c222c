// POST /chat/completions: validate, record, authenticate, pick the model, then stream or answer whole.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthenticationResult } from './authentication';
import { generationId } from './chunks';
import { badRequestError, unknownModelError } from './errors';
import { preStreamError } from './faults';
import type { GenerationContext } from './generation-context';
import { planGeneration } from './generation-plan';
import { sendError } from './http-responses';
import { parseChatRequestBody, requestedModelIds } from './request-body';
import type { SimulatorState } from './simulator-state';
import { streamGeneration } from './stream-generation';
import { estimatePromptTokens } from './usage';
import { respondWhole } from './whole-response';

export interface ChatCompletionsInput {
  state: SimulatorState;
  request: IncomingMessage;
  response: ServerResponse;
  bodyText: string;
  receivedAt: number;
  authentication: AuthenticationResult;
}

function recordedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (headers['authorization'] !== undefined) headers['authorization'] = 'Bearer ***';
  return headers;
}

export function handleChatCompletions(input: ChatCompletionsInput): void {
  const { state, response } = input;
  const parsed = parseChatRequestBody(input.bodyText);
  if (!parsed.ok) {
    sendError(response, badRequestError(parsed.message));
    return;
  }
  const body = parsed.body;
  const candidates = requestedModelIds(body);
  // Recorded before authentication, so tests can also count rejected attempts.
  state.record({
    model: candidates[0] ?? '',
    body,
    headers: recordedHeaders(input.request),
    receivedAt: input.receivedAt,
  });

  if (!input.authentication.ok) {
    sendError(response, input.authentication.error);
    return;
  }
  const asked = candidates[0];
  if (asked === undefined) {
    sendError(response, badRequestError('No models provided'));
    return;
  }
  const modelId = candidates.find((candidate) => state.models.has(candidate));
  const model = modelId === undefined ? undefined : state.models.get(modelId);
  if (!model) {
    sendError(response, unknownModelError(asked));
    return;
  }

  const promptTokens = estimatePromptTokens(body);
  const rejection = preStreamError(model, body, promptTokens, state.failures);
  if (rejection) {
    sendError(response, rejection);
    return;
  }

  const created = Math.floor(Date.now() / 1000);
  const context: GenerationContext = {
    state,
    response,
    model,
    plan: planGeneration(model, body),
    meta: {
      id: generationId(created),
      created,
      model: model.servedAs,
      provider: model.provider,
      reasoningField: model.reasoningField,
    },
    promptCounts: { promptTokens, cachedPromptTokens: Math.min(model.cachedPromptTokens, promptTokens) },
    apiKey: input.authentication.key,
  };
  if (body.stream === true) streamGeneration(context);
  else respondWhole(context);
}
