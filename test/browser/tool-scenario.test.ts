// Auto mode across three simulated models: each calls get_weather, gets the canned result, and answers
// in text; one model's first call violates the tool's schema and is marked invalid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequestBody } from '../simulator/types';
import { startBrowserFixture, typeIntoEditor, type BrowserFixture } from './browser-fixture';

const quick = { firstTokenDelayMs: 20, tokensPerSecond: 400 };

function toolResultsIn(request: ChatRequestBody): number {
  return request.messages.filter((message) => message.role === 'tool').length;
}

describe('tool scenario in the browser', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await startBrowserFixture([
      {
        id: 'sim/agent',
        ...quick,
        // Two steps: Paris, then Lyon, then a text answer.
        toolCalls: (request) => (toolResultsIn(request) < 2 ? [{ name: 'get_weather', arguments: `{"city":"${toolResultsIn(request) === 0 ? 'Paris' : 'Lyon'}"}` }] : []),
        text: 'Paris is 18 C and sunny; Lyon too.',
      },
      {
        id: 'sim/direct',
        ...quick,
        toolCalls: (request) => (toolResultsIn(request) === 0 ? [{ name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' }] : []),
        text: 'It is 18 C and sunny in Paris.',
      },
      {
        id: 'sim/sloppy',
        ...quick,
        toolCalls: (request) => (toolResultsIn(request) === 0 ? [{ name: 'get_weather', arguments: '{"city": 42}' }] : []),
        text: 'Sunny, 18 degrees.',
      },
      { id: 'sim/json', ...quick, reasoningTokens: 12, text: '{"answer":"sunny","confidence":0.9}' },
    ]);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('runs a multi-step tool scenario in auto mode and shows each column’s calls and final answer', async () => {
    const { page, simulator } = fixture;

    await page.getByTestId('add-key-button').click();
    await page.getByTestId('connection-kind').selectOption('openai-compatible');
    await page.getByTestId('connection-label').fill('Local simulator');
    await page.getByTestId('connection-base-url').fill(simulator.baseUrl);
    await page.getByTestId('connection-api-key').fill('sk-test-browser-tools-0123456789');
    await page.getByTestId('connection-save').click();
    await expect.poll(() => page.getByTestId('connection-error').count()).toBe(0);
    await page.keyboard.press('Escape');

    const picker = page.getByTestId('model-picker-input');
    for (const model of ['sim/agent', 'sim/direct', 'sim/sloppy']) {
      await picker.fill(model);
      await picker.press('Enter');
    }
    await expect.poll(() => page.getByTestId('model-chip').count()).toBe(3);
    await typeIntoEditor(page, 'prompt-editor', 'What is the weather in Paris?');

    const options = page.getByTestId('request-options');
    await options.getByRole('button', { name: 'Options', exact: true }).click();
    await options.getByRole('button', { name: 'Example tool' }).click();
    await expect.poll(() => page.getByTestId('tools-editor').getAttribute('data-ready')).toBe('true');
    await expect.poll(() => page.getByTestId('tools-editor').innerText()).toContain('get_weather');
    await page.getByTestId('run-tool-scenario').click();

    await expect.poll(() => page.getByTestId('scenario-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('result-column').count()).toBe(3);

    const column = (model: string) => page.locator(`[data-testid="result-column"][data-model="${model}"]`);
    const expected: Record<string, { calls: number; answer: string }> = {
      'sim/agent': { calls: 2, answer: 'Lyon too' },
      'sim/direct': { calls: 1, answer: 'sunny in Paris' },
      'sim/sloppy': { calls: 1, answer: 'Sunny, 18 degrees' },
    };
    for (const [model, { calls, answer }] of Object.entries(expected)) {
      await expect.poll(() => column(model).getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
      const toolCalls = column(model).locator('[data-testid="column-tool-call"][data-name="get_weather"]');
      expect(await toolCalls.count()).toBe(calls);
      expect(await column(model).getByTestId('column-text').innerText()).toContain(answer);
    }
    // The schema-violating call is marked; the well-formed ones pass.
    expect(await column('sim/sloppy').locator('[data-testid="column-tool-call"]').getAttribute('data-valid')).toBe('false');
    expect(await column('sim/sloppy').locator('[data-testid="column-tool-call"]').innerText()).toContain('/city');
    expect(await column('sim/direct').locator('[data-testid="column-tool-call"]').getAttribute('data-valid')).toBe('true');
    // The model saw the canned result.
    const lastAgentRequest = simulator.requests.filter((request) => request.model === 'sim/agent').at(-1)!;
    expect(JSON.stringify(lastAgentRequest.body.messages)).toContain('sunny');

    await fixture.screenshot('tool-scenario');

    // One more turn for one column only: the others keep their answers.
    const direct = column('sim/direct');
    await direct.getByTestId('column-continue').fill('And tomorrow?');
    await direct.getByTestId('column-continue').press('Enter');
    await expect.poll(() => direct.getByTestId('column-turn').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => direct.getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    expect(await column('sim/agent').getByTestId('column-text').innerText()).toContain('Lyon too');
    expect(fixture.pageErrors).toEqual([]);
  });

  it('shows the engine’s schema errors by the tools editor, then checks structured output per column', async () => {
    const { page } = fixture;
    // A parameters schema with a typo: only ajv on the Node side can tell, and the error lands by the editor.
    // The panel folded when the run started; its summary line remembers the tool.
    const options = page.getByTestId('request-options');
    expect(await options.innerText()).toContain('1 tool');
    await options.getByRole('button', { name: 'Options', exact: true }).click();
    const tools = page.getByTestId('tools-editor');
    await expect.poll(() => tools.getAttribute('data-ready')).toBe('true');
    // Near the top: the lines element is as tall as the whole text, its centre hidden below the fold.
    await tools.locator('.monaco-editor .view-lines').click({ position: { x: 40, y: 8 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"strng"}}}}}]');
    // Drop the brackets Monaco closed by itself after the cursor.
    await page.keyboard.press('ControlOrMeta+Shift+End');
    await page.keyboard.press('Delete');
    await page.getByTestId('run-button').click();
    const toolErrors = page.locator('[data-field="params.tools"]');
    await expect.poll(() => toolErrors.count()).toBe(1);
    expect(await toolErrors.innerText()).toContain('0.function.parameters');

    await options.getByRole('button', { name: 'Clear' }).click();
    await page.getByTestId('response-format-select').selectOption('json_schema');
    await options.getByRole('button', { name: 'Example schema' }).click();
    await expect.poll(() => page.getByTestId('schema-editor').innerText()).toContain('confidence');
    await page.getByTestId('reasoning-select').selectOption('max_tokens');
    await options.getByLabel('Reasoning token budget').fill('512');
    const picker = page.getByTestId('model-picker-input');
    await picker.fill('sim/json');
    await picker.press('Enter');
    await page.getByTestId('run-button').click();

    const column = (model: string) => page.locator(`[data-testid="result-column"][data-model="${model}"]`);
    await expect.poll(() => page.getByTestId('result-column').count()).toBe(4);
    await expect.poll(() => column('sim/json').getByTestId('column-structured').getAttribute('data-valid'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => column('sim/direct').getByTestId('column-structured').getAttribute('data-valid'), { timeout: 15_000 }).toBe('false');
    expect(await column('sim/json').getByTestId('column-structured').innerText()).toContain('confidence');
    // Reasoning tokens and their share of the output, from the usage block.
    expect(await column('sim/json').getByTestId('column-reasoning-cost').innerText()).toMatch(/12 tokens · \d+% of output/);
    await fixture.screenshot('structured-output');
    // The one expected: startRun's 400 for the invalid parameters schema.
    expect(fixture.pageErrors.filter((error) => !error.includes('400 (Bad Request)'))).toEqual([]);
  });

  it('answers one column’s tool call by hand and continues that conversation', async () => {
    const { page } = fixture;
    const options = page.getByTestId('request-options');
    await options.getByRole('button', { name: 'Options', exact: true }).click();
    await options.getByRole('button', { name: 'Example tool' }).click();
    await page.getByTestId('response-format-select').selectOption('none');
    await page.getByTestId('reasoning-select').selectOption('off');
    await page.getByTestId('run-button').click();

    const direct = page.locator('[data-testid="result-column"][data-model="sim/direct"]');
    const resultInput = direct.getByTestId('tool-result-input');
    await expect.poll(() => resultInput.count(), { timeout: 15_000 }).toBe(1);
    expect(await resultInput.getAttribute('data-name')).toBe('get_weather');
    await resultInput.fill('{"temperature": 18, "conditions": "sunny"}');
    await direct.getByRole('button', { name: 'Send results' }).click();
    await expect.poll(() => direct.getByTestId('column-text').innerText(), { timeout: 15_000 }).toContain('sunny in Paris');
    expect(await direct.getByTestId('column-turn').count()).toBe(1);
    const sent = fixture.simulator.requests.filter((request) => request.model === 'sim/direct').at(-1)!;
    expect(sent.body.messages.at(-1)).toMatchObject({ role: 'tool', content: '{"temperature": 18, "conditions": "sunny"}' });
  });
});
