// The prompt side: models, system prompt, prompt, params, Run / Stop all.
import { useId } from 'react';
import { fieldError } from '../format/field-errors';
import type { ResolvedTheme } from '../hooks/use-theme';
import { startRun, stopAll } from '../state/actions';
import { clearFieldError, useComposerStore } from '../state/composer-store';
import { useRunStore } from '../state/run-store';
import { MonacoField } from './MonacoField';
import { ModelPicker } from './ModelPicker';
import { runShortcut } from '../keys';
import { RequestOptionsPanel } from '../tools/RequestOptionsPanel';

function setPrompt(prompt: string) {
  useComposerStore.setState({ prompt });
  clearFieldError('prompt');
}

function setSystemPrompt(systemPrompt: string) {
  useComposerStore.setState({ systemPrompt });
  clearFieldError('systemPrompt');
}

function RunButtons() {
  const starting = useComposerStore((state) => state.starting);
  const running = useRunStore((state) => state.view !== null && !state.view.finished);
  return (
    <>
      <button
        type="button"
        className="button danger-outline"
        onClick={() => void stopAll()}
        disabled={!running}
        title="Stop every response still streaming (Esc)"
        data-testid="stop-all-button"
      >
        Stop all <kbd>Esc</kbd>
      </button>
      <button
        type="button"
        className="button primary"
        onClick={() => void startRun()}
        disabled={starting}
        title={`Run on all models (${runShortcut})`}
        data-testid="run-button"
      >
        {starting ? 'Starting…' : 'Run'} <kbd>{runShortcut}</kbd>
      </button>
    </>
  );
}

function CollapsedComposer() {
  const prompt = useComposerStore((state) => state.prompt);
  const count = useComposerStore((state) => state.targets.length);
  const firstLine = prompt.trim().split('\n')[0] ?? '';
  return (
    <section className="composer composer-collapsed" aria-label="Prompt">
      <div className="composer-row composer-actions">
        <button
          type="button"
          className="row-label disclosure"
          aria-expanded={false}
          onClick={() => useComposerStore.setState({ collapsed: false })}
          title="Show the prompt"
        >
          <span className="disclosure-arrow" aria-hidden="true">
            ▸
          </span>
          Prompt
        </button>
        <button type="button" className="collapsed-summary grow" onClick={() => useComposerStore.setState({ collapsed: false })}>
          {firstLine || <span className="muted">Empty prompt</span>}
        </button>
        <span className="muted small nowrap">
          {count} {count === 1 ? 'model' : 'models'}
        </span>
        <RunButtons />
      </div>
    </section>
  );
}

export function Composer({ theme }: { theme: ResolvedTheme }) {
  const collapsed = useComposerStore((state) => state.collapsed);
  if (collapsed) return <CollapsedComposer />;
  return <ExpandedComposer theme={theme} />;
}

function ExpandedComposer({ theme }: { theme: ResolvedTheme }) {
  const ids = useId();
  const prompt = useComposerStore((state) => state.prompt);
  const systemPrompt = useComposerStore((state) => state.systemPrompt);
  const systemPromptOpen = useComposerStore((state) => state.systemPromptOpen);
  const temperature = useComposerStore((state) => state.temperature);
  const maxTokens = useComposerStore((state) => state.maxTokens);
  const errors = useComposerStore((state) => state.errors);

  const promptError = fieldError(errors, 'prompt');
  const systemError = fieldError(errors, 'systemPrompt');
  const targetsError = fieldError(errors, 'targets');
  const temperatureError = fieldError(errors, 'params.temperature');
  const maxTokensError = fieldError(errors, 'params.maxTokens');
  const otherErrors = Object.entries(errors.fields)
    .filter(([path]) => !/^(prompt|systemPrompt|targets|params\.(temperature|maxTokens|tools|toolChoice|parallelToolCalls|responseFormat|reasoning))(\.|$)/.test(path))
    .map(([path, message]) => `${path}: ${message}`);
  const general = [errors.general, ...otherErrors].filter(Boolean).join('; ');

  return (
    <section className="composer" aria-label="Prompt">
      <div className="composer-row">
        <span className="row-label" id={`${ids}-models`}>
          Models
        </span>
        <div className="grow">
          <ModelPicker describedBy={targetsError ? `${ids}-targets-error` : undefined} invalid={Boolean(targetsError)} />
          {targetsError && (
            <p className="field-error" id={`${ids}-targets-error`} role="alert">
              {targetsError}
            </p>
          )}
        </div>
      </div>

      <div className="composer-row">
        <button
          type="button"
          className="row-label disclosure"
          aria-expanded={systemPromptOpen}
          aria-controls={`${ids}-system`}
          onClick={() => useComposerStore.setState({ systemPromptOpen: !systemPromptOpen })}
        >
          <span className="disclosure-arrow" aria-hidden="true">
            {systemPromptOpen ? '▾' : '▸'}
          </span>
          System
        </button>
        <div className="grow" id={`${ids}-system`}>
          {systemPromptOpen ? (
            <>
              <MonacoField
                id={`${ids}-system-editor`}
                value={systemPrompt}
                onChange={setSystemPrompt}
                onSubmit={() => void startRun()}
                ariaLabel="System prompt"
                placeholder="Optional system prompt: role, rules, output format…"
                theme={theme}
                className="editor-system"
                testId="system-prompt-editor"
                invalid={Boolean(systemError)}
              />
              {systemError && <p className="field-error">{systemError}</p>}
            </>
          ) : (
            <button
              type="button"
              className="collapsed-summary"
              onClick={() => useComposerStore.setState({ systemPromptOpen: true })}
              aria-label="Show the system prompt"
            >
              {systemPrompt.trim() ? systemPrompt.trim().split('\n')[0] : <span className="muted">No system prompt</span>}
            </button>
          )}
        </div>
      </div>

      <div className="composer-row">
        <button
          type="button"
          className="row-label disclosure"
          aria-expanded={true}
          onClick={() => useComposerStore.setState({ collapsed: true })}
          title="Fold the prompt to one line, to give the answers more room"
        >
          <span className="disclosure-arrow" aria-hidden="true">
            ▾
          </span>
          Prompt
        </button>
        <div className="grow">
          <MonacoField
            id={`${ids}-prompt-editor`}
            value={prompt}
            onChange={setPrompt}
            onSubmit={() => void startRun()}
            ariaLabel={`Prompt. ${runShortcut} runs it on all models.`}
            placeholder={`Paste or write a prompt. ${runShortcut} runs it on every model.`}
            theme={theme}
            className="editor-prompt"
            testId="prompt-editor"
            invalid={Boolean(promptError)}
            autoFocus
          />
          {promptError && (
            <p className="field-error" role="alert">
              {promptError}
            </p>
          )}
        </div>
      </div>

      <RequestOptionsPanel theme={theme} />

      <div className="composer-row composer-actions">
        <span className="row-label" />
        <div className="grow row gap">
          <label className="param">
            <span>Temperature</span>
            <input
              className={`input mono narrow${temperatureError ? ' invalid' : ''}`}
              inputMode="decimal"
              value={temperature}
              placeholder="default"
              aria-invalid={Boolean(temperatureError)}
              aria-describedby={temperatureError ? `${ids}-temperature-error` : undefined}
              onChange={(event) => {
                useComposerStore.setState({ temperature: event.target.value });
                clearFieldError('params.temperature');
              }}
              data-testid="temperature-input"
            />
          </label>
          <label className="param">
            <span>Max tokens</span>
            <input
              className={`input mono narrow${maxTokensError ? ' invalid' : ''}`}
              inputMode="numeric"
              value={maxTokens}
              placeholder="default"
              aria-invalid={Boolean(maxTokensError)}
              aria-describedby={maxTokensError ? `${ids}-max-tokens-error` : undefined}
              onChange={(event) => {
                useComposerStore.setState({ maxTokens: event.target.value });
                clearFieldError('params.maxTokens');
              }}
              data-testid="max-tokens-input"
            />
          </label>
          <div className="param-errors" aria-live="polite">
            {temperatureError && (
              <span className="field-error" id={`${ids}-temperature-error`}>
                Temperature: {temperatureError}
              </span>
            )}
            {maxTokensError && (
              <span className="field-error" id={`${ids}-max-tokens-error`}>
                Max tokens: {maxTokensError}
              </span>
            )}
            {general && (
              <span className="field-error" role="alert" data-testid="run-error">
                {general}
              </span>
            )}
          </div>
          <div className="spacer" />
          <RunButtons />
        </div>
      </div>
    </section>
  );
}
