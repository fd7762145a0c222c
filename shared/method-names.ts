// The contract's method names alone, with no dependencies, so the sandboxed preload can expose
// exactly these without bundling the schemas. contract.ts checks its schema map against this list.
export const methodNames = [
  'getAppInfo',
  'listConnections',
  'addConnection',
  'addDemoConnection',
  'removeConnection',
  'listModels',
  'startRun',
  'stopRun',
  'listRuns',
  'getRun',
  'listCatalog',
  'getCatalogModel',
  'refreshCatalog',
  'listConnectionPresets',
  'detectLocalServers',
  'listModelOverrides',
  'setModelOverride',
  'previewRoute',
  'getKeyStatus',
  'getUsageReport',
  'exportUsageCsv',
  'getBudgets',
  'setBudget',
  'rateResponse',
  'setRunNotes',
  'getRunAnnotations',
  'startBlindReview',
  'voteBlind',
  'voidVote',
  'getBlindReview',
  'getLeaderboard',
  'diffResponses',
  'rerunRun',
  'exportRun',
  'runToolScenario',
] as const;

export type MethodName = (typeof methodNames)[number];

/** IPC channel for a method: one fixed name per method, never a caller-chosen string. */
export function ipcChannel(method: MethodName): string {
  return `juxta:${method}`;
}

/** Channel on which the renderer asks for a run's event stream (a MessagePort is transferred back). */
export const subscribeRunChannel = 'juxta:subscribeRun';

/** Channel on which main sends a MenuCommand (shared/menu-commands.ts) to the renderer; main -> renderer only. */
export const menuCommandChannel = 'juxta:menu-command';
