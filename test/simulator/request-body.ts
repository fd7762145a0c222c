// Validates only the request fields the simulator reads (STYLE 4); unknown fields pass through untouched.
import type { ChatRequestBody } from './types';

export type ParsedChatRequest = { ok: true; body: ChatRequestBody } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalNumber(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'number';
}

export function parseChatRequestBody(text: string): ParsedChatRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Invalid JSON in request body' };
  }
  if (!isRecord(raw)) return { ok: false, message: 'Request body must be a JSON object' };
  const messages = raw['messages'];
  if (!Array.isArray(messages) || messages.length === 0) {
    return { ok: false, message: 'Input required: specify "messages"' };
  }
  if (!messages.every((message) => isRecord(message) && typeof message['role'] === 'string')) {
    return { ok: false, message: 'Each message needs a string "role"' };
  }
  if (raw['model'] !== undefined && typeof raw['model'] !== 'string') {
    return { ok: false, message: '"model" must be a string' };
  }
  const models = raw['models'];
  if (models !== undefined && !(Array.isArray(models) && models.every((model) => typeof model === 'string'))) {
    return { ok: false, message: '"models" must be an array of strings' };
  }
  if (!isOptionalNumber(raw['max_tokens']) || !isOptionalNumber(raw['max_completion_tokens'])) {
    return { ok: false, message: '"max_tokens" must be a number' };
  }
  if (raw['tools'] !== undefined && raw['tools'] !== null && !Array.isArray(raw['tools'])) {
    return { ok: false, message: '"tools" must be an array' };
  }
  // The checks above establish every typed field of ChatRequestBody.
  return { ok: true, body: raw as ChatRequestBody };
}

/** The model served: the first known id among `model` and the OpenRouter `models` fallback list. */
export function requestedModelIds(body: ChatRequestBody): string[] {
  return [...(body.model !== undefined ? [body.model] : []), ...(body.models ?? [])];
}
