import type { ConnectionKind } from '../../../shared/records';

const kindLabels: Record<ConnectionKind, string> = {
  openrouter: 'OpenRouter',
  'openai-compatible': 'OpenAI-compatible',
  demo: 'Demo',
};

export function kindLabel(kind: ConnectionKind): string {
  return kindLabels[kind];
}

/** The demo connection answers with simulated models: say so wherever it appears. */
export function SimulatedBadge({ compact = false }: { compact?: boolean }) {
  return (
    <span className="badge badge-simulated" title="Simulated models: answers are generated locally, nothing is billed.">
      {compact ? 'sim' : 'simulated'}
    </span>
  );
}
