// One OpenAI SDK client per call target. The SDK parses SSE; the engine never re-parses the wire.
import OpenAI from 'openai';
import type { ResolvedConnection } from '../connections/connections';

export function createClient(connection: ResolvedConnection, timeoutMs: number): OpenAI {
  return new OpenAI({
    baseURL: connection.baseUrl,
    // Local servers (Ollama, LM Studio) take no key, but the SDK insists on a string.
    apiKey: connection.apiKey ?? 'no-key',
    // Retries and fallbacks are the engine's job (they must be visible per attempt), not the SDK's.
    maxRetries: 0,
    timeout: timeoutMs,
    // The SDK would print unparsable chunks to the console; the engine reports them as stream_broken.
    logLevel: 'off',
    defaultHeaders:
      connection.row.kind === 'openrouter'
        ? { 'HTTP-Referer': 'https://github.com/juxta-app/juxta', 'X-Title': 'Juxta' }
        : undefined,
  });
}
