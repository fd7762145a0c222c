// Which runs are still streaming, as seen through the IPC service: enough for "quit mid-run?"
// without asking the engine for new API. startRun adds the run; waitForRun's end removes it.
import type { JuxtaService } from '../../shared/contract';

export interface ActiveRunTracker {
  /** The service to register on IPC: the engine's, with startRun observed. */
  service: JuxtaService;
  count(): number;
}

export function trackActiveRuns(service: JuxtaService, waitForRun: (runId: string) => Promise<void>): ActiveRunTracker {
  const active = new Set<string>();
  const observed: JuxtaService = {
    ...service,
    async startRun(input) {
      const started = await service.startRun(input);
      active.add(started.runId);
      waitForRun(started.runId)
        .catch(() => undefined)
        .finally(() => active.delete(started.runId));
      return started;
    },
  };
  return { service: observed, count: () => active.size };
}

/** The question asked before quitting while runs stream (a dialog.showMessageBox options object). */
export function quitWhileRunningDialog(activeRuns: number) {
  return {
    type: 'question' as const,
    buttons: ['Quit', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Quit Juxta?',
    message: activeRuns === 1 ? 'A run is still streaming.' : `${activeRuns} runs are still streaming.`,
    detail: `Quitting stops ${activeRuns === 1 ? 'it' : 'them'} now; the answers so far are kept in history, marked as stopped.`,
  };
}
