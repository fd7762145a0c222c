// Every error the simulator answers with, in OpenRouter's shape {"error":{"code","message","metadata"?}}
// with the HTTP status equal to error.code unless a fault overrides the code.
import type { ErrorBody } from './openrouter-shapes';
import type { HttpFaultStatus } from './types';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

function errorResponse(
  status: number,
  message: string,
  metadata?: Record<string, unknown>,
  headers: Record<string, string> = {},
): ErrorResponse {
  return { status, body: { error: { code: status, message, ...(metadata ? { metadata } : {}) } }, headers };
}

/** Messages modelled on what OpenRouter returns for each status; faults may replace them. */
function defaultMessage(status: HttpFaultStatus, model: string): string {
  switch (status) {
    case 400:
      return 'Provider returned error';
    case 401:
      return 'User not found.';
    case 402:
      return 'Insufficient credits. Add more using https://openrouter.ai/settings/credits';
    case 403:
      return `${model} requires moderation on OpenAI. Your input was flagged for "harassment". No credits were charged.`;
    case 404:
      return `No endpoints found for ${model}.`;
    case 408:
      return 'Request timed out';
    case 413:
      return 'Request entity too large';
    case 429:
      return `${model} is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations`;
    case 500:
      return 'Internal Server Error';
    case 502:
      return 'Provider returned error';
    case 503:
      return 'No endpoints found that can handle the requested parameters.';
  }
}

export interface ProviderErrorOptions {
  status: HttpFaultStatus;
  model: string;
  provider: string;
  message?: string;
  code?: number;
  retryAfterSeconds?: number;
}

/**
 * An upstream or routing failure. Retry-After is sent in seconds as given: fractions are not standard HTTP,
 * but the openai SDK parses them with parseFloat, which keeps retry tests fast.
 */
export function providerError(options: ProviderErrorOptions): ErrorResponse {
  const metadata: Record<string, unknown> =
    options.status === 403
      ? { reasons: ['harassment'], flagged_input: '...', provider_name: options.provider, model_slug: options.model }
      : { provider_name: options.provider, raw: `simulated ${options.status} from ${options.provider}` };
  const headers: Record<string, string> =
    options.retryAfterSeconds !== undefined ? { 'retry-after': String(options.retryAfterSeconds) } : {};
  const response = errorResponse(
    options.status,
    options.message ?? defaultMessage(options.status, options.model),
    metadata,
    headers,
  );
  if (options.code !== undefined) response.body.error.code = options.code;
  return response;
}

export function contextLengthError(contextLength: number, promptTokens: number, outputTokens: number): ErrorResponse {
  const requested = promptTokens + outputTokens;
  return errorResponse(
    400,
    `This endpoint's maximum context length is ${contextLength} tokens. However, you requested about ${requested} tokens ` +
      `(${promptTokens} of text input, ${outputTokens} in the output). Please reduce the length of either one, ` +
      'or use the "middle-out" transform to compress your prompt automatically.',
    { provider_name: null },
  );
}

export function unknownModelError(model: string): ErrorResponse {
  return errorResponse(400, `${model} is not a valid model ID`);
}

export function missingCredentialsError(): ErrorResponse {
  return errorResponse(401, 'No auth credentials found');
}

export function unknownKeyError(): ErrorResponse {
  return errorResponse(401, 'User not found.');
}

export function badRequestError(message: string): ErrorResponse {
  return errorResponse(400, message);
}

export function notFoundError(path: string): ErrorResponse {
  return errorResponse(404, `Not Found: ${path}`);
}

export function payloadTooLargeError(): ErrorResponse {
  return errorResponse(413, 'Request entity too large');
}
