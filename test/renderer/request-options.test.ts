import { describe, expect, it } from 'vitest';
import {
  buildRequestOptions,
  defaultRequestOptionsDraft,
  exampleSchema,
  exampleTools,
  parseCannedResults,
  parseJsonText,
  parseRequestOptionsDraft,
  toolNames,
  type RequestOptionsDraft,
} from '../../renderer/src/tools/request-options';
import { errorsUnder, summarizeOptions } from '../../renderer/src/tools/option-errors';

const draft = (patch: Partial<RequestOptionsDraft>): RequestOptionsDraft => ({ ...defaultRequestOptionsDraft, ...patch });

describe('buildRequestOptions', () => {
  it('sends nothing for an untouched panel', () => {
    expect(buildRequestOptions(defaultRequestOptionsDraft)).toEqual({ params: {}, errors: {} });
  });

  it('sends tools, leaves auto choice and parallel calls at the provider default', () => {
    const { params, errors } = buildRequestOptions(draft({ toolsText: exampleTools }));
    expect(errors).toEqual({});
    expect(params.tools?.[0]?.function.name).toBe('get_weather');
    expect(params).not.toHaveProperty('toolChoice');
    expect(params).not.toHaveProperty('parallelToolCalls');
  });

  it('sends a named tool choice and parallel calls off', () => {
    const { params } = buildRequestOptions(draft({ toolsText: exampleTools, toolChoice: 'named', toolChoiceName: 'get_weather', parallelToolCalls: false }));
    expect(params.toolChoice).toEqual({ name: 'get_weather' });
    expect(params.parallelToolCalls).toBe(false);
  });

  it('needs a name for a named tool choice', () => {
    expect(buildRequestOptions(draft({ toolsText: exampleTools, toolChoice: 'named' })).errors).toEqual({ 'params.toolChoice': 'expected the name of the tool to call' });
  });

  it('reports a JSON syntax error with its line and column', () => {
    const { errors } = buildRequestOptions(draft({ toolsText: '[\n  { "type": "function", }\n]' }));
    expect(errors['params.tools']).toMatch(/^invalid JSON at line 2, column \d+/);
  });

  it('wants an array of tools', () => {
    expect(buildRequestOptions(draft({ toolsText: '{}' })).errors['params.tools']).toMatch(/expected an array/);
  });

  it('builds response formats', () => {
    expect(buildRequestOptions(draft({ responseFormat: 'json_object' })).params.responseFormat).toEqual({ type: 'json_object' });
    const schema = buildRequestOptions(draft({ responseFormat: 'json_schema', schemaName: 'answer', schemaText: exampleSchema }));
    expect(schema.params.responseFormat).toMatchObject({ type: 'json_schema', name: 'answer', schema: { type: 'object' } });
    expect(buildRequestOptions(draft({ responseFormat: 'json_schema', schemaText: '' })).errors).toEqual({ 'params.responseFormat.schema': 'expected a JSON Schema' });
    expect(buildRequestOptions(draft({ responseFormat: 'json_schema', schemaText: '[]' })).errors['params.responseFormat.schema']).toMatch(/object/);
  });

  it('builds reasoning effort or budget', () => {
    expect(buildRequestOptions(draft({ reasoning: 'high', reasoningExclude: true })).params.reasoning).toEqual({ effort: 'high', exclude: true });
    expect(buildRequestOptions(draft({ reasoning: 'max_tokens', reasoningMaxTokens: '2048' })).params.reasoning).toEqual({ maxTokens: 2048 });
    expect(buildRequestOptions(draft({ reasoning: 'max_tokens', reasoningMaxTokens: '1.5' })).errors).toHaveProperty('params.reasoning.maxTokens');
  });
});

describe('JSON helpers', () => {
  it('parses or explains', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText('{"a":}').ok).toBe(false);
  });

  it('lists tool names from half-typed JSON without throwing', () => {
    expect(toolNames(exampleTools)).toEqual(['get_weather']);
    expect(toolNames('[{"type":"function"')).toEqual([]);
  });

  it('reads canned results, sending non-string values as JSON', () => {
    expect(parseCannedResults('{"get_weather": {"temperature": 18}, "echo": "hi"}')).toEqual({ ok: true, value: { get_weather: '{"temperature":18}', echo: 'hi' } });
    expect(parseCannedResults('').ok).toBe(true);
    expect(parseCannedResults('[]').ok).toBe(false);
  });
});

describe('stored draft', () => {
  it('restores known fields and drops mistyped ones', () => {
    const restored = parseRequestOptionsDraft(JSON.stringify({ toolsText: '[]', toolChoice: 'sometimes', reasoning: 'high', open: 'yes', apiKey: 'sk-x' }));
    expect(restored.toolsText).toBe('[]');
    expect(restored.toolChoice).toBe('auto');
    expect(restored.reasoning).toBe('high');
    expect(restored.open).toBe(false);
    expect(restored).not.toHaveProperty('apiKey');
    expect(parseRequestOptionsDraft('not json')).toEqual(defaultRequestOptionsDraft);
  });
});

describe('option errors', () => {
  it('lists the engine’s errors under a field with the rest of the path', () => {
    const errors = {
      fields: {
        'params.tools.0.function.parameters.properties.city.type': 'must be equal to one of the allowed values',
        'params.tools': 'expected at most 128 tools',
        'params.temperature': 'expected 0 to 2',
      },
      general: null,
    };
    expect(errorsUnder(errors, 'params.tools')).toEqual(['0.function.parameters.properties.city.type: must be equal to one of the allowed values', 'expected at most 128 tools']);
  });

  it('summarises the folded panel', () => {
    expect(summarizeOptions(draft({ toolsText: exampleTools, toolChoice: 'required', responseFormat: 'json_object', reasoning: 'low' }))).toBe('1 tool (required) · JSON object · reasoning low');
    expect(summarizeOptions(defaultRequestOptionsDraft)).toBe('');
  });
});
