import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/records';
import type { RunEvent } from '../../shared/run-events';
import { applyRunEvents, createPendingRunView } from '../../renderer/src/state/run-view';
import { pendingResponseRecord } from '../../shared/response-record';
import { keepColumnOrder, mergedContinuationView } from '../../renderer/src/tools/merged-view';
import { describeToolCall, prettyArguments } from '../../renderer/src/tools/tool-call-view';

const targets = [
  { connectionId: 'c1', model: 'sim/a' },
  { connectionId: 'c1', model: 'sim/b' },
  { connectionId: 'c1', model: 'sim/c' },
];

describe('tool call view', () => {
  it('pretty-prints complete arguments and keeps partial ones raw', () => {
    expect(prettyArguments('{"city":"Paris"}')).toBe('{\n  "city": "Paris"\n}');
    expect(prettyArguments('{"city":"Par')).toBe('{"city":"Par');
    expect(prettyArguments('')).toBe('{}');
  });

  it('reads the engine’s validation', () => {
    const call = { index: 0, id: 'call_1', name: 'get_weather', arguments: '{}' };
    expect(describeToolCall(call)).toEqual({ valid: null, badge: null, errors: [] });
    expect(describeToolCall({ ...call, validation: { validJson: false, schemaErrors: [] } })).toMatchObject({ valid: false, badge: 'invalid JSON' });
    expect(describeToolCall({ ...call, validation: { validJson: true, schemaErrors: ['/city: must be string', '/unit: must be equal to one of the allowed values'] } })).toEqual({
      valid: false,
      badge: 'schema: /city',
      errors: ['/city: must be string', '/unit: must be equal to one of the allowed values'],
    });
    expect(describeToolCall({ ...call, validation: { validJson: true, schemaErrors: [] } })).toMatchObject({ valid: true, badge: 'valid' });
  });
});

describe('continuation shown in place', () => {
  const first = createPendingRunView('run-1', ['r1', 'r2', 'r3'], targets, 1000);
  const continuation: RunRecord = { id: 'run-2', prompt: 'more', systemPrompt: null, params: {}, targets: [targets[1]!], createdAt: 2000 };

  it('puts the new response in the continued column and keeps the others', () => {
    const view = mergedContinuationView(first, continuation, [{ previousId: 'r2', responseId: 'n2', target: targets[1]!, targetIndex: 0 }]);
    expect(view.runId).toBe('run-2');
    expect(view.order).toEqual(['r1', 'n2', 'r3']);
    expect(Object.keys(view.responses).sort()).toEqual(['n2', 'r1', 'r3']);
    expect(view.responses.n2).toMatchObject({ status: 'pending', runId: 'run-2', targetIndex: 0, modelAsked: 'sim/b' });
    expect(view.finished).toBe(false);
  });

  it('keeps the column order when the continuation’s snapshot sorts by its own target index', () => {
    const view = mergedContinuationView(first, continuation, [{ previousId: 'r2', responseId: 'n2', target: targets[1]!, targetIndex: 0 }]);
    const snapshot: RunEvent = { type: 'run-snapshot', runId: 'run-2', responses: [{ ...pendingResponseRecord('n2', 'run-2', 0, targets[1]!), status: 'streaming' }], finished: false };
    const sorted = applyRunEvents(view, [snapshot]);
    expect(sorted.order[0]).toBe('n2');
    expect(keepColumnOrder(view, sorted).order).toEqual(['r1', 'n2', 'r3']);
  });

  it('lets a real reorder through (different responses)', () => {
    const other = createPendingRunView('run-3', ['x1'], [targets[0]!], 3000);
    expect(keepColumnOrder(first, other)).toBe(other);
  });
});

describe('run warnings', () => {
  it('files each warning under its column’s response id', async () => {
    const { recordRunStarted, useToolsRunStore } = await import('../../renderer/src/tools/tools-run-store');
    const run: RunRecord = { id: 'run-9', prompt: 'p', systemPrompt: null, params: {}, targets, createdAt: 1 };
    recordRunStarted(run, ['a', 'b', 'c'], [{ targetIndex: 2, model: 'sim/c', kind: 'tools', message: 'sim/c: no tools' }]);
    const state = useToolsRunStore.getState();
    expect(state.runs['run-9']).toBe(run);
    expect(state.warnings).toEqual({ c: [{ targetIndex: 2, model: 'sim/c', kind: 'tools', message: 'sim/c: no tools' }] });
  });
});
