// The one contract between the renderer and the Node side, shared by both transports
// (Electron IPC through the preload, HTTP + SSE through the web host).
// Inputs are zod schemas (validated on the Node side before any work); outputs are TS types.
import { z } from 'zod';
import type {
  AppInfo,
  ConnectionSummary,
  ModelInfo,
  RunDetail,
  RunSummary,
  RunWarning,
  ToolScenarioResult,
} from './records';
import type { Result } from './result';
import type { RunEventBatch } from './run-events';
import type { MethodName } from './method-names';
import type { MenuCommand } from './menu-commands';
import type {
  CatalogModel,
  CatalogPage,
  CatalogRefreshResult,
  ConnectionPreset,
  KeyStatus,
  LocalServerStatus,
  ModelOverride,
  RouteCandidateSummary,
} from './catalog-records';
import { catalogQuerySchema } from './catalog-schema';
import { fallbackModelsSchema, routingPolicySchema } from './routing-schema';
import { conversationSchema, reasoningOptionsSchema, responseFormatSchema, toolChoiceSchema, toolsSchema } from './request-options-schema';
import type { BudgetStatus, UsageCsv, UsageReport } from './usage-records';
import { setBudgetInput, usageReportInput } from './usage-schema';
import type {
  BlindReview,
  BlindReviewState,
  Leaderboard,
  ResponseDiff,
  ResponseRating,
  RevealedReview,
  RunAnnotations,
  RunExport,
  RunNotes,
} from './review-records';
import {
  diffResponsesInput,
  exportRunInput,
  leaderboardInput,
  rateResponseInput,
  setRunNotesInput,
  startBlindReviewInput,
  voidVoteInput,
  voteBlindInput,
} from './review-schema';

export { methodNames, ipcChannel, type MethodName } from './method-names';

const id = z.string().min(1, 'expected a non-empty id').max(200);
const noInput = z.object({}).strict();

export const baseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL without credentials, e.g. https://openrouter.ai/api/v1');

export const addConnectionInput = z
  .object({
    kind: z.enum(['openrouter', 'openai-compatible']),
    label: z.string().trim().min(1, 'expected a label').max(80),
    baseUrl: baseUrlSchema.optional(),
    /** Sent once from the form to the Node side, which encrypts it; never sent back. */
    apiKey: z.string().trim().min(1).max(500).optional(),
    /** Alternatively, the name of an environment variable that holds the key (web host and CLI). */
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name such as OPENROUTER_API_KEY')
      .optional(),
    /** A preset id from listConnectionPresets: fills the base URL, and (for a preset that needs a key,
     *  when neither apiKey nor apiKeyEnv is given) reads the key from the preset's variable. */
    preset: z.string().trim().min(1).max(50).optional(),
  })
  .strict()
  .refine((input) => !(input.apiKey && input.apiKeyEnv), {
    message: 'give either apiKey or apiKeyEnv, not both',
    path: ['apiKeyEnv'],
  });

export const runParamsSchema = z
  .object({
    temperature: z.number().min(0, 'expected 0 to 2').max(2, 'expected 0 to 2').optional(),
    maxTokens: z.number().int('expected a whole number').min(1).max(1_000_000).optional(),
    /** OpenAI tools format; each `parameters` must also be a valid JSON Schema (checked with ajv on the Node side). */
    tools: toolsSchema.optional(),
    toolChoice: toolChoiceSchema.optional(),
    parallelToolCalls: z.boolean().optional(),
    /** json_schema: the answer is parsed and validated (ResponseRecord.structuredOutput); the schema is checked with ajv before sending. */
    responseFormat: responseFormatSchema.optional(),
    reasoning: reasoningOptionsSchema.optional(),
  })
  .strict()
  .refine((params) => !(params.toolChoice !== undefined && params.toolChoice !== 'none' && params.toolChoice !== 'auto' && !params.tools?.length), {
    message: 'a required or named tool choice needs tools',
    path: ['toolChoice'],
  })
  .refine((params) => {
    const choice = params.toolChoice;
    return typeof choice !== 'object' || (params.tools ?? []).some((tool) => tool.function.name === choice.name);
  }, {
    message: 'expected the name of one of the tools',
    path: ['toolChoice', 'name'],
  });

export const MAX_TARGETS = 8;

/** One column: a model on a connection, with its fallbacks and routing policy (shared/routing-schema.ts). */
export const runTargetSchema = z
  .object({
    connectionId: id,
    model: z.string().trim().min(1, 'expected a model id').max(300),
    fallbackModels: fallbackModelsSchema.optional(),
    routing: routingPolicySchema.optional(),
    /** Multi-turn: the column's conversation before this run's prompt (shared/conversation.ts builds it). */
    messages: conversationSchema.optional(),
    continues: z.object({ runId: id, responseId: id }).strict().optional(),
  })
  .strict();

export const startRunInput = z
  .object({
    /** The new user message. May be empty only when every target continues a conversation ending in a user or tool message. */
    prompt: z.string(),
    systemPrompt: z.string().optional(),
    params: runParamsSchema.default({}),
    targets: z
      .array(runTargetSchema)
      .min(1, 'expected at least one model')
      .max(MAX_TARGETS, `expected at most ${MAX_TARGETS} models`),
    /** Start even when a spend budget is used up (the user chose "Run anyway"). */
    overrideBudget: z.boolean().optional(),
  })
  .strict()
  .refine(
    (input) =>
      input.prompt.trim().length > 0 ||
      input.targets.every((target) => ['user', 'tool'].includes(target.messages?.at(-1)?.role ?? '')),
    { message: 'expected a prompt', path: ['prompt'] },
  );

/** Auto mode: run, answer every tool call from cannedResults, continue, up to maxSteps model turns per column. */
export const runToolScenarioInput = z
  .object({
    run: startRunInput,
    /** Tool name -> the result text each call of that tool gets (usually JSON). */
    cannedResults: z.record(z.string(), z.string().max(100_000)),
    maxSteps: z.number().int('expected a whole number').min(1).max(10, 'expected at most 10 steps').default(4),
  })
  .strict()
  .refine((input) => (input.run.params.tools?.length ?? 0) > 0, { message: 'a tool scenario needs tools', path: ['run', 'params', 'tools'] })
  .superRefine((input, context) => {
    const names = new Set((input.run.params.tools ?? []).map((tool) => tool.function.name));
    for (const name of Object.keys(input.cannedResults)) {
      if (!names.has(name)) context.addIssue({ code: 'custom', path: ['cannedResults', name], message: 'expected the name of one of the tools' });
    }
  });

/** Starts a run again (same prompt, system prompt and parameters), linked to the old one; targets replace the old run's columns. */
export const rerunRunInput = z
  .object({
    runId: id,
    targets: z
      .array(runTargetSchema)
      .min(1, 'expected at least one model')
      .max(MAX_TARGETS, `expected at most ${MAX_TARGETS} models`)
      .optional(),
    overrideBudget: z.boolean().optional(),
  })
  .strict();

export const methodInputs = {
  getAppInfo: noInput,
  listConnections: noInput,
  addConnection: addConnectionInput,
  addDemoConnection: noInput,
  removeConnection: z.object({ connectionId: id }).strict(),
  listModels: z.object({ connectionId: id }).strict(),
  startRun: startRunInput,
  stopRun: z.object({ runId: id, responseId: id.optional() }).strict(),
  listRuns: z
    .object({
      search: z.string().max(500).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      beforeCreatedAt: z.number().int().optional(),
    })
    .strict(),
  getRun: z.object({ runId: id }).strict(),
  listCatalog: catalogQuerySchema,
  getCatalogModel: z.object({ modelId: z.string().trim().min(1).max(300) }).strict(),
  refreshCatalog: z.object({ connectionId: id }).strict(),
  listConnectionPresets: noInput,
  detectLocalServers: noInput,
  listModelOverrides: z.object({ connectionId: id.optional() }).strict(),
  /** nativeId null removes the override. */
  setModelOverride: z
    .object({ connectionId: id, modelId: z.string().trim().min(1).max(300), nativeId: z.string().trim().min(1).max(300).nullable() })
    .strict(),
  previewRoute: z.object({ target: runTargetSchema }).strict(),
  getKeyStatus: z.object({ connectionId: id }).strict(),
  getUsageReport: usageReportInput,
  exportUsageCsv: usageReportInput,
  getBudgets: noInput,
  setBudget: setBudgetInput,
  // Reviews (shared/review-schema.ts, outputs in shared/review-records.ts).
  rateResponse: rateResponseInput,
  setRunNotes: setRunNotesInput,
  getRunAnnotations: z.object({ runId: id }).strict(),
  startBlindReview: startBlindReviewInput,
  voteBlind: voteBlindInput,
  voidVote: voidVoteInput,
  getBlindReview: z.object({ reviewId: id }).strict(),
  getLeaderboard: leaderboardInput,
  diffResponses: diffResponsesInput,
  rerunRun: rerunRunInput,
  exportRun: exportRunInput,
  runToolScenario: runToolScenarioInput,
} as const satisfies Record<MethodName, z.ZodType>;

/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<(typeof methodInputs)[M]>;
/** What the Node side receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<(typeof methodInputs)[M]>;

export interface MethodOutputs {
  getAppInfo: AppInfo;
  listConnections: ConnectionSummary[];
  addConnection: ConnectionSummary;
  addDemoConnection: ConnectionSummary;
  removeConnection: { removed: boolean };
  listModels: ModelInfo[];
  /** budgetWarnings: a line per spend budget at 80% or more that covers the run (absent when none). */
  /** warnings: targets the catalog says cannot do what the request asks (tools, structured output, reasoning); the run still starts. */
  startRun: { runId: string; responseIds: string[]; budgetWarnings?: string[]; warnings?: RunWarning[] };
  stopRun: { stopped: number };
  listRuns: RunSummary[];
  getRun: RunDetail;
  listCatalog: CatalogPage;
  getCatalogModel: CatalogModel;
  refreshCatalog: CatalogRefreshResult;
  listConnectionPresets: ConnectionPreset[];
  detectLocalServers: LocalServerStatus[];
  listModelOverrides: ModelOverride[];
  setModelOverride: ModelOverride[];
  previewRoute: RouteCandidateSummary[];
  getKeyStatus: KeyStatus;
  getUsageReport: UsageReport;
  exportUsageCsv: UsageCsv;
  getBudgets: BudgetStatus[];
  setBudget: BudgetStatus[];
  /** null: the rating was cleared (no stars, thumb or note left). */
  rateResponse: ResponseRating | null;
  setRunNotes: RunNotes;
  getRunAnnotations: RunAnnotations;
  /** No model, provider, connection, response id, cost or timing anywhere in it; A/B order shuffled. */
  startBlindReview: BlindReview;
  /** The reveal. A second vote on the same review is refused (void it and start another). */
  voteBlind: RevealedReview;
  voidVote: RevealedReview;
  getBlindReview: BlindReviewState;
  getLeaderboard: Leaderboard;
  diffResponses: ResponseDiff;
  /** startRun's answer plus the run it repeats. */
  rerunRun: MethodOutputs['startRun'] & { parentRunId: string };
  exportRun: RunExport;
  /** Resolves when every column has answered in text, failed, been stopped or used maxSteps. */
  runToolScenario: ToolScenarioResult;
}
export type MethodOutput<M extends MethodName> = MethodOutputs[M];

/** What the Node side implements: each method gets validated input and may throw JuxtaFailure. */
export type JuxtaService = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> } & {
  /** Streams a run's events; the first batch is a run-snapshot. Returns an unsubscribe function. */
  subscribeRun(runId: string, onBatch: (batch: RunEventBatch) => void): () => void;
};

/** What the renderer calls: the same methods, errors as values. window.juxta in Electron. */
export type JuxtaApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> } & {
  subscribeRun(runId: string, onBatch: (batch: RunEventBatch) => void): () => void;
  /** Desktop only (absent over HTTP): commands from the application menu and its accelerators. Returns an unsubscribe function. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
};
