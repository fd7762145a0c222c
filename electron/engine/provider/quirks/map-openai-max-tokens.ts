// OpenAI: max_tokens is deprecated and its reasoning models (o1, o3, o4, gpt-5) reject it with a 400;
// max_completion_tokens works for every current chat model there.
import type { ChatBody } from './request-quirks';

export function useMaxCompletionTokens(body: ChatBody): ChatBody {
  if (body.max_tokens === undefined || body.max_tokens === null) return body;
  const { max_tokens: maxTokens, ...rest } = body;
  return { ...rest, max_completion_tokens: maxTokens } as ChatBody;
}
