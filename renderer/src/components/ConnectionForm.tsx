import { useId, useState, type FormEvent } from 'react';
import type { ConnectionPreset } from '../../../shared/catalog-records';
import type { JuxtaError } from '../../../shared/result';
import { parseFieldErrors } from '../format/field-errors';
import { useConnectionPresets } from '../hooks/use-connection-presets';
import { addConnection } from '../state/actions';

type Kind = 'openrouter' | 'openai-compatible';
type KeyMode = 'key' | 'env' | 'none';

const openRouterUrl = 'https://openrouter.ai/api/v1';

/** "Ollama (local)" -> "Ollama": a label for the connection list. */
function presetLabel(preset: ConnectionPreset): string {
  return preset.id === 'custom' ? '' : preset.label.replace(/\s*\(.*\)\s*$/, '');
}

const defaults: Record<Kind, { label: string; baseUrl: string; keyMode: KeyMode }> = {
  openrouter: { label: 'OpenRouter', baseUrl: openRouterUrl, keyMode: 'key' },
  'openai-compatible': { label: '', baseUrl: '', keyMode: 'key' },
};

export function ConnectionForm({ onSaved, onCancel }: { onSaved(): void; onCancel?: () => void }) {
  const idPrefix = useId();
  const [kind, setKind] = useState<Kind>('openrouter');
  const [label, setLabel] = useState(defaults.openrouter.label);
  const [baseUrl, setBaseUrl] = useState(defaults.openrouter.baseUrl);
  const [keyMode, setKeyMode] = useState<KeyMode>('key');
  const [apiKey, setApiKey] = useState('');
  const [apiKeyEnv, setApiKeyEnv] = useState('');
  const [showKey, setShowKey] = useState(false);
  const { presets, fromHost, localServers } = useConnectionPresets();
  const [presetId, setPresetId] = useState('custom');
  const compatiblePresets = presets.filter((preset) => preset.kind === 'openai-compatible');
  const preset = kind === 'openai-compatible' ? compatiblePresets.find((candidate) => candidate.id === presetId) : presets.find((candidate) => candidate.id === 'openrouter');

  const applyPreset = (next: ConnectionPreset) => {
    const previous = compatiblePresets.find((candidate) => candidate.id === presetId);
    // Replace what the previous preset filled in, keep what the user typed.
    if (label.trim() === '' || (previous && label === presetLabel(previous))) setLabel(presetLabel(next));
    if (baseUrl.trim() === '' || (previous && baseUrl === (previous.baseUrl ?? ''))) setBaseUrl(next.baseUrl ?? '');
    setKeyMode(next.local || (!next.needsKey && next.id !== 'custom') ? 'none' : 'key');
    setPresetId(next.id);
    setError(null);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<JuxtaError | null>(null);
  const errors = parseFieldErrors(error);

  const changeKind = (next: Kind) => {
    // Replace defaults the user has not edited.
    if (label === defaults[kind].label) setLabel(defaults[next].label);
    if (baseUrl === defaults[kind].baseUrl) setBaseUrl(defaults[next].baseUrl);
    if (next === 'openrouter' && keyMode === 'none') setKeyMode('key');
    if (next === 'openai-compatible') setPresetId('custom');
    setKind(next);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (keyMode === 'key' && kind === 'openrouter' && apiKey.trim() === '') {
      setError({ kind: 'invalid_input', message: 'Invalid input: apiKey: paste your OpenRouter key (it starts with sk-or-)' });
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await addConnection({
      kind,
      label: label.trim(),
      baseUrl: baseUrl.trim() === '' ? undefined : baseUrl.trim(),
      apiKey: keyMode === 'key' && apiKey.trim() !== '' ? apiKey.trim() : undefined,
      apiKeyEnv: keyMode === 'env' && apiKeyEnv.trim() !== '' ? apiKeyEnv.trim() : undefined,
      // The preset tells the engine which quirks and prices apply (only ids the host listed).
      preset: fromHost && preset && preset.id !== 'custom' ? preset.id : undefined,
    });
    setBusy(false);
    if (failure) {
      setError(failure);
      return;
    }
    // The key leaves the renderer's memory as soon as it is saved.
    setApiKey('');
    onSaved();
  };

  const fieldId = (name: string) => `${idPrefix}-${name}`;
  const fieldMessage = (name: string) =>
    errors.fields[name] ? (
      <p className="field-error" id={fieldId(`${name}-error`)}>
        {errors.fields[name]}
      </p>
    ) : null;

  return (
    <form className="connection-form" onSubmit={submit} noValidate aria-labelledby={fieldId('title')}>
      <h3 id={fieldId('title')}>Add a connection</h3>
      <div className="form-grid">
        <label htmlFor={fieldId('kind')}>Kind</label>
        <div>
          <select
            id={fieldId('kind')}
            className="select"
            value={kind}
            onChange={(event) => changeKind(event.target.value as Kind)}
            data-testid="connection-kind"
          >
            <option value="openrouter">OpenRouter</option>
            <option value="openai-compatible">OpenAI-compatible endpoint</option>
          </select>
          {fieldMessage('kind')}
        </div>

        {kind === 'openai-compatible' && (
          <>
            <label htmlFor={fieldId('preset')}>Provider</label>
            <div>
              <select
                id={fieldId('preset')}
                className="select"
                value={presetId}
                onChange={(event) => {
                  const next = compatiblePresets.find((candidate) => candidate.id === event.target.value);
                  if (next) applyPreset(next);
                }}
                data-testid="connection-preset"
              >
                {compatiblePresets.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
              {localServers.length > 0 && (
                <div className="presets">
                  <span className="muted small">Running here:</span>
                  {localServers.map((server) => {
                    const serverPreset = compatiblePresets.find((candidate) => candidate.id === server.presetId);
                    const name = serverPreset ? presetLabel(serverPreset) : server.baseUrl;
                    return server.connectionId ? (
                      <span key={server.baseUrl} className="muted small">
                        {name} (added)
                      </span>
                    ) : (
                      <button
                        key={server.baseUrl}
                        type="button"
                        className="button ghost small"
                        onClick={() => {
                          if (serverPreset) applyPreset(serverPreset);
                          setBaseUrl(server.baseUrl);
                        }}
                        title={`${server.baseUrl}${server.modelCount !== null ? `, ${server.modelCount} models` : ''}`}
                      >
                        {name}
                        {server.modelCount !== null ? ` · ${server.modelCount} models` : ''}
                      </button>
                    );
                  })}
                </div>
              )}
            </div>
          </>
        )}

        <label htmlFor={fieldId('label')}>Label</label>
        <div>
          <input
            id={fieldId('label')}
            className="input"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            placeholder={kind === 'openrouter' ? 'OpenRouter' : 'e.g. Ollama on this machine'}
            aria-invalid={Boolean(errors.fields.label)}
            aria-describedby={errors.fields.label ? fieldId('label-error') : undefined}
            data-testid="connection-label"
            autoComplete="off"
          />
          {fieldMessage('label')}
        </div>

        <label htmlFor={fieldId('base-url')}>Base URL</label>
        <div>
          <input
            id={fieldId('base-url')}
            className="input mono"
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
            placeholder={kind === 'openrouter' ? openRouterUrl : 'http://localhost:11434/v1'}
            aria-invalid={Boolean(errors.fields.baseUrl)}
            aria-describedby={errors.fields.baseUrl ? fieldId('baseUrl-error') : undefined}
            data-testid="connection-base-url"
            autoComplete="off"
            spellCheck={false}
            inputMode="url"
          />
          {preset && preset.notes.length > 0 && (
            <ul className="preset-notes small muted" aria-label="Handled for this provider">
              {preset.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {fieldMessage('baseUrl')}
        </div>

        <span id={fieldId('key-legend')}>API key</span>
        <div>
          <div className="segmented" role="radiogroup" aria-labelledby={fieldId('key-legend')}>
            {(
              [
                ['key', 'Paste key'],
                ['env', 'Environment variable'],
                ...(kind === 'openai-compatible' ? [['none', 'No key']] : []),
              ] as [KeyMode, string][]
            ).map(([mode, text]) => (
              <label key={mode} className={keyMode === mode ? 'checked' : ''}>
                <input type="radio" name={fieldId('key-mode')} value={mode} checked={keyMode === mode} onChange={() => setKeyMode(mode)} />
                {text}
              </label>
            ))}
          </div>
          {keyMode === 'key' && (
            <div className="row gap-small">
              <label className="visually-hidden" htmlFor={fieldId('api-key')}>
                API key
              </label>
              <input
                id={fieldId('api-key')}
                className="input mono grow"
                type={showKey ? 'text' : 'password'}
                value={apiKey}
                onChange={(event) => setApiKey(event.target.value)}
                placeholder={kind === 'openrouter' ? 'sk-or-v1-…' : preset?.needsKey ? 'API key' : 'optional for local servers'}
                aria-invalid={Boolean(errors.fields.apiKey)}
                aria-describedby={errors.fields.apiKey ? fieldId('apiKey-error') : undefined}
                data-testid="connection-api-key"
                autoComplete="off"
                spellCheck={false}
              />
              <button type="button" className="button ghost small" onClick={() => setShowKey(!showKey)} aria-pressed={showKey}>
                {showKey ? 'Hide' : 'Show'}
              </button>
            </div>
          )}
          {keyMode === 'env' && (
            <>
              <label className="visually-hidden" htmlFor={fieldId('api-key-env')}>
                Environment variable name
              </label>
              <input
                id={fieldId('api-key-env')}
                className="input mono"
                value={apiKeyEnv}
                onChange={(event) => setApiKeyEnv(event.target.value)}
                placeholder={preset?.apiKeyEnv ?? (kind === 'openrouter' ? 'OPENROUTER_API_KEY' : 'OPENAI_API_KEY')}
                aria-invalid={Boolean(errors.fields.apiKeyEnv)}
                aria-describedby={errors.fields.apiKeyEnv ? fieldId('apiKeyEnv-error') : undefined}
                data-testid="connection-api-key-env"
                autoComplete="off"
                spellCheck={false}
              />
              <p className="muted small">The key is read from this variable of the Juxta process; nothing is stored.</p>
            </>
          )}
          {fieldMessage('apiKey')}
          {fieldMessage('apiKeyEnv')}
        </div>
      </div>

      {error && (
        <p className="error-text" role="alert" data-testid="connection-error">
          {error.kind === 'invalid_input' ? error.message.replace(/^Invalid input[^:]*: /, '') : error.message}
          {error.providerMessage && <span className="provider-message">{error.providerMessage}</span>}
        </p>
      )}

      <div className="row gap-small end">
        {onCancel && (
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={busy} data-testid="connection-save">
          {busy ? 'Saving…' : 'Save connection'}
        </button>
      </div>
    </form>
  );
}
