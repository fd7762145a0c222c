// The one function that validates a request to the web host (umami's parseRequest): host,
// origin, token, route, method and body. It returns a typed route or throws HttpFailure.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { MethodName } from '../../shared/contract';
import { isMethodName } from '../../shared/dispatch';
import { HttpFailure } from './web-errors';

/** Cookies ignore ports: one name per port keeps two hosts on 127.0.0.1 from overwriting each other's token. */
export function tokenCookieName(port: number): string {
  return `juxta_token_${port}`;
}
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface RequestContext {
  port: number;
  token: string;
}

export type Route =
  | { kind: 'login'; token: string }
  | { kind: 'invoke'; method: MethodName; body: unknown }
  | { kind: 'run-events'; runId: string }
  | { kind: 'static'; rawPath: string; headOnly: boolean };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/** Compares through fixed-length digests so neither content nor length leaks through timing. */
export function tokensEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

function readBearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Splits the raw request target; a URL parser is not used on the path because it would treat "//x" as a host. */
export function splitTarget(target: string): { rawPath: string; query: URLSearchParams } {
  const withoutFragment = target.split('#', 1)[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  const rawPath = queryStart === -1 ? withoutFragment : withoutFragment.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : withoutFragment.slice(queryStart + 1));
  return { rawPath, query };
}

function requireMethod(request: IncomingMessage, allowed: string[]): void {
  if (!allowed.includes(request.method ?? '')) {
    throw new HttpFailure('methodNotAllowed', allowed.join(' or '), { Allow: allowed.join(', ') });
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const contentType = singleHeader(request, 'content-type') ?? '';
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new HttpFailure('unsupportedMediaType', contentType);

  const limitText = '1 MB';
  const declaredLength = Number(singleHeader(request, 'content-length') ?? '0');
  if (declaredLength > BODY_LIMIT_BYTES) throw new HttpFailure('payloadTooLarge', limitText, { Connection: 'close' });

  // Events rather than for-await: leaving a for-await early destroys the socket before the 413 is sent.
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const received: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) {
        received.push(chunk);
        return;
      }
      request.off('data', onData);
      // Keep draining (discarding) so the 413 can be written; Connection: close ends the socket after it.
      request.resume();
      reject(new HttpFailure('payloadTooLarge', limitText, { Connection: 'close' }));
    };
    request.on('data', onData);
    request.once('end', () => resolve(received));
    request.once('error', reject);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpFailure('malformedJson', error instanceof Error ? error.message : String(error));
  }
}

export async function validateRequest(request: IncomingMessage, context: RequestContext): Promise<Route> {
  // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name as Host.
  const host = singleHeader(request, 'host');
  if (!host || !allowedHosts(context.port).includes(host)) throw new HttpFailure('forbiddenHost');

  const origin = singleHeader(request, 'origin');
  if (origin !== undefined && !allowedOrigins(context.port).includes(origin)) throw new HttpFailure('forbiddenOrigin', origin);

  const target = request.url ?? '';
  if (!target.startsWith('/')) throw new HttpFailure('badPath', 'expected an origin-form request target');
  const { rawPath, query } = splitTarget(target);
  const method = request.method ?? 'GET';

  const queryToken = query.get('token');
  if (rawPath === '/' && method === 'GET' && queryToken !== null) {
    if (!tokensEqual(queryToken, context.token)) throw new HttpFailure('wrongToken');
    return { kind: 'login', token: queryToken };
  }

  const bearer = readBearer(singleHeader(request, 'authorization'));
  const cookie = readCookie(singleHeader(request, 'cookie'), tokenCookieName(context.port));
  const bearerValid = bearer !== undefined && tokensEqual(bearer, context.token);
  const cookieValid = cookie !== undefined && tokensEqual(cookie, context.token);
  if (!bearerValid && !cookieValid) throw new HttpFailure(bearer !== undefined || cookie !== undefined ? 'wrongToken' : 'missingToken');
  // Browsers send Origin on every non-GET request; a cookie-carrying one without it is not our page.
  // Bearer callers (scripts, tests) are not browsers: a page cannot attach that header cross-origin.
  if (!bearerValid && origin === undefined && method !== 'GET' && method !== 'HEAD') throw new HttpFailure('forbiddenOrigin');

  if (rawPath.startsWith('/api/')) {
    const segments = rawPath.slice('/api/'.length).split('/');
    if (segments[0] === 'invoke' && segments.length === 2) {
      requireMethod(request, ['POST']);
      const methodName = segments[1] ?? '';
      if (!isMethodName(methodName)) throw new HttpFailure('unknownMethod', methodName.slice(0, 100));
      return { kind: 'invoke', method: methodName, body: await readJsonBody(request) };
    }
    if (segments[0] === 'runs' && segments.length === 3 && segments[2] === 'events') {
      requireMethod(request, ['GET']);
      let runId: string;
      try {
        runId = decodeURIComponent(segments[1] ?? '');
      } catch {
        throw new HttpFailure('badPath', 'malformed percent-encoding');
      }
      return { kind: 'run-events', runId };
    }
    throw new HttpFailure('notFound', `${method} ${rawPath.slice(0, 200)}`);
  }

  requireMethod(request, ['GET', 'HEAD']);
  return { kind: 'static', rawPath, headOnly: method === 'HEAD' };
}
