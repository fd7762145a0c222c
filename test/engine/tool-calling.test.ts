// Tools, structured output, reasoning options and multi-turn, end to end: real engine and store against
// the simulator, asserting the outgoing request bodies and the checked results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import { continueTarget, missingCannedResult, reasoningCostShare } from '../../shared/conversation';
import { dispatch } from '../../shared/dispatch';
import type { ChatRequestBody, Simulator } from '../simulator/types';
import type { ResponseRecord, RunDetail, ToolDefinition } from '../../shared/records';
import type { RunEvent } from '../../shared/run-events';
import { startRoutingFixture, type RoutingFixture } from './routing-fixture';

const weatherTool: ToolDefinition = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};
const timeTool: ToolDefinition = {
  type: 'function',
  function: { name: 'get_time', parameters: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] } },
};
const personSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name', 'age'],
  additionalProperties: false,
};

function toolResultsIn(request: ChatRequestBody): number {
  return request.messages.filter((message) => message.role === 'tool').length;
}

interface Finished {
  started: MethodOutput<'startRun'>;
  responses: ResponseRecord[];
  events: RunEvent[];
  detail: RunDetail;
}

describe('tools, structured output, reasoning and multi-turn', () => {
  let fixture: RoutingFixture;
  let simulator: Simulator;
  let openRouter: Simulator;
  let connectionId: string;
  let openRouterId: string;
  let openAiId: string;
  const quick = { tokensPerSecond: 0, firstTokenDelayMs: 5 };

  async function run(input: MethodInput<'startRun'>): Promise<Finished> {
    const result = await dispatch(fixture.engine, 'startRun', input);
    if (!result.ok) throw new Error(result.error.message);
    const started = result.value;
    const events: RunEvent[] = [];
    await new Promise<void>((resolve) => {
      fixture.engine.subscribeRun(started.runId, (batch) => {
        events.push(...batch);
        if (batch.some((event) => event.type === 'run-end')) resolve();
      });
    });
    const detail = await fixture.engine.getRun({ runId: started.runId });
    const responses = events.flatMap((event) => (event.type === 'response-end' ? [event.response] : [])).sort((a, b) => a.targetIndex - b.targetIndex);
    return { started, responses, events, detail };
  }

  function lastRequestFor(server: Simulator, model: string): ChatRequestBody {
    const request = server.requests.filter((candidate) => candidate.model === model).at(-1);
    if (!request) throw new Error(`no request for ${model}`);
    return request.body;
  }

  beforeAll(async () => {
    fixture = await startRoutingFixture();
    simulator = await fixture.startSimulator([
      {
        id: 'sim/parallel',
        ...quick,
        toolCalls: [
          { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
          { name: 'get_time', arguments: '{"timezone":"Europe/Paris"}' },
        ],
      },
      { id: 'sim/broken-json', ...quick, toolCalls: [{ name: 'get_weather', arguments: '{"city": "Paris"' }] },
      { id: 'sim/wrong-args', ...quick, toolCalls: [{ name: 'get_weather', arguments: '{"city": 42, "unit": "kelvin"}' }] },
      { id: 'sim/chatty', ...quick, text: 'It is probably sunny in Paris; I did not check.' },
      {
        id: 'sim/agent',
        ...quick,
        // Calls get_weather until the conversation holds two tool results, then answers.
        toolCalls: (request) => (toolResultsIn(request) < 2 ? [{ name: 'get_weather', arguments: `{"city":"${toolResultsIn(request) === 0 ? 'Paris' : 'Lyon'}"}` }] : []),
        text: 'Paris 21 C, Lyon 19 C.',
      },
      { id: 'sim/json-good', ...quick, text: '{"name":"Ada","age":36}' },
      { id: 'sim/json-bad', ...quick, text: '{"name":"Ada","age":"thirty-six","extra":true}' },
      { id: 'sim/json-prose', ...quick, text: 'Ada is 36 years old.' },
      { id: 'sim/deep-thinker', ...quick, outputTokens: 8, reasoningTokens: 12, reasoningField: 'reasoning_content' },
      { id: 'aion-labs/aion-1.0-mini', ...quick, outputTokens: 5 },
    ]);
    openRouter = await fixture.startSimulator([{ id: 'deepseek/deepseek-r1', ...quick, outputTokens: 5, reasoningTokens: 6 }]);
    connectionId = await fixture.addConnection(simulator, 'Simulator');
    openRouterId = await fixture.addConnection(openRouter, 'OpenRouter', { kind: 'openrouter' });
    openAiId = await fixture.addConnection(simulator, 'OpenAI', { preset: 'openai' });
  });

  afterAll(async () => {
    await fixture.close();
  });

  it('sends tools, tool_choice, parallel_tool_calls and response_format exactly', async () => {
    await run({
      prompt: 'Weather and time in Paris?',
      params: {
        tools: [weatherTool, timeTool],
        toolChoice: { name: 'get_weather' },
        parallelToolCalls: true,
        responseFormat: { type: 'json_schema', name: 'person', schema: personSchema, strict: true },
      },
      targets: [{ connectionId, model: 'sim/parallel' }],
    });
    const body = lastRequestFor(simulator, 'sim/parallel');
    expect(body.tools).toEqual([weatherTool, timeTool]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(body.parallel_tool_calls).toBe(true);
    expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'person', schema: personSchema, strict: true } });
    expect(body).not.toHaveProperty('reasoning');
  });

  it('assembles parallel tool calls whose argument fragments interleave, and validates them', async () => {
    const { responses, events } = await run({
      prompt: 'Weather and time in Paris?',
      params: { tools: [weatherTool, timeTool], toolChoice: 'required' },
      targets: [{ connectionId, model: 'sim/parallel' }],
    });
    const deltaIndices = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event.index] : []));
    // Fragments of the two calls alternate on the wire.
    expect(deltaIndices.slice(0, 4)).toEqual([0, 1, 0, 1]);
    const [response] = responses;
    expect(response!.finishReason).toBe('tool_calls');
    expect(response!.toolCalls.map(({ index, name, arguments: args, validation }) => ({ index, name, args, validation }))).toEqual([
      { index: 0, name: 'get_weather', args: '{"city":"Paris","unit":"celsius"}', validation: { validJson: true, schemaErrors: [] } },
      { index: 1, name: 'get_time', args: '{"timezone":"Europe/Paris"}', validation: { validJson: true, schemaErrors: [] } },
    ]);
    expect(response!.toolCalls.every((call) => call.id?.startsWith('call_'))).toBe(true);
    expect(lastRequestFor(simulator, 'sim/parallel').tool_choice).toBe('required');
  });

  it('flags invalid JSON, schema violations with their path, and a text answer instead of a call', async () => {
    const { responses, detail } = await run({
      prompt: 'Weather in Paris?',
      params: { tools: [weatherTool] },
      targets: [
        { connectionId, model: 'sim/broken-json' },
        { connectionId, model: 'sim/wrong-args' },
        { connectionId, model: 'sim/chatty' },
      ],
    });
    const [broken, wrong, chatty] = responses;
    expect(broken!.toolCalls[0]!.validation).toEqual({ validJson: false, schemaErrors: [] });
    expect(wrong!.toolCalls[0]!.validation!.validJson).toBe(true);
    expect(wrong!.toolCalls[0]!.validation!.schemaErrors).toEqual(['/city: must be string', '/unit: must be equal to one of the allowed values']);
    expect(chatty!.toolCalls).toEqual([]);
    expect(chatty!.finishReason).toBe('stop');
    expect(chatty!.text).toContain('sunny');
    // The checks are stored with the calls.
    expect(detail.responses[1]!.toolCalls[0]!.validation).toEqual(wrong!.toolCalls[0]!.validation);
  });

  it('validates structured output: valid, schema-violating and not JSON', async () => {
    const { responses, detail } = await run({
      prompt: 'Describe Ada as JSON.',
      params: { responseFormat: { type: 'json_schema', name: 'person', schema: personSchema } },
      targets: [
        { connectionId, model: 'sim/json-good' },
        { connectionId, model: 'sim/json-bad' },
        { connectionId, model: 'sim/json-prose' },
      ],
    });
    expect(responses[0]!.structuredOutput).toEqual({ validJson: true, errors: [] });
    expect(responses[1]!.structuredOutput).toEqual({
      validJson: true,
      errors: [
        { path: '', message: 'must NOT have additional properties ("extra")' },
        { path: '/age', message: 'must be integer' },
      ],
    });
    expect(responses[2]!.structuredOutput?.validJson).toBe(false);
    expect(responses[2]!.structuredOutput?.errors[0]!.message).toMatch(/^not JSON: /);
    // Not a column: recomputed when the run is read back from the store.
    expect(detail.responses.map((response) => response.structuredOutput)).toEqual(responses.map((response) => response.structuredOutput));
  });

  it('continues a column with tool results: the second request carries the whole conversation', async () => {
    const first = await run({
      prompt: 'Weather in Paris and Lyon?',
      systemPrompt: 'Use the tools.',
      params: { tools: [weatherTool] },
      targets: [{ connectionId, model: 'sim/agent' }],
    });
    const call = first.responses[0]!.toolCalls[0]!;
    const target = continueTarget(first.detail.run, first.responses[0]!, { toolResults: { [call.id!]: '{"temperature":21}' } });
    const second = await run({ prompt: '', systemPrompt: 'Use the tools.', params: { tools: [weatherTool] }, targets: [target] });

    expect(lastRequestFor(simulator, 'sim/agent').messages).toEqual([
      { role: 'system', content: 'Use the tools.' },
      { role: 'user', content: 'Weather in Paris and Lyon?' },
      { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: call.id, content: '{"temperature":21}' },
    ]);
    expect(second.responses[0]!.toolCalls[0]!.arguments).toBe('{"city":"Lyon"}');
    // The history is kept with the run (in its targets), linked to the response it continues.
    const stored = fixture.store.getRun(second.started.runId)!;
    expect(stored.run.targets[0]!.messages).toEqual(target.messages);
    expect(stored.run.targets[0]!.continues).toEqual({ runId: first.started.runId, responseId: first.responses[0]!.id });
  });

  it('sends one follow-up to every column, each with its own history', async () => {
    const first = await run({ prompt: 'Name a colour.', params: {}, targets: [{ connectionId, model: 'sim/chatty' }, { connectionId, model: 'sim/json-good' }] });
    await run({ prompt: 'And another?', params: {}, targets: first.detail.responses.map((response) => continueTarget(first.detail.run, response)) });
    expect(lastRequestFor(simulator, 'sim/json-good').messages).toEqual([
      { role: 'user', content: 'Name a colour.' },
      { role: 'assistant', content: '{"name":"Ada","age":36}' },
      { role: 'user', content: 'And another?' },
    ]);
    expect(lastRequestFor(simulator, 'sim/chatty').messages[1]).toEqual({ role: 'assistant', content: 'It is probably sunny in Paris; I did not check.' });
  });

  it('rejects a tool result that answers no call, and an empty prompt that continues nothing', async () => {
    const orphan = await dispatch(fixture.engine, 'startRun', {
      prompt: '',
      targets: [{ connectionId, model: 'sim/agent', messages: [{ role: 'user', content: 'hi' }, { role: 'tool', toolCallId: 'call_x', content: '1' }] }],
    });
    expect(orphan).toEqual({
      ok: false,
      error: { kind: 'invalid_input', message: 'Invalid input for startRun: targets.0.messages.1.toolCallId: no earlier assistant tool call with id "call_x" is waiting for a result' },
    });
    const empty = await dispatch(fixture.engine, 'startRun', { prompt: ' ', targets: [{ connectionId, model: 'sim/agent' }] });
    expect(empty.ok || empty.error.message).toBe('Invalid input for startRun: prompt: expected a prompt');
  });

  it('rejects an invalid tool or response schema before sending, naming the field', async () => {
    const before = simulator.requests.length;
    const badTool = await dispatch(fixture.engine, 'startRun', {
      prompt: 'Weather?',
      params: { tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'text' } } } } }] },
      targets: [{ connectionId, model: 'sim/parallel' }],
    });
    expect(badTool.ok || badTool.error.message).toMatch(/^Invalid input for startRun: params\.tools\.0\.function\.parameters\.properties\.city\.type: must be equal to one of the allowed values/);
    const badFormat = await dispatch(fixture.engine, 'startRun', {
      prompt: 'Ada?',
      params: { responseFormat: { type: 'json_schema', name: 'person', schema: { type: 'object', required: 'name' } } },
      targets: [{ connectionId, model: 'sim/json-good' }],
    });
    expect(badFormat.ok || badFormat.error.message).toBe('Invalid input for startRun: params.responseFormat.schema.required: must be array');
    const notObject = await dispatch(fixture.engine, 'startRun', {
      prompt: 'Weather?',
      params: { tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'string' } } }], toolChoice: { name: 'get_time' } },
      targets: [{ connectionId, model: 'sim/parallel' }],
    });
    expect(notObject.ok || notObject.error.message).toBe(
      'Invalid input for startRun: params.tools.0.function.parameters: expected a JSON Schema with "type": "object" at its root (the arguments are an object); params.toolChoice.name: expected the name of one of the tools',
    );
    expect(simulator.requests.length).toBe(before);
  });

  it('streams reasoning_content and sends reasoning options per provider', async () => {
    const { responses } = await run({
      prompt: 'Think first.',
      params: { reasoning: { effort: 'high' } },
      targets: [{ connectionId, model: 'sim/deep-thinker' }],
    });
    const [thinker] = responses;
    expect(thinker!.reasoning.length).toBeGreaterThan(0);
    expect(thinker!.usage?.reasoningTokens).toBe(12);
    expect(thinker!.usage?.completionTokens).toBe(20);
    expect(reasoningCostShare(thinker!)).toEqual({ reasoningTokens: 12, shareOfCompletionTokens: 0.6, usd: 0.6 * thinker!.cost.usd!, basis: 'share-of-cost' });
    expect(reasoningCostShare(thinker!, { completion: 0.000002 })?.usd).toBeCloseTo(12 * 0.000002, 12);
    // A custom connection gets OpenRouter's shape.
    expect(lastRequestFor(simulator, 'sim/deep-thinker').reasoning).toEqual({ effort: 'high' });

    await run({ prompt: 'Think.', params: { reasoning: { maxTokens: 2000, exclude: true } }, targets: [{ connectionId: openRouterId, model: 'deepseek/deepseek-r1' }] });
    expect(lastRequestFor(openRouter, 'deepseek/deepseek-r1').reasoning).toEqual({ max_tokens: 2000, exclude: true });

    const started = await run({ prompt: 'Think.', params: { maxTokens: 500, reasoning: { effort: 'low' } }, targets: [{ connectionId: openAiId, model: 'sim/deep-thinker' }] });
    const openAiBody = lastRequestFor(simulator, 'sim/deep-thinker');
    expect(openAiBody.reasoning_effort).toBe('low');
    expect(openAiBody).not.toHaveProperty('reasoning');
    expect(openAiBody.max_completion_tokens).toBe(500);
    expect(started.started.warnings).toBeUndefined();
  });

  it('runs a tool scenario unattended: canned results, one run per step, until each column answers', async () => {
    const result = await dispatch(fixture.engine, 'runToolScenario', {
      run: {
        prompt: 'Weather in Paris and Lyon?',
        params: { tools: [weatherTool, timeTool] },
        targets: [
          { connectionId, model: 'sim/agent' },
          { connectionId, model: 'sim/chatty' },
          { connectionId, model: 'sim/parallel' },
        ],
      },
      cannedResults: { get_weather: '{"temperature":21}' },
      maxSteps: 3,
    });
    if (!result.ok) throw new Error(result.error.message);
    const { runIds, columns } = result.value;
    expect(runIds).toHaveLength(3);
    expect(columns.map(({ model, outcome, responseIds }) => ({ model, outcome, steps: responseIds.length }))).toEqual([
      { model: 'sim/agent', outcome: 'answered', steps: 3 },
      { model: 'sim/chatty', outcome: 'answered', steps: 1 },
      { model: 'sim/parallel', outcome: 'max-steps', steps: 3 },
    ]);
    const last = await fixture.engine.getRun({ runId: runIds[2]! });
    expect(last.run.targets.map((target) => target.model)).toEqual(['sim/agent', 'sim/parallel']);
    expect(last.responses[0]!.text).toBe('Paris 21 C, Lyon 19 C.');
    expect(last.run.targets[0]!.continues).toEqual({ runId: runIds[1], responseId: columns[0]!.responseIds[1] });
    const agentMessages = lastRequestFor(simulator, 'sim/agent').messages;
    expect(agentMessages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool']);
    expect(agentMessages.filter((message) => message.role === 'tool').map((message) => message.content)).toEqual(['{"temperature":21}', '{"temperature":21}']);
    // A tool without a canned result still gets an answer, so the model sees the failure.
    const parallelTools = lastRequestFor(simulator, 'sim/parallel').messages.filter((message) => message.role === 'tool');
    expect(parallelTools.map((message) => message.content)).toEqual(['{"temperature":21}', missingCannedResult('get_time'), '{"temperature":21}', missingCannedResult('get_time')]);

    const unknownTool = await dispatch(fixture.engine, 'runToolScenario', {
      run: { prompt: 'x', params: { tools: [weatherTool] }, targets: [{ connectionId, model: 'sim/agent' }] },
      cannedResults: { get_wether: '{}' },
    });
    expect(unknownTool.ok || unknownTool.error.message).toBe('Invalid input for runToolScenario: cannedResults.get_wether: expected the name of one of the tools');
  });

  it('warns before the run about targets the catalog says cannot do what is asked', async () => {
    const { started, responses } = await run({
      prompt: 'Weather?',
      params: { tools: [weatherTool], reasoning: { maxTokens: 1000 } },
      targets: [
        { connectionId, model: 'aion-labs/aion-1.0-mini' },
        { connectionId, model: 'sim/parallel' },
        { connectionId: openAiId, model: 'sim/chatty' },
      ],
    });
    expect(started.warnings?.map(({ targetIndex, kind }) => ({ targetIndex, kind }))).toEqual([
      { targetIndex: 0, kind: 'tools' },
      { targetIndex: 2, kind: 'reasoningBudget' },
    ]);
    expect(started.warnings?.[0]?.message).toContain('aion-labs/aion-1.0-mini: the catalog lists no tool calling');
    // A warning, not a refusal: the column still ran.
    expect(responses[0]!.status).toBe('done');
    expect(lastRequestFor(simulator, 'sim/chatty')).not.toHaveProperty('reasoning_effort');
  });
});
