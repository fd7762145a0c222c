// Everything that talks to the host lives here, so components stay declarative.
import type { ConnectionSummary, RunDetail } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import type { MethodInput } from '../../../shared/contract';
import { api, onSubscriptionError } from '../transport';
import { parseFieldErrors } from '../format/field-errors';
import { useAppStore } from './app-store';
import { noErrors, useComposerStore } from './composer-store';
import { animationFrameScheduler, createFrameBuffer, type FrameBuffer } from './frame-buffer';
import { applyRunEvents, createPendingRunView, createRunViewFromDetail, isTerminal } from './run-view';
import { useRunStore } from './run-store';
import { parseRunParams } from './prefs';
import { buildRequestOptions } from '../tools/request-options';
import { keepColumnOrder } from '../tools/merged-view';
import { recordRunStarted } from '../tools/tools-run-store';

// ---- app and connections ----

export async function loadApp(): Promise<void> {
  useAppStore.setState({ status: 'loading', loadError: null });
  const [info, connections] = await Promise.all([api.getAppInfo({}), api.listConnections({})]);
  if (!info.ok) return void useAppStore.setState({ status: 'failed', loadError: info.error });
  if (!connections.ok) return void useAppStore.setState({ status: 'failed', loadError: connections.error });
  useAppStore.setState({ status: 'ready', appInfo: info.value });
  applyConnections(connections.value);
}

function applyConnections(connections: ConnectionSummary[], prefer?: string): void {
  const { selectedConnectionId } = useAppStore.getState();
  const wanted = prefer ?? selectedConnectionId;
  const selected = connections.find((connection) => connection.id === wanted) ?? connections[0] ?? null;
  useAppStore.setState({ connections, selectedConnectionId: selected?.id ?? null });
  // Models of a removed connection cannot run.
  const known = new Set(connections.map((connection) => connection.id));
  const { targets } = useComposerStore.getState();
  const kept = targets.filter((target) => known.has(target.connectionId));
  if (kept.length !== targets.length) useComposerStore.setState({ targets: kept });
  if (selected) void loadModels(selected.id);
}

export async function refreshConnections(prefer?: string): Promise<JuxtaError | null> {
  const result = await api.listConnections({});
  if (!result.ok) return result.error;
  applyConnections(result.value, prefer);
  return null;
}

export function selectConnection(connectionId: string): void {
  useAppStore.setState({ selectedConnectionId: connectionId });
  void loadModels(connectionId);
}

export async function loadModels(connectionId: string, force = false): Promise<void> {
  const current = useAppStore.getState().models[connectionId];
  if (!force && current && current.status !== 'failed') return;
  useAppStore.setState((state) => ({ models: { ...state.models, [connectionId]: { status: 'loading' } } }));
  const result = await api.listModels({ connectionId });
  useAppStore.setState((state) => ({
    models: {
      ...state.models,
      [connectionId]: result.ok ? { status: 'ready', models: result.value } : { status: 'failed', error: result.error },
    },
  }));
}

export async function addDemoConnection(): Promise<JuxtaError | null> {
  const result = await api.addDemoConnection({});
  if (!result.ok) return result.error;
  await refreshConnections(result.value.id);
  return null;
}

export async function addConnection(input: MethodInput<'addConnection'>): Promise<JuxtaError | null> {
  const result = await api.addConnection(input);
  if (!result.ok) return result.error;
  await refreshConnections(result.value.id);
  return null;
}

export async function removeConnection(connectionId: string): Promise<JuxtaError | null> {
  const result = await api.removeConnection({ connectionId });
  if (!result.ok) return result.error;
  useAppStore.setState((state) => {
    const models = { ...state.models };
    delete models[connectionId];
    return { models };
  });
  return refreshConnections();
}

export function openConnectionsDialog(adding = false): void {
  useAppStore.setState({ connectionsDialogOpen: true, connectionsDialogAdding: adding });
}

export function closeConnectionsDialog(): void {
  useAppStore.setState({ connectionsDialogOpen: false, connectionsDialogAdding: false });
}

// ---- runs ----

let subscription: { runId: string; unsubscribe: () => void; buffer: FrameBuffer } | null = null;
/** Notified when a run starts or ends, so the history list picks it up. */
const runsChangedListeners = new Set<() => void>();

export function onRunsChanged(listener: () => void): () => void {
  runsChangedListeners.add(listener);
  return () => runsChangedListeners.delete(listener);
}

function stopFollowing(): void {
  if (!subscription) return;
  subscription.buffer.dispose();
  subscription.unsubscribe();
  subscription = null;
}

/** Streams a run into the view; the tool flows use it for continuation runs shown beside earlier columns. */
export function follow(runId: string): void {
  stopFollowing();
  const buffer = createFrameBuffer((events) => {
    const { view } = useRunStore.getState();
    if (!view || view.runId !== runId) return;
    const next = keepColumnOrder(view, applyRunEvents(view, events));
    if (next === view) return;
    useRunStore.setState({ view: next });
    if (next.finished && !view.finished) {
      if (subscription?.runId === runId) stopFollowing();
      for (const listener of runsChangedListeners) listener();
    }
  }, animationFrameScheduler);
  const unsubscribe = api.subscribeRun(runId, (batch) => buffer.push(batch));
  subscription = { runId, unsubscribe, buffer };
}

onSubscriptionError((runId, error) => {
  if (subscription?.runId !== runId) return;
  stopFollowing();
  useAppStore.setState({ notice: error.message });
});

export function notifyRunsChanged(): void {
  for (const listener of runsChangedListeners) listener();
}

/** Starts the composer's run; resolves to its id, or null when it did not start (errors shown by their fields). */
export async function startRun(): Promise<string | null> {
  const composer = useComposerStore.getState();
  if (composer.starting) return null;
  const parsed = parseRunParams(composer.temperature, composer.maxTokens);
  const { errors } = parsed;
  const options = buildRequestOptions(composer.options);
  const params = { ...parsed.params, ...options.params };
  const fields: Record<string, string> = { ...options.errors };
  if (composer.prompt.trim() === '') fields.prompt = 'Write a prompt first.';
  if (composer.targets.length === 0) fields.targets = 'Add at least one model (two or more to compare).';
  if (errors.temperature) fields['params.temperature'] = errors.temperature;
  if (errors.maxTokens) fields['params.maxTokens'] = errors.maxTokens;
  if (Object.keys(fields).length > 0) {
    useComposerStore.setState({ errors: { fields, general: null } });
    return null;
  }
  useComposerStore.setState({ starting: true, errors: noErrors });
  const systemPrompt = composer.systemPrompt.trim() === '' ? undefined : composer.systemPrompt;
  const targets = composer.targets.map(({ connectionId, model }) => ({ connectionId, model }));
  const result = await api.startRun({ prompt: composer.prompt, systemPrompt, params, targets });
  if (!result.ok) {
    useComposerStore.setState({ starting: false, errors: parseFieldErrors(result.error) });
    return null;
  }
  useComposerStore.setState({ starting: false });
  const { runId, responseIds } = result.value;
  const run = { id: runId, prompt: composer.prompt, systemPrompt: systemPrompt ?? null, params, targets, createdAt: Date.now() };
  useRunStore.setState({
    view: createPendingRunView(runId, responseIds, targets, run.createdAt, run),
    openError: null,
    collapsed: {},
  });
  recordRunStarted(run, responseIds, result.value.warnings);
  follow(runId);
  notifyRunsChanged();
  return runId;
}

export async function stopAll(): Promise<void> {
  const { view } = useRunStore.getState();
  if (!view || view.finished) return;
  const result = await api.stopRun({ runId: view.runId });
  if (!result.ok) useAppStore.setState({ notice: `Could not stop the run: ${result.error.message}` });
}

export async function stopResponse(responseId: string): Promise<void> {
  const { view } = useRunStore.getState();
  if (!view) return;
  const result = await api.stopRun({ runId: view.runId, responseId });
  if (!result.ok) useAppStore.setState({ notice: `Could not stop the response: ${result.error.message}` });
}

function loadIntoComposer(detail: RunDetail): void {
  const { run } = detail;
  useComposerStore.setState({
    prompt: run.prompt,
    systemPrompt: run.systemPrompt ?? '',
    systemPromptOpen: useComposerStore.getState().systemPromptOpen || Boolean(run.systemPrompt),
    temperature: run.params.temperature === undefined ? '' : String(run.params.temperature),
    maxTokens: run.params.maxTokens === undefined ? '' : String(run.params.maxTokens),
    targets: run.targets.map(({ connectionId, model }) => ({ connectionId, model })),
    errors: noErrors,
  });
}

/** Reopens a stored run; a run still going is followed live (its snapshot restores it). */
export async function openRun(runId: string): Promise<void> {
  useRunStore.setState({ opening: true, openError: null });
  const result = await api.getRun({ runId });
  if (!result.ok) {
    useRunStore.setState({ opening: false, openError: result.error });
    return;
  }
  stopFollowing();
  const view = createRunViewFromDetail(result.value.run, result.value.responses);
  useRunStore.setState({ view, opening: false, collapsed: {} });
  loadIntoComposer(result.value);
  if (!view.finished || result.value.responses.some((response) => !isTerminal(response))) follow(runId);
}

/** Back to an empty page: results cleared, prompt emptied; models, system prompt and params stay. */
export function newComparison(): void {
  stopFollowing();
  useRunStore.setState({ view: null, openError: null, collapsed: {} });
  useComposerStore.setState({ prompt: '', errors: noErrors, collapsed: false });
}

export function toggleColumn(responseId: string): void {
  useRunStore.setState((state) => ({ collapsed: { ...state.collapsed, [responseId]: !state.collapsed[responseId] } }));
}
