// Main's view of streaming runs (for "quit mid-run?"), observed through startRun and waitForRun.
import { describe, expect, it } from 'vitest';
import { quitWhileRunningDialog, trackActiveRuns } from '../../electron/main/active-runs';
import type { JuxtaService } from '../../shared/contract';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('trackActiveRuns', () => {
  it('counts a run from startRun until waitForRun settles, and passes everything else through', async () => {
    const endings = new Map<string, ReturnType<typeof deferred>>();
    let next = 0;
    const service = {
      startRun: async () => ({ runId: `run-${++next}`, responseIds: ['a'] }),
      listRuns: async () => [],
      subscribeRun: () => () => undefined,
    } as unknown as JuxtaService;
    const tracker = trackActiveRuns(service, (runId) => {
      const ending = deferred();
      endings.set(runId, ending);
      return ending.promise;
    });
    expect(tracker.service.listRuns).toBe(service.listRuns);
    expect(tracker.service.subscribeRun).toBe(service.subscribeRun);

    const input = { prompt: 'hi', targets: [{ connectionId: 'c', model: 'm' }], params: {} };
    await expect(tracker.service.startRun(input)).resolves.toEqual({ runId: 'run-1', responseIds: ['a'] });
    await tracker.service.startRun(input);
    expect(tracker.count()).toBe(2);

    endings.get('run-1')?.resolve();
    endings.get('run-2')?.reject(new Error('store closed'));
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tracker.count()).toBe(0);
  });

  it('does not count a run that failed to start', async () => {
    const service = { startRun: async () => Promise.reject(new Error('no connection')) } as unknown as JuxtaService;
    const tracker = trackActiveRuns(service, async () => undefined);
    await expect(tracker.service.startRun({ prompt: 'x', targets: [{ connectionId: 'c', model: 'm' }], params: {} })).rejects.toThrow('no connection');
    expect(tracker.count()).toBe(0);
  });
});

describe('quitWhileRunningDialog', () => {
  it('asks with Cancel as the default and says the partial answers are kept', () => {
    const one = quitWhileRunningDialog(1);
    expect(one.buttons[one.defaultId]).toBe('Cancel');
    expect(one.cancelId).toBe(one.defaultId);
    expect(one.message).toBe('A run is still streaming.');
    expect(one.detail).toContain('stops it');
    expect(quitWhileRunningDialog(3)).toMatchObject({ message: '3 runs are still streaming.', detail: expect.stringContaining('marked as stopped') });
  });
});
