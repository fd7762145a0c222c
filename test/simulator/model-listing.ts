// GET /models: OpenRouter's catalog entry for each simulated model.
import type { ResolvedModel } from './model-defaults';
import type { ModelListing } from './openrouter-shapes';

// Fixed so listings are stable between runs (2025-01-01T00:00:00Z).
const LISTED_AT_SECONDS = 1_735_689_600;
const MAX_COMPLETION_TOKENS = 16_384;

/** Per-token price as OpenRouter writes it: a plain decimal string, never exponent notation ("0.0000025"). */
export function priceString(pricePerToken: number): string {
  return pricePerToken.toLocaleString('en-US', {
    useGrouping: false,
    maximumSignificantDigits: 15,
    maximumFractionDigits: 20,
  });
}

function supportedParameters(model: ResolvedModel): string[] {
  const parameters = ['max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'response_format', 'structured_outputs'];
  parameters.push('tools', 'tool_choice');
  if (model.reasoningTokens > 0) parameters.push('reasoning', 'include_reasoning');
  return parameters.sort();
}

export function modelListing(model: ResolvedModel): ModelListing {
  return {
    id: model.id,
    canonical_slug: model.servedAs,
    hugging_face_id: '',
    name: model.name,
    created: LISTED_AT_SECONDS,
    description: `Simulated model served by the Juxta provider simulator (${model.provider}). Its answers are generated text, not a real model.`,
    context_length: model.contextLength,
    architecture: {
      modality: 'text->text',
      input_modalities: ['text'],
      output_modalities: ['text'],
      tokenizer: 'Other',
      instruct_type: null,
    },
    pricing: {
      prompt: priceString(model.pricing.prompt),
      completion: priceString(model.pricing.completion),
      request: '0',
      image: '0',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: priceString(model.pricing.inputCacheRead),
    },
    top_provider: {
      context_length: model.contextLength,
      max_completion_tokens: MAX_COMPLETION_TOKENS,
      is_moderated: false,
    },
    per_request_limits: null,
    supported_parameters: supportedParameters(model),
    default_parameters: null,
  };
}
