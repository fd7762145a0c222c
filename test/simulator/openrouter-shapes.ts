// OpenRouter's wire shapes, written from its docs and from captured traffic (chunk field order included):
// https://openrouter.ai/docs/api-reference/streaming, /docs/use-cases/usage-accounting, /docs/api-reference/errors,
// /docs/models, /docs/api-reference/limits (GET /key), /docs/api/api-reference/credits.

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'error';

export interface ReasoningDetail {
  type: 'reasoning.text';
  text: string;
  format: 'unknown';
  index: number;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments: string };
}

export interface ChunkDelta {
  content: string | null;
  role: 'assistant';
  reasoning?: string;
  reasoning_details?: ReasoningDetail[];
  reasoning_content?: string;
  tool_calls?: ToolCallDelta[];
}

export interface ChunkChoice {
  index: 0;
  delta: ChunkDelta;
  finish_reason: FinishReason | null;
  native_finish_reason: string | null;
  logprobs: null;
}

export interface OpenRouterUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Absent when the model simulates a direct provider (SimulatedModel.reportsCost false). */
  cost?: number;
  is_byok?: false;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens: number; audio_tokens: number; video_tokens: number };
  cost_details?: {
    upstream_inference_cost: number;
    upstream_inference_prompt_cost: number;
    upstream_inference_completions_cost: number;
  };
  completion_tokens_details: { reasoning_tokens: number; image_tokens: number; audio_tokens: number };
}

export interface MidStreamError {
  code: number | string;
  message: string;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  provider: string;
  choices: ChunkChoice[];
  usage?: OpenRouterUsage;
}

/** OpenRouter's unified mid-stream error event: the error at the top level and one choice ending in "error". */
export interface MidStreamErrorChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  provider: string;
  error: MidStreamError;
  choices: [{ index: 0; delta: { content: '' }; finish_reason: 'error' }];
}

export interface ToolCall {
  id: string;
  type: 'function';
  index: number;
  function: { name: string; arguments: string };
}

export interface CompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal: null;
  reasoning?: string | null;
  reasoning_details?: ReasoningDetail[];
  reasoning_content?: string;
  tool_calls?: ToolCall[];
}

export interface ChatCompletion {
  id: string;
  provider: string;
  model: string;
  object: 'chat.completion';
  created: number;
  error?: MidStreamError;
  choices: Array<{
    logprobs: null;
    finish_reason: FinishReason;
    native_finish_reason: string;
    index: 0;
    message: CompletionMessage;
  }>;
  usage: OpenRouterUsage;
}

export interface ErrorBody {
  error: { code: number; message: string; metadata?: Record<string, unknown> };
}

/** Prices are per-token decimal strings, e.g. "0.0000025". */
export interface ModelListing {
  id: string;
  canonical_slug: string;
  hugging_face_id: string;
  name: string;
  created: number;
  description: string;
  context_length: number;
  architecture: {
    modality: string;
    input_modalities: string[];
    output_modalities: string[];
    tokenizer: string;
    instruct_type: null;
  };
  pricing: {
    prompt: string;
    completion: string;
    request: string;
    image: string;
    web_search: string;
    internal_reasoning: string;
    input_cache_read: string;
  };
  top_provider: { context_length: number; max_completion_tokens: number; is_moderated: boolean };
  per_request_limits: null;
  supported_parameters: string[];
  default_parameters: null;
}

export interface KeyInfo {
  label: string;
  limit: number | null;
  limit_remaining: number | null;
  limit_reset: string | null;
  include_byok_in_limit: boolean;
  usage: number;
  usage_daily: number;
  usage_weekly: number;
  usage_monthly: number;
  byok_usage: number;
  byok_usage_daily: number;
  byok_usage_weekly: number;
  byok_usage_monthly: number;
  is_free_tier: boolean;
  is_provisioning_key: boolean;
  is_management_key: boolean;
  rate_limit: { requests: number; interval: string; note: string };
  expires_at: string | null;
  creator_user_id: string | null;
  /** Requests to ":free" models today (UTC) against the account's daily quota. */
  free_model_daily_requests: { used: number; limit: number; remaining: number };
}

export interface CreditsInfo {
  total_credits: number;
  total_usage: number;
}
