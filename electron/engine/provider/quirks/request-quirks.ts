// Request-side differences between OpenAI-compatible servers, applied in one place to the body the
// engine built. Each quirk names the provider behaviour it answers.
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { dropStreamOptions } from './map-mistral-request';
import { useMaxCompletionTokens } from './map-openai-max-tokens';
import { mapReasoningRequest, type ReasoningRequestStyle } from './map-reasoning-request';

export interface RequestQuirks {
  /** Send the output limit as max_completion_tokens (OpenAI: reasoning models reject max_tokens). */
  maxTokensField?: 'max_completion_tokens';
  /** Leave out stream_options (Mistral answers 422 "extra inputs are not permitted" and streams usage anyway). */
  dropStreamOptions?: boolean;
  /** How reasoning effort or budget is sent (default: OpenRouter's `reasoning` object; see map-reasoning-request.ts). */
  reasoningRequest?: ReasoningRequestStyle;
}

export type ChatBody = ChatCompletionCreateParamsStreaming & Record<string, unknown>;

export function applyRequestQuirks(body: ChatBody, quirks: RequestQuirks): ChatBody {
  let result = body;
  if (quirks.maxTokensField === 'max_completion_tokens') result = useMaxCompletionTokens(result);
  if (quirks.dropStreamOptions) result = dropStreamOptions(result);
  if (quirks.reasoningRequest) result = mapReasoningRequest(result, quirks.reasoningRequest);
  return result;
}
