// What the tool, multi-turn and auto-mode UI knows beyond the run view: the request of every run started
// from this page (continuing a column needs its run's targets and messages), warnings per column, and
// the auto-mode progress.
import { create } from 'zustand';
import type { ResponseRecord, RunRecord, RunWarning } from '../../../shared/records';

export interface ScenarioProgress {
  status: 'idle' | 'running' | 'done' | 'failed';
  step: number;
  maxSteps: number;
  message: string | null;
}

export interface ToolsRunState {
  /** Runs started from this page, by id. */
  runs: Record<string, RunRecord>;
  /** startRun's capability warnings, by the response id of the column they concern. */
  warnings: Record<string, RunWarning[]>;
  /** A continue or follow-up that could not start, by response id ("all" for Follow up all). */
  continueErrors: Record<string, string>;
  /** A continue being started, by response id. */
  continuing: Record<string, boolean>;
  scenario: ScenarioProgress;
  /** A column's earlier answers (oldest first), by the response id of its latest answer. */
  earlier: Record<string, ResponseRecord[]>;
}

export const idleScenario: ScenarioProgress = { status: 'idle', step: 0, maxSteps: 0, message: null };

export const useToolsRunStore = create<ToolsRunState>(() => ({ runs: {}, warnings: {}, continueErrors: {}, continuing: {}, scenario: idleScenario, earlier: {} }));

/** Called when a run started: keeps its request and files its warnings under each column's response id. */
export function recordRunStarted(run: RunRecord, responseIds: readonly string[], warnings: readonly RunWarning[] | undefined): void {
  useToolsRunStore.setState((state) => {
    const byResponse = { ...state.warnings };
    for (const warning of warnings ?? []) {
      const responseId = responseIds[warning.targetIndex];
      if (responseId) byResponse[responseId] = [...(byResponse[responseId] ?? []), warning];
    }
    return { runs: { ...state.runs, [run.id]: run }, warnings: byResponse };
  });
}
