// The HTTP front door: routes OpenRouter's paths under /api/v1 on 127.0.0.1 with plain node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './authentication';
import { handleChatCompletions } from './chat-completions';
import { defaultModels } from './demo-models';
import { notFoundError, payloadTooLargeError } from './errors';
import { CORS_HEADERS, sendError, sendJson } from './http-responses';
import { modelListing } from './model-listing';
import { SimulatorState } from './simulator-state';
import type { Simulator, SimulatorOptions } from './types';

const API_PREFIX = '/api/v1';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    request.on('data', (part: Buffer) => {
      size += part.length;
      if (size <= MAX_BODY_BYTES) parts.push(part);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

async function route(state: SimulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const receivedAt = performance.now();
  const path = new URL(request.url ?? '/', 'http://simulator').pathname;
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS);
    response.end();
    return;
  }
  const authentication = authenticate(request.headers, state.apiKeys);

  if (method === 'POST' && path === `${API_PREFIX}/chat/completions`) {
    const bodyText = await readBody(request);
    if (bodyText === undefined) {
      sendError(response, payloadTooLargeError());
      return;
    }
    handleChatCompletions({ state, request, response, bodyText, receivedAt, authentication });
    return;
  }
  if (method === 'GET' && path === `${API_PREFIX}/models`) {
    sendJson(response, 200, { data: [...state.models.values()].map(modelListing) });
    return;
  }
  // /auth/key is the older path of the same endpoint; clients still call both.
  if (method === 'GET' && (path === `${API_PREFIX}/key` || path === `${API_PREFIX}/auth/key`)) {
    if (!authentication.ok) sendError(response, authentication.error);
    else sendJson(response, 200, { data: state.account.keyInfo(authentication.key) });
    return;
  }
  if (method === 'GET' && path === `${API_PREFIX}/credits`) {
    if (!authentication.ok) sendError(response, authentication.error);
    else sendJson(response, 200, { data: state.account.credits() });
    return;
  }
  sendError(response, notFoundError(path));
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = new SimulatorState(options, options.models ?? defaultModels());
  const server = createServer((request, response) => {
    route(state, request, response).catch((error: unknown) => {
      // A fixture must say why it failed rather than hang the test that uses it.
      if (!response.headersSent) sendJson(response, 500, { error: { code: 500, message: String(error) } });
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
    port,
    requests: state.requests,
    firstByteTimes: state.firstByteTimes,
    events: state.events,
    activeGenerations: () => state.activeGenerations(),
    setModel: (model) => state.setModel(model),
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        state.abortAllGenerations();
        // Stalled streams and keep-alive sockets would otherwise hold server.close() open indefinitely.
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
