// The composer's collapsible Options row: tools (Monaco JSON), tool choice, parallel calls, response
// format with a JSON Schema, reasoning effort or budget, and auto mode (canned results + Run tool scenario).
import { useEffect, useId } from 'react';
import type { ResolvedTheme } from '../hooks/use-theme';
import { jsonSyntaxError } from '../editor/json-syntax';
import { MonacoField } from '../components/MonacoField';
import { startRun } from '../state/actions';
import { clearFieldError, useComposerStore } from '../state/composer-store';
import { runToolScenario } from './continue-actions';
import { errorsUnder, summarizeOptions } from './option-errors';
import { startPersistingRequestOptions } from './persist-request-options';
import { exampleCannedResults, exampleSchema, exampleTools, toolNames, type RequestOptionsDraft } from './request-options';
import { idleScenario, useToolsRunStore } from './tools-run-store';
import { useRunStore } from '../state/run-store';
import './tools.css';

function setOptions(patch: Partial<RequestOptionsDraft>, ...clearPaths: string[]): void {
  useComposerStore.setState((state) => ({ options: { ...state.options, ...patch } }));
  if (clearPaths.length > 0) clearFieldError(...clearPaths);
}

function FieldErrors({ prefix }: { prefix: string }) {
  const errors = useComposerStore((state) => state.errors);
  const lines = errorsUnder(errors, prefix);
  if (lines.length === 0) return null;
  return (
    <ul className="field-error option-errors" role="alert" data-field={prefix}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The JSON syntax error as the user types (the engine's schema errors come after Run). */
function JsonSyntaxHint({ text }: { text: string }) {
  const error = text.trim() === '' ? null : jsonSyntaxError(text);
  if (!error) return null;
  return (
    <p className="field-error" data-testid="json-syntax-error">
      Line {error.line}, column {error.column}: {error.message}
    </p>
  );
}

const runOnSubmit = () => void startRun();

export function RequestOptionsPanel({ theme }: { theme: ResolvedTheme }) {
  const ids = useId();
  const options = useComposerStore((state) => state.options);
  const errors = useComposerStore((state) => state.errors);
  useEffect(() => startPersistingRequestOptions(), []);
  // A run started: fold the panel so the columns get the height (its summary line stays), and forget
  // the last scenario's outcome unless this run is one of its steps.
  const runId = useRunStore((state) => state.view?.runId ?? null);
  useEffect(() => {
    if (runId === null) return;
    useComposerStore.setState((state) => (state.options.open ? { options: { ...state.options, open: false } } : state));
    if (useToolsRunStore.getState().scenario.status !== 'running') useToolsRunStore.setState({ scenario: idleScenario });
  }, [runId]);
  const invalid = (prefix: string) => errorsUnder(errors, prefix).length > 0;
  const names = toolNames(options.toolsText);

  return (
    <div className="composer-row" data-testid="request-options">
      <button
        type="button"
        className="row-label disclosure"
        aria-expanded={options.open}
        aria-controls={`${ids}-options`}
        onClick={() => setOptions({ open: !options.open })}
      >
        <span className="disclosure-arrow" aria-hidden="true">
          {options.open ? '▾' : '▸'}
        </span>
        Options
      </button>
      <div className="grow" id={`${ids}-options`}>
        {!options.open ? (
          <button type="button" className="collapsed-summary" onClick={() => setOptions({ open: true })} aria-label="Show the request options">
            {summarizeOptions(options) || <span className="muted">Tools, structured output, reasoning</span>}
            {Object.keys(errors.fields).some((path) => /^params\.(tools|toolChoice|parallelToolCalls|responseFormat|reasoning)/.test(path)) && (
              <span className="field-error"> · has errors</span>
            )}
          </button>
        ) : (
          <div className="options-grid">
            <section className="option-section" aria-label="Tools">
              <div className="option-head">
                <span className="option-title">Tools</span>
                <button type="button" className="button ghost small" onClick={() => setOptions({ toolsText: exampleTools }, 'params.tools')}>
                  Example tool
                </button>
                {options.toolsText.trim() !== '' && (
                  <button type="button" className="button ghost small" onClick={() => setOptions({ toolsText: '' }, 'params.tools')}>
                    Clear
                  </button>
                )}
              </div>
              <MonacoField
                id={`${ids}-tools`}
                value={options.toolsText}
                onChange={(toolsText) => setOptions({ toolsText }, 'params.tools')}
                onSubmit={runOnSubmit}
                ariaLabel="Tools as JSON (OpenAI tools format)"
                placeholder='[{ "type": "function", "function": { "name": …, "parameters": { "type": "object", … } } }]'
                theme={theme}
                className="editor-json"
                testId="tools-editor"
                language="json"
                invalid={invalid('params.tools')}
              />
              <JsonSyntaxHint text={options.toolsText} />
              <FieldErrors prefix="params.tools" />
              <div className="row gap option-controls">
                <label className="param">
                  <span>Tool choice</span>
                  <select
                    className="select"
                    value={options.toolChoice}
                    onChange={(event) => setOptions({ toolChoice: event.target.value as RequestOptionsDraft['toolChoice'] }, 'params.toolChoice')}
                    data-testid="tool-choice-select"
                  >
                    <option value="auto">auto</option>
                    <option value="none">none</option>
                    <option value="required">required</option>
                    <option value="named">one tool…</option>
                  </select>
                </label>
                {options.toolChoice === 'named' && (
                  <select
                    className="select mono"
                    value={options.toolChoiceName}
                    aria-label="Tool the model must call"
                    onChange={(event) => setOptions({ toolChoiceName: event.target.value }, 'params.toolChoice')}
                  >
                    <option value="">choose a tool</option>
                    {names.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                )}
                <label className="toggle small">
                  <input type="checkbox" checked={options.parallelToolCalls} onChange={(event) => setOptions({ parallelToolCalls: event.target.checked }, 'params.parallelToolCalls')} />
                  Parallel tool calls
                </label>
              </div>
              <FieldErrors prefix="params.toolChoice" />
            </section>

            <section className="option-section" aria-label="Response format">
              <div className="option-head">
                <span className="option-title">Response format</span>
                <select
                  className="select"
                  value={options.responseFormat}
                  onChange={(event) => setOptions({ responseFormat: event.target.value as RequestOptionsDraft['responseFormat'] }, 'params.responseFormat')}
                  data-testid="response-format-select"
                >
                  <option value="none">text (none)</option>
                  <option value="json_object">JSON object</option>
                  <option value="json_schema">JSON Schema</option>
                </select>
                {options.responseFormat === 'json_schema' && (
                  <>
                    <input
                      className="input mono"
                      value={options.schemaName}
                      aria-label="Schema name"
                      placeholder="name"
                      aria-invalid={invalid('params.responseFormat.name')}
                      onChange={(event) => setOptions({ schemaName: event.target.value }, 'params.responseFormat.name')}
                    />
                    <button type="button" className="button ghost small" onClick={() => setOptions({ schemaText: exampleSchema }, 'params.responseFormat')}>
                      Example schema
                    </button>
                  </>
                )}
              </div>
              {options.responseFormat === 'json_schema' && (
                <MonacoField
                  id={`${ids}-schema`}
                  value={options.schemaText}
                  onChange={(schemaText) => setOptions({ schemaText }, 'params.responseFormat.schema')}
                  onSubmit={runOnSubmit}
                  ariaLabel="JSON Schema the answer must satisfy"
                  placeholder='{ "type": "object", "properties": { … } }'
                  theme={theme}
                  className="editor-json"
                  testId="schema-editor"
                  language="json"
                  invalid={invalid('params.responseFormat')}
                />
              )}
              {options.responseFormat === 'json_schema' && <JsonSyntaxHint text={options.schemaText} />}
              <FieldErrors prefix="params.responseFormat" />

              <div className="option-head option-reasoning">
                <span className="option-title">Reasoning</span>
                <select
                  className="select"
                  value={options.reasoning}
                  onChange={(event) => setOptions({ reasoning: event.target.value as RequestOptionsDraft['reasoning'] }, 'params.reasoning')}
                  data-testid="reasoning-select"
                >
                  <option value="off">provider default</option>
                  <option value="low">effort: low</option>
                  <option value="medium">effort: medium</option>
                  <option value="high">effort: high</option>
                  <option value="max_tokens">token budget…</option>
                </select>
                {options.reasoning === 'max_tokens' && (
                  <input
                    className="input mono narrow"
                    inputMode="numeric"
                    value={options.reasoningMaxTokens}
                    placeholder="tokens"
                    aria-label="Reasoning token budget"
                    aria-invalid={invalid('params.reasoning')}
                    onChange={(event) => setOptions({ reasoningMaxTokens: event.target.value }, 'params.reasoning')}
                  />
                )}
                {options.reasoning !== 'off' && (
                  <label className="toggle small" title="The model reasons, but the reasoning text is not returned">
                    <input type="checkbox" checked={options.reasoningExclude} onChange={(event) => setOptions({ reasoningExclude: event.target.checked }, 'params.reasoning')} />
                    Hide reasoning text
                  </label>
                )}
              </div>
              <FieldErrors prefix="params.reasoning" />

              <AutoMode theme={theme} idPrefix={ids} />
            </section>
          </div>
        )}
      </div>
    </div>
  );
}

function AutoMode({ theme, idPrefix }: { theme: ResolvedTheme; idPrefix: string }) {
  const cannedResultsText = useComposerStore((state) => state.options.cannedResultsText);
  const hasTools = useComposerStore((state) => state.options.toolsText.trim() !== '');
  const starting = useComposerStore((state) => state.starting);
  const scenario = useToolsRunStore((state) => state.scenario);
  const running = scenario.status === 'running';
  return (
    <div className="auto-mode">
      <div className="option-head">
        <span className="option-title">Auto mode</span>
        <span className="muted small">canned result per tool</span>
        <button type="button" className="button ghost small" onClick={() => setOptions({ cannedResultsText: exampleCannedResults })}>
          Example
        </button>
        <div className="spacer" />
        <button
          type="button"
          className="button small"
          onClick={() => void runToolScenario()}
          disabled={running || starting || !hasTools}
          title={hasTools ? 'Run the prompt, answer every tool call from the canned results, and continue until each model answers in text' : 'Define tools first'}
          data-testid="run-tool-scenario"
        >
          {running ? `Step ${scenario.step} of ${scenario.maxSteps}…` : 'Run tool scenario'}
        </button>
      </div>
      <MonacoField
        id={`${idPrefix}-canned`}
        value={cannedResultsText}
        onChange={(text) => setOptions({ cannedResultsText: text })}
        onSubmit={() => void runToolScenario()}
        ariaLabel="Canned tool results as JSON: tool name to result text"
        placeholder='{ "get_weather": "{\"temperature\": 18}" }'
        theme={theme}
        className="editor-json editor-canned"
        testId="canned-results-editor"
        language="json"
      />
      <JsonSyntaxHint text={cannedResultsText} />
      {scenario.status === 'failed' && scenario.message && (
        <p className="field-error" role="alert" data-testid="scenario-error">
          {scenario.message}
        </p>
      )}
    </div>
  );
}
