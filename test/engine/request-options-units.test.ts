// Pure pieces of tools / structured output / reasoning: provider mapping and the output checks.
import { describe, expect, it } from 'vitest';
import { mapReasoningRequest } from '../../electron/engine/provider/quirks/map-reasoning-request';
import type { ChatBody } from '../../electron/engine/provider/quirks/request-quirks';
import { checkStructuredOutput, validateToolCall } from '../../electron/engine/runs/check-output';
import { requestSchemaProblems } from '../../electron/engine/validation/check-request-schemas';

const body = (reasoning: Record<string, unknown>): ChatBody => ({ model: 'm', messages: [], stream: true, reasoning }) as ChatBody;

describe('reasoning request per provider', () => {
  it('keeps OpenRouter shape, maps to reasoning_effort, Anthropic thinking, or drops it', () => {
    expect(mapReasoningRequest(body({ effort: 'high', exclude: true }), 'openrouter').reasoning).toEqual({ effort: 'high', exclude: true });
    expect(mapReasoningRequest(body({ effort: 'medium' }), 'reasoning-effort')).toEqual({ model: 'm', messages: [], stream: true, reasoning_effort: 'medium' });
    expect(mapReasoningRequest(body({ max_tokens: 500 }), 'reasoning-effort')).toEqual({ model: 'm', messages: [], stream: true });
    expect(mapReasoningRequest(body({ max_tokens: 4000 }), 'anthropic-thinking').thinking).toEqual({ type: 'enabled', budget_tokens: 4000 });
    expect(mapReasoningRequest(body({ max_tokens: 10 }), 'anthropic-thinking').thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(mapReasoningRequest(body({ effort: 'low' }), 'none')).not.toHaveProperty('reasoning');
  });
});

describe('output checks', () => {
  const params = { tools: [{ type: 'function' as const, function: { name: 'ping', parameters: { type: 'object', properties: {}, additionalProperties: false } } }] };

  it('treats empty arguments as {} and names unknown tools', () => {
    expect(validateToolCall({ index: 0, id: 'a', name: 'ping', arguments: '' }, params)).toEqual({ validJson: true, schemaErrors: [] });
    expect(validateToolCall({ index: 0, id: 'a', name: 'pong', arguments: '{}' }, params)).toEqual({ validJson: true, schemaErrors: ['no tool named "pong" was offered'] });
    expect(validateToolCall({ index: 0, id: 'a', name: 'ping', arguments: '{"x":1}' }, params).schemaErrors).toEqual(['/: must NOT have additional properties ("x")']);
  });

  it('checks json_object answers and unresolvable schemas', () => {
    expect(checkStructuredOutput('[1]', { responseFormat: { type: 'json_object' } })).toEqual({ validJson: true, errors: [{ path: '', message: 'must be object' }] });
    expect(checkStructuredOutput('anything', {})).toBeUndefined();
    expect(requestSchemaProblems({ responseFormat: { type: 'json_schema', name: 'x', schema: { $ref: '#/definitions/missing' } } })[0]).toMatch(
      /^params\.responseFormat\.schema: can't resolve reference #\/definitions\/missing/,
    );
  });
});
