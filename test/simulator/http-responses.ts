// The two ways a request ends without a stream: a JSON body, or an OpenRouter error body.
import type { ServerResponse } from 'node:http';
import type { ErrorResponse } from './errors';

// OpenRouter answers browsers directly, so it allows any origin; the simulator does the same.
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, http-referer, x-title',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: ErrorResponse): void {
  sendJson(response, error.status, error.body, error.headers);
}
