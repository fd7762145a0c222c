// What the streaming and non-streaming responders both receive once a request has been accepted.
import type { ServerResponse } from 'node:http';
import type { GenerationMeta } from './chunks';
import type { GenerationPlan } from './generation-plan';
import type { ResolvedModel } from './model-defaults';
import type { SimulatorState } from './simulator-state';
import type { TokenCounts } from './usage';

export interface GenerationContext {
  state: SimulatorState;
  response: ServerResponse;
  model: ResolvedModel;
  plan: GenerationPlan;
  meta: GenerationMeta;
  /** Prompt-side counts; completion counts come from whatever was actually sent. */
  promptCounts: Pick<TokenCounts, 'promptTokens' | 'cachedPromptTokens'>;
  /** The bearer token ('' without one), charged when the generation completes. */
  apiKey: string;
}
