// Multi-turn and auto mode: continue one column, follow up on all, answer tool calls, and run a tool
// scenario step by step on the client so every step streams live (nextToolScenarioTargets + startRun).
import type { ResponseRecord, RunRecord, RunTarget } from '../../../shared/records';
import { continueTarget, nextToolScenarioTargets } from '../../../shared/conversation';
import { api } from '../transport';
import { parseFieldErrors } from '../format/field-errors';
import { follow, notifyRunsChanged, startRun } from '../state/actions';
import { useComposerStore } from '../state/composer-store';
import { isTerminal } from '../state/run-view';
import { useRunStore } from '../state/run-store';
import { mergedContinuationView, type ColumnContinuation } from './merged-view';
import { parseCannedResults } from './request-options';
import { recordRunStarted, useToolsRunStore } from './tools-run-store';

/** Steps an auto-mode scenario takes at most (the first run included). */
export const scenarioMaxSteps = 4;

/** The request a response belongs to: a run started here, or the run on screen (opened from history). */
export function runOf(response: ResponseRecord): RunRecord | null {
  const view = useRunStore.getState().view;
  return useToolsRunStore.getState().runs[response.runId] ?? (view?.run?.id === response.runId ? view.run : null);
}

function setContinueError(key: string, message: string | null): void {
  useToolsRunStore.setState((state) => {
    const continueErrors = { ...state.continueErrors };
    if (message === null) delete continueErrors[key];
    else continueErrors[key] = message;
    return { continueErrors };
  });
}

function describeError(error: Parameters<typeof parseFieldErrors>[0]): string {
  const parsed = parseFieldErrors(error);
  const fields = Object.entries(parsed.fields).map(([path, message]) => `${path}: ${message}`);
  return [parsed.general, ...fields].filter(Boolean).join('; ') || 'Could not start.';
}

/** Starts a run that continues `items` (each a column's response) and shows it in place of those columns. */
async function startContinuation(prompt: string, items: ReadonlyArray<{ response: ResponseRecord; target: RunTarget }>, errorKey: string): Promise<string | null> {
  const first = items[0];
  const base = first ? runOf(first.response) : null;
  if (!first || !base) {
    setContinueError(errorKey, 'This answer’s request is not known here: reopen the run from history first.');
    return null;
  }
  setContinueError(errorKey, null);
  const targets = items.map((item) => item.target);
  const systemPrompt = base.systemPrompt ?? undefined;
  const result = await api.startRun({ prompt, systemPrompt, params: base.params, targets });
  if (!result.ok) {
    setContinueError(errorKey, describeError(result.error));
    return null;
  }
  const { runId, responseIds } = result.value;
  const run: RunRecord = { id: runId, prompt, systemPrompt: base.systemPrompt, params: base.params, targets, createdAt: Date.now() };
  const continuations: ColumnContinuation[] = items.map((item, index) => ({
    previousId: item.response.id,
    responseId: responseIds[index]!,
    target: item.target,
    targetIndex: index,
  }));
  // Earlier turns stay visible above each column's latest answer.
  useToolsRunStore.setState((state) => {
    const earlier = { ...state.earlier };
    for (const [index, item] of items.entries()) {
      const responseId = responseIds[index];
      if (responseId) earlier[responseId] = [...(state.earlier[item.response.id] ?? []), item.response];
    }
    return { earlier };
  });
  recordRunStarted(run, responseIds, result.value.warnings);
  const view = useRunStore.getState().view;
  if (!view) return null;
  useRunStore.setState({ view: mergedContinuationView(view, run, continuations) });
  follow(runId);
  notifyRunsChanged();
  return runId;
}

function responseById(responseId: string): ResponseRecord | undefined {
  return useRunStore.getState().view?.responses[responseId];
}

async function withContinuing<T>(key: string, work: () => Promise<T>): Promise<T> {
  useToolsRunStore.setState((state) => ({ continuing: { ...state.continuing, [key]: true } }));
  try {
    return await work();
  } finally {
    useToolsRunStore.setState((state) => ({ continuing: { ...state.continuing, [key]: false } }));
  }
}

/** Sends a follow-up to one column; with toolResults (call id -> text) it answers that column's tool calls. */
export function continueColumn(responseId: string, prompt: string, toolResults?: Record<string, string>): Promise<string | null> {
  return withContinuing(responseId, async () => {
    const response = responseById(responseId);
    const run = response ? runOf(response) : null;
    if (!response || !run) {
      setContinueError(responseId, 'This answer’s request is not known here: reopen the run from history first.');
      return null;
    }
    if (prompt.trim() === '' && !toolResults) {
      setContinueError(responseId, 'Write a follow-up first.');
      return null;
    }
    return startContinuation(prompt, [{ response, target: continueTarget(run, response, { toolResults }) }], responseId);
  });
}

/** One follow-up to every column that finished, each continuing its own conversation. */
export function followUpAll(prompt: string): Promise<string | null> {
  return withContinuing('all', async () => {
    if (prompt.trim() === '') {
      setContinueError('all', 'Write a follow-up first.');
      return null;
    }
    const view = useRunStore.getState().view;
    const items: Array<{ response: ResponseRecord; target: RunTarget }> = [];
    for (const id of view?.order ?? []) {
      const response = view?.responses[id];
      const run = response ? runOf(response) : null;
      if (response && run && response.status === 'done') items.push({ response, target: continueTarget(run, response) });
    }
    if (items.length === 0) {
      setContinueError('all', 'No finished answer to follow up on.');
      return null;
    }
    return startContinuation(prompt, items, 'all');
  });
}

/** Resolves true once the run on screen is `runId` and finished; false when another run replaced it. */
function runFinished(runId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const view = useRunStore.getState().view;
      if (!view || view.runId !== runId) {
        resolve(false);
        return true;
      }
      if (view.finished && view.order.every((id) => !view.responses[id] || isTerminal(view.responses[id]))) {
        resolve(true);
        return true;
      }
      return false;
    };
    if (check()) return;
    const unsubscribe = useRunStore.subscribe(() => {
      if (check()) unsubscribe();
    });
  });
}

/**
 * Auto mode: runs the composer's prompt, then answers every tool call from the canned results and continues
 * the columns that called tools, step after step, until all answered in text or the step limit.
 */
export async function runToolScenario(): Promise<void> {
  const setScenario = (patch: Partial<ReturnType<typeof useToolsRunStore.getState>['scenario']>) =>
    useToolsRunStore.setState((state) => ({ scenario: { ...state.scenario, ...patch } }));
  const { options } = useComposerStore.getState();
  const canned = parseCannedResults(options.cannedResultsText);
  if (!canned.ok) {
    setScenario({ status: 'failed', step: 0, maxSteps: scenarioMaxSteps, message: `Canned results: ${canned.message}` });
    return;
  }
  if (options.toolsText.trim() === '') {
    setScenario({ status: 'failed', step: 0, maxSteps: scenarioMaxSteps, message: 'A tool scenario needs tools: define them above.' });
    return;
  }
  setScenario({ status: 'running', step: 1, maxSteps: scenarioMaxSteps, message: null });
  let runId = await startRun();
  for (let step = 1; runId !== null; step += 1) {
    if (!(await runFinished(runId))) {
      setScenario({ status: 'idle', message: 'Stopped: another run replaced the scenario.' });
      return;
    }
    const view = useRunStore.getState().view!;
    const run = useToolsRunStore.getState().runs[runId];
    const responses = view.order.map((id) => view.responses[id]!).filter((response) => response?.runId === runId);
    const next = run ? nextToolScenarioTargets({ run, responses }, canned.value) : [];
    if (next.length === 0) {
      setScenario({ status: 'done', step, message: `Finished after ${step} ${step === 1 ? 'step' : 'steps'}.` });
      return;
    }
    if (step >= scenarioMaxSteps) {
      setScenario({ status: 'done', step, message: `Stopped after ${step} steps: ${next.length} ${next.length === 1 ? 'column is' : 'columns are'} still calling tools.` });
      return;
    }
    setScenario({ step: step + 1 });
    runId = await startContinuation('', next, 'all');
  }
  setScenario({ status: 'failed', message: 'The scenario could not start a step (see the errors above).' });
}
