// Serves the built UI (out/renderer) from app://juxta/ in production: GET only, paths normalised
// and confined to the renderer folder, explicit MIME types, and the CSP as a response header
// (webRequest header hooks do not run for custom protocols, electron/electron#6021).
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, posix, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentTypeFor } from '../hosts/content-types';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';

/** Standard: relative URLs and localStorage work; secure: a secure context (crypto.randomUUID, clipboard). */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  // corsEnabled + supportFetchAPI: Vite emits <script type="module" crossorigin> and Monaco fetches its workers.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}


export type AppPathResolution = { ok: true; relativePath: string } | { ok: false; status: 400 | 403 | 404 | 405 };

/**
 * Maps a request to a path relative to the renderer folder, or an HTTP status.
 * Decodes first and checks after, so "%2e%2e%2f" cannot climb out once decoded.
 */
export function resolveAppPath(rawUrl: string, method: string): AppPathResolution {
  if (method !== 'GET') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // A backslash is a separator on Windows and a NUL truncates paths in native code.
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  // A ".." that survived URL parsing was encoded (%2e%2e, %2f): an attempt, not a link of ours.
  if (decoded.split('/').includes('..')) return { ok: false, status: 403 };
  const normalized = posix.normalize(`/${decoded}`);
  const relativePath = normalized.replace(/^\/+/, '');
  if (relativePath === '' || relativePath.endsWith('/')) return { ok: true, relativePath: `${relativePath}index.html` };
  return { ok: true, relativePath };
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

function errorResponse(status: number): Response {
  const text = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' }[status] ?? 'Error';
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...(status === 405 ? { Allow: 'GET' } : {}) },
  });
}

async function readConfinedFile(root: string, relativePath: string): Promise<Buffer | undefined> {
  const candidate = resolve(root, relativePath);
  if (!isInside(root, candidate)) return undefined;
  try {
    // realpath: a symlink inside out/renderer must not lead outside it.
    const real = await realpath(candidate);
    if (!isInside(await realpath(root), real)) return undefined;
    if (!(await stat(real)).isFile()) return undefined;
    return await readFile(real);
  } catch {
    return undefined;
  }
}

/** The protocol.handle handler for app://juxta/, serving files from rendererDir. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    const resolution = resolveAppPath(request.url, request.method);
    if (!resolution.ok) return errorResponse(resolution.status);
    let servedPath = resolution.relativePath;
    let body = await readConfinedFile(root, servedPath);
    // A path without an extension is a client-side route: answer with the app shell.
    if (body === undefined && extname(servedPath) === '') {
      servedPath = 'index.html';
      body = await readConfinedFile(root, servedPath);
    }
    if (body === undefined) return errorResponse(404);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(servedPath),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Must run after app 'ready'. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
