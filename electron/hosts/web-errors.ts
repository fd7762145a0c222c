// The web host's own errors (before a request reaches the contract), one list with stable
// kinds and statuses, as Fastify's lib/errors.js. Contract errors come from dispatch() instead.
import type { ErrorKind, JuxtaError } from '../../shared/result';

export const TOKEN_HINT = 'open the URL printed by npm run web (it carries the token)';

interface HostErrorTemplate {
  status: number;
  kind: ErrorKind;
  message: (detail: string) => string;
}

export const hostErrors = {
  forbiddenHost: {
    status: 403,
    kind: 'auth',
    message: () => 'This server answers only to http://127.0.0.1 or http://localhost on its own port (DNS rebinding protection).',
  },
  forbiddenOrigin: {
    status: 403,
    kind: 'auth',
    message: (origin) => `Requests from ${origin || 'a page without an Origin'} are refused: only Juxta's own page may call this server.`,
  },
  missingToken: {
    status: 401,
    kind: 'auth',
    message: () => `Juxta needs its access token: ${TOKEN_HINT}.`,
  },
  wrongToken: {
    status: 401,
    kind: 'auth',
    message: () => `That token is not this server's (a new one is made on every start): ${TOKEN_HINT}.`,
  },
  notFound: { status: 404, kind: 'not_found', message: (what) => `Not found: ${what}` },
  unknownMethod: {
    status: 404,
    kind: 'not_found',
    message: (method) => `Unknown method "${method}": the API is POST /api/invoke/<method> with a method of the contract.`,
  },
  methodNotAllowed: { status: 405, kind: 'invalid_input', message: (allowed) => `Use ${allowed} here.` },
  badPath: { status: 400, kind: 'invalid_input', message: (reason) => `Bad path: ${reason}.` },
  unsupportedMediaType: {
    status: 415,
    kind: 'invalid_input',
    message: (received) => `Send the body as JSON with Content-Type: application/json (got ${received || 'no Content-Type'}).`,
  },
  payloadTooLarge: { status: 413, kind: 'invalid_input', message: (limit) => `The request body is over the ${limit} limit.` },
  malformedJson: { status: 400, kind: 'invalid_input', message: (reason) => `The request body is not valid JSON: ${reason}` },
  internal: { status: 500, kind: 'internal', message: (reason) => `Unexpected error in the web host: ${reason}` },
} satisfies Record<string, HostErrorTemplate>;

export type HostErrorName = keyof typeof hostErrors;

/** Thrown while handling a request; the one central handler turns it into a response. */
export class HttpFailure extends Error {
  readonly status: number;
  readonly error: JuxtaError;
  readonly headers: Record<string, string>;
  constructor(name: HostErrorName, detail = '', headers: Record<string, string> = {}) {
    const template: HostErrorTemplate = hostErrors[name];
    const message = template.message(detail);
    super(message);
    this.name = 'HttpFailure';
    this.status = template.status;
    this.error = { kind: template.kind, message };
    this.headers = headers;
  }
}

/** Status for a contract Result: domain errors are answers (200); only bad input is the caller's fault (400). */
export function statusForResult(result: { ok: boolean; error?: JuxtaError }): number {
  return !result.ok && result.error?.kind === 'invalid_input' ? 400 : 200;
}
