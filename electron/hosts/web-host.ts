// The web host: the contract over HTTP + SSE on 127.0.0.1, plus the built renderer, for
// `npm run web` and the browser tests. node:http only. Every request goes through
// validateRequest (one place) and every failure through handleFailure (one place).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JuxtaService } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { dispatch } from '../../shared/dispatch';
import { isJuxtaError, JuxtaFailure, type Result } from '../../shared/result';
import type { RunEventBatch } from '../../shared/run-events';
import { HttpFailure, statusForResult } from './web-errors';
import { validateRequest, tokenCookieName, type RequestContext } from './web-request';
import { formatSseEvent, SSE_KEEP_ALIVE } from './web-sse';
import { createStaticFiles, type StaticFiles } from './web-static';

export interface WebHostOptions {
  engine: JuxtaService;
  /** The built renderer, normally out/renderer. */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default: 32 random bytes, base64url, new on every start. */
  token?: string;
  /** Where unexpected errors are reported; default console.error. */
  logError?: (message: string) => void;
  /** Interval of SSE keep-alive comments (default 15 s). */
  keepAliveMs?: number;
}

export interface WebHost {
  /** Open this in a browser: carries the token once, which the host swaps for a cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}


const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function endsRun(batch: RunEventBatch): boolean {
  return batch.some((event) => event.type === 'run-end');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { engine } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const logError = options.logError ?? ((message: string) => console.error(message));
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const staticFiles: StaticFiles = createStaticFiles(options.staticDir);
  const context: RequestContext = { port: 0, token };
  /** Ends every open event stream; used by close(). */
  const openStreams = new Set<() => void>();

  function handleFailure(request: IncomingMessage, response: ServerResponse, thrown: unknown): void {
    const failure =
      thrown instanceof HttpFailure
        ? thrown
        : new HttpFailure('internal', thrown instanceof Error ? thrown.message : String(thrown));
    if (failure.status >= 500) logError(`[juxta web] ${request.method} ${request.url?.split('?', 1)[0]}: ${failure.message}`);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const isApi = (request.url ?? '').startsWith('/api/');
    if (isApi) sendJson(response, failure.status, { ok: false, error: failure.error }, failure.headers);
    else sendText(response, failure.status, `Juxta: ${failure.message}\n`, failure.headers);
  }

  function streamRunEvents(request: IncomingMessage, response: ServerResponse, runId: string): void {
    let ended = false;
    // The engine delivers the snapshot synchronously inside subscribeRun, before the headers are
    // written (a 404 must still be possible then), so batches wait in a queue until the stream is open.
    const queued: RunEventBatch[] = [];
    let writeBatch = (batch: RunEventBatch): void => {
      queued.push(batch);
    };
    let unsubscribe: () => void;
    try {
      unsubscribe = engine.subscribeRun(runId, (batch) => writeBatch(batch));
    } catch (thrown) {
      const error = thrown instanceof JuxtaFailure ? thrown.error : isJuxtaError(thrown) ? thrown : undefined;
      if (!error) throw thrown;
      sendJson(response, error.kind === 'not_found' ? 404 : error.kind === 'invalid_input' ? 400 : 500, { ok: false, error });
      return;
    }

    // Small batches must leave at once, not wait for Nagle to fill a packet.
    request.socket.setNoDelay(true);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-store',
      Connection: 'keep-alive',
      // Proxies (nginx) would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();

    const keepAlive = setInterval(() => response.write(SSE_KEEP_ALIVE), keepAliveMs);
    const finish = () => {
      if (ended) return;
      ended = true;
      clearInterval(keepAlive);
      openStreams.delete(finish);
      unsubscribe();
      if (!response.writableEnded) response.end();
    };
    openStreams.add(finish);
    response.on('close', finish);
    writeBatch = (batch) => {
      if (ended) return;
      response.write(formatSseEvent('batch', JSON.stringify(batch)));
      if (endsRun(batch)) finish();
    };
    for (const batch of queued.splice(0)) writeBatch(batch);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    const route = await validateRequest(request, context);
    switch (route.kind) {
      case 'login':
        // The token leaves the address bar (and history) at once; from here on the cookie carries it.
        response.writeHead(302, {
          'Set-Cookie': `${tokenCookieName(context.port)}=${route.token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
          'Cache-Control': 'no-store',
          'Content-Length': '0',
        });
        response.end();
        return;
      case 'invoke': {
        const result = await dispatch(engine, route.method, route.body);
        sendJson(response, statusForResult(result), result as Result<unknown>);
        return;
      }
      case 'run-events':
        streamRunEvents(request, response, route.runId);
        return;
      case 'static':
        staticFiles.send(response, staticFiles.resolveFile(route.rawPath), route.headOnly);
        return;
    }
  }

  const server = createServer({ noDelay: true }, (request, response) => {
    handle(request, response).catch((thrown: unknown) => handleFailure(request, response, thrown));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  context.port = port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const finish of [...openStreams]) finish();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
