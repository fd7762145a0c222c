// Bearer-key check shared by chat, /key and /credits (GET /models is public on OpenRouter).
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorResponse } from './errors';
import { missingCredentialsError, unknownKeyError } from './errors';

/** `key` is the bearer token, or '' when none was sent and none is required. */
export type AuthenticationResult = { ok: true; key: string } | { ok: false; error: ErrorResponse };

export function authenticate(headers: IncomingHttpHeaders, apiKeys: readonly string[] | undefined): AuthenticationResult {
  // Scheme names are case-insensitive (RFC 9110 section 11.1).
  const token = /^bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (apiKeys === undefined) return { ok: true, key: token ?? '' };
  if (token === undefined || token === '') return { ok: false, error: missingCredentialsError() };
  if (!apiKeys.includes(token)) return { ok: false, error: unknownKeyError() };
  return { ok: true, key: token };
}
