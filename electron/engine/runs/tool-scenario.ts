// Auto mode for tool scenarios: each step is an ordinary run (so history, events and the store work as
// for any run); every column that ended by calling tools gets its calls answered from the canned
// results and continues in the next step's run, until it answers in text or maxSteps runs are used.
import type { ParsedInput } from '../../../shared/contract';
import { nextToolScenarioTargets } from '../../../shared/conversation';
import type { RunDetail, RunTarget, RunWarning, ToolScenarioColumn, ToolScenarioResult } from '../../../shared/records';

export interface ToolScenarioDeps {
  /** startRun with every check (schemas, connections, budgets). */
  start(input: ParsedInput<'startRun'>): Promise<{ runId: string; budgetWarnings?: string[]; warnings?: RunWarning[] }>;
  /** Resolves when the run has ended, with its final detail. */
  finished(runId: string): Promise<RunDetail>;
}

export async function runToolScenario(deps: ToolScenarioDeps, input: ParsedInput<'runToolScenario'>): Promise<ToolScenarioResult> {
  const columns: ToolScenarioColumn[] = input.run.targets.map((target, targetIndex) => ({ targetIndex, model: target.model, responseIds: [], outcome: 'answered' }));
  const runIds: string[] = [];
  let targets: RunTarget[] = input.run.targets;
  // Which scenario column each target of the current step belongs to.
  let columnOf = targets.map((_target, index) => index);
  let prompt = input.run.prompt;
  const first = await deps.start({ ...input.run, prompt, targets });
  let runId = first.runId;

  for (let step = 1; ; step += 1) {
    runIds.push(runId);
    const detail = await deps.finished(runId);
    for (const response of detail.responses) {
      const column = columns[columnOf[response.targetIndex]!]!;
      column.responseIds.push(response.id);
      column.outcome = response.status === 'error' ? 'error' : response.status === 'stopped' ? 'stopped' : 'answered';
    }
    const next = nextToolScenarioTargets(detail, input.cannedResults);
    if (next.length === 0) break;
    if (step >= input.maxSteps) {
      for (const { response } of next) columns[columnOf[response.targetIndex]!]!.outcome = 'max-steps';
      break;
    }
    columnOf = next.map(({ response }) => columnOf[response.targetIndex]!);
    targets = next.map(({ target }) => target);
    // The prompt was the first user turn; later turns only add tool results.
    prompt = '';
    runId = (await deps.start({ ...input.run, prompt, targets, overrideBudget: input.run.overrideBudget })).runId;
  }
  return {
    runIds,
    columns,
    ...(first.budgetWarnings ? { budgetWarnings: first.budgetWarnings } : {}),
    ...(first.warnings ? { warnings: first.warnings } : {}),
  };
}
