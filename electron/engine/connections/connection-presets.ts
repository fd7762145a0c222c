// Default base URLs per connection kind. Every base URL stays overridable by the user.
import type { ConnectionKind } from '../../../shared/records';

export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

/** The demo connection's base URL is resolved at call time: the simulator listens on a fresh port each start. */
export const DEMO_BASE_URL = 'simulator://demo';

export function defaultBaseUrl(kind: ConnectionKind): string | undefined {
  if (kind === 'openrouter') return OPENROUTER_BASE_URL;
  if (kind === 'demo') return DEMO_BASE_URL;
  return undefined;
}
