// What every run export holds, whatever its format: the run, each answer with the model asked and
// served, the provider and connection that answered, parameters, the price data behind the costs,
// the app version and the export time. Built from an allow-list of fields: connection rows carry a
// secret reference and a key hint, and neither ever reaches an export.
import type { CatalogStatus } from '../../../shared/catalog-records';
import type {
  AttemptRecord,
  Cost,
  ResponseMetrics,
  ResponseStatus,
  RunDetail,
  RunParams,
  RunTarget,
  TokenUsage,
  ToolCallRecord,
} from '../../../shared/records';
import type { ResponseRating } from '../../../shared/review-records';
import type { JuxtaError } from '../../../shared/result';
import type { JuxtaStore } from '../../store/store-types';

export interface PriceDataInfo {
  /** The bundled catalog's source, e.g. "models.dev f3fc692 (2026-07-02)". */
  catalog: string;
  /** ISO time of the last live catalog refresh, null when only bundled prices were known. */
  catalogRefreshedAt: string | null;
  /** Version of @pydantic/genai-prices (costs with source "genai-prices"). */
  genaiPrices: string;
}

export interface ExportedConnection {
  id: string;
  label: string;
  kind: string;
  /** Scheme, host and path only: no query string or fragment (where a misconfigured URL might carry a key). */
  baseUrl: string;
}

export interface ExportedResponse {
  targetIndex: number;
  responseId: string;
  modelAsked: string;
  modelServed: string | null;
  providerServed: string | null;
  connection: ExportedConnection | null;
  status: ResponseStatus;
  incomplete: boolean;
  finishReason: string | null;
  usage: TokenUsage | null;
  cost: Cost;
  metrics: ResponseMetrics;
  error: Pick<JuxtaError, 'kind' | 'message' | 'status' | 'providerMessage'> | null;
  attempts: Array<Pick<AttemptRecord, 'connectionId' | 'model' | 'outcome'> & { error: string | null }>;
  rating: Pick<ResponseRating, 'stars' | 'thumb' | 'note'> | null;
  toolCalls: ToolCallRecord[];
  reasoning: string;
  text: string;
}

export interface ExportDocument {
  format: 'juxta-run-export';
  formatVersion: 1;
  exportedAt: string;
  app: { name: 'Juxta'; version: string };
  /** Costs name their source per answer (provider | genai-prices | catalog | local | unknown); these are the data versions. */
  priceData: PriceDataInfo;
  run: {
    id: string;
    createdAt: string;
    parentRunId: string | null;
    prompt: string;
    systemPrompt: string | null;
    params: RunParams;
    targets: RunTarget[];
    notes: string;
    tags: string[];
  };
  responses: ExportedResponse[];
}

export interface ExportDeps {
  store: JuxtaStore;
  now: () => number;
  appVersion: string;
  catalogStatus: () => CatalogStatus;
  genaiPricesVersion: () => string;
}

// Provider messages sometimes echo a (masked or not) key back: "Incorrect API key provided: sk-abc...".
const keyLike = /\b(?:sk|rk|pk|key)[-_][A-Za-z0-9_*.…-]{6,}/g;
const redact = (text: string): string => text.replace(keyLike, '[redacted]');

function publicBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '';
  }
}

export function buildExportDocument(deps: ExportDeps, detail: RunDetail): ExportDocument {
  const { store } = deps;
  const { run } = detail;
  const connections = new Map<string, ExportedConnection | null>();
  const connectionOf = (connectionId: string): ExportedConnection | null => {
    if (!connections.has(connectionId)) {
      const row = store.getConnection(connectionId);
      connections.set(connectionId, row ? { id: row.id, label: row.label, kind: row.kind, baseUrl: publicBaseUrl(row.baseUrl) } : null);
    }
    return connections.get(connectionId) ?? null;
  };
  const ratings = new Map(store.listRatings(run.id).map((rating) => [rating.responseId, rating]));
  const notes = store.getRunNotes(run.id);
  const catalog = deps.catalogStatus();

  return {
    format: 'juxta-run-export',
    formatVersion: 1,
    exportedAt: new Date(deps.now()).toISOString(),
    app: { name: 'Juxta', version: deps.appVersion },
    priceData: {
      catalog: catalog.bundledSource,
      catalogRefreshedAt: catalog.refreshedAt === null ? null : new Date(catalog.refreshedAt).toISOString(),
      genaiPrices: deps.genaiPricesVersion(),
    },
    run: {
      id: run.id,
      createdAt: new Date(run.createdAt).toISOString(),
      parentRunId: store.getRunLineage(run.id).parentRunId,
      prompt: run.prompt,
      systemPrompt: run.systemPrompt,
      params: run.params,
      targets: run.targets,
      notes: notes.notes,
      tags: notes.tags,
    },
    responses: detail.responses.map((response): ExportedResponse => {
      const rating = ratings.get(response.id);
      return {
        targetIndex: response.targetIndex,
        responseId: response.id,
        modelAsked: response.modelAsked,
        modelServed: response.modelServed,
        providerServed: response.providerServed,
        connection: connectionOf(response.connectionId),
        status: response.status,
        incomplete: response.incomplete,
        finishReason: response.finishReason,
        usage: response.usage,
        cost: response.cost,
        metrics: response.metrics,
        error:
          response.error === null
            ? null
            : {
                kind: response.error.kind,
                message: redact(response.error.message),
                ...(response.error.status === undefined ? {} : { status: response.error.status }),
                ...(response.error.providerMessage === undefined ? {} : { providerMessage: redact(response.error.providerMessage) }),
              },
        attempts: response.attempts.map((attempt) => ({
          connectionId: attempt.connectionId,
          model: attempt.model,
          outcome: attempt.outcome,
          error: attempt.error === null ? null : redact(`${attempt.error.kind}: ${attempt.error.message}`),
        })),
        rating: rating ? { stars: rating.stars, thumb: rating.thumb, note: rating.note } : null,
        toolCalls: response.toolCalls,
        reasoning: response.reasoning,
        text: response.text,
      };
    }),
  };
}

/** "juxta-run-2025-05-05-1a2b3c4d" (the run's local-agnostic UTC date and the first 8 characters of its id). */
export function exportBaseName(document: ExportDocument): string {
  const safeId = document.run.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8);
  return `juxta-run-${document.run.createdAt.slice(0, 10)}-${safeId}`;
}

/** The column title for an answer: "1. openai/gpt-4o" (served model in brackets when it differs). */
export function answerTitle(response: ExportedResponse): string {
  const served = response.modelServed && response.modelServed !== response.modelAsked ? ` (${response.modelServed})` : '';
  return `${response.targetIndex + 1}. ${response.modelAsked}${served}`;
}
