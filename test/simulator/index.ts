// The provider simulator: an OpenRouter-compatible HTTP server for engine tests, browser tests, benches and the demo.
export { startSimulator } from './server';
export { defaultModels, demoModels } from './demo-models';
export { computeCost, estimatePromptTokens } from './usage';
export type { Cost, TokenCounts } from './usage';
export type {
  ChatRequestBody,
  ChatRequestMessage,
  Fault,
  GenerationOutcome,
  HttpFaultStatus,
  RecordedRequest,
  SimulatedModel,
  SimulatedPricing,
  Simulator,
  SimulatorEventMap,
  SimulatorOptions,
} from './types';
