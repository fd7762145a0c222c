// First start without connections: two ways on.
import { useState } from 'react';
import type { JuxtaError } from '../../../shared/result';
import { addDemoConnection, openConnectionsDialog } from '../state/actions';
import { useAppStore } from '../state/app-store';

export function Welcome() {
  const appInfo = useAppStore((state) => state.appInfo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<JuxtaError | null>(null);

  const tryDemo = async () => {
    setBusy(true);
    setError(null);
    const failure = await addDemoConnection();
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Compare models side by side</h1>
      <p className="welcome-lead">
        Send one prompt to several LLMs at once and watch the answers stream next to each other, with time to first token, throughput,
        tokens and cost. Every run is kept for review.
      </p>
      <div className="welcome-options">
        <div className="welcome-option">
          <h2>Use your API key</h2>
          <p>OpenRouter (hundreds of models with one key) or any OpenAI-compatible endpoint, including local servers such as Ollama or LM Studio.</p>
          <button type="button" className="button primary" onClick={() => openConnectionsDialog(true)} data-testid="add-key-button">
            Add an API key
          </button>
        </div>
        {appInfo?.demoAvailable && (
          <div className="welcome-option">
            <h2>Just looking?</h2>
            <p>A demo connection with simulated models: realistic streaming, latency and token counts, no key and no cost.</p>
            <button type="button" className="button" onClick={tryDemo} disabled={busy} data-testid="demo-button">
              {busy ? 'Adding demo…' : 'Try the demo (simulated models, no cost)'}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      {appInfo && <p className="muted small">How keys are stored: {appInfo.secretStorage.description}</p>}
    </section>
  );
}
