import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFtsMatchExpression } from '../../electron/store/fts-query';
import { insertFinishedRun, makeResponse, makeRun, openTempStore, type TempStore } from './store-fixtures';

const hostileInputs = [
  'foo" OR *',
  '-:',
  '"',
  '""',
  '*',
  'NOT',
  'a AND',
  'OR OR',
  '(unclosed',
  'col:value',
  '^start',
  'NEAR(a b, 2)',
  'x + y',
  "'; DROP TABLE runs; --",
  'nul\u0000byte',
  '   ',
  '',
  '🙂',
  '-foo',
  'foo*bar',
];

describe('toFtsMatchExpression', () => {
  it('quotes every term and makes the last one a prefix', () => {
    expect(toFtsMatchExpression('borrow checker')).toBe('"borrow" "checker"*');
    expect(toFtsMatchExpression('say "this"')).toBe('"say" """this"""*');
    expect(toFtsMatchExpression('gpt-4o-mini')).toBe('"gpt-4o-mini"*');
  });

  it('matches a prefix only from three characters (the prefix index)', () => {
    expect(toFtsMatchExpression('ty')).toBe('"ty"');
    expect(toFtsMatchExpression('typ')).toBe('"typ"*');
    expect(toFtsMatchExpression('gpt-4o')).toBe('"gpt-4o"');
    expect(toFtsMatchExpression('café')).toBe('"café"*');
    expect(toFtsMatchExpression('say "hi"')).toBe('"say" """hi"""');
  });

  it('returns null when nothing searchable was typed', () => {
    for (const input of ['', '   ', '-:', '"', '*', '()']) expect(toFtsMatchExpression(input)).toBeNull();
  });

  it('never produces an expression FTS5 rejects', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')");
      db.prepare('INSERT INTO t (body) VALUES (?)').run('foo bar OR baz');
      const select = db.prepare('SELECT rowid FROM t WHERE t MATCH ?');
      for (const input of hostileInputs) {
        const expression = toFtsMatchExpression(input);
        if (expression !== null) expect(() => select.all(expression), input).not.toThrow();
      }
    } finally {
      db.close();
    }
  });
});

describe('listRuns search', () => {
  let temp: TempStore;
  beforeEach(() => {
    temp = openTempStore();
    insertFinishedRun(temp.store, makeRun({ id: 'rust', prompt: 'Explain the borrow checker', createdAt: 3 }), ['Ownership and lifetimes', 'References must not outlive']);
    insertFinishedRun(temp.store, makeRun({ id: 'sql', prompt: 'Write a SQL query for top customers', createdAt: 2 }), ['SELECT name FROM customers', 'Use a window function']);
    insertFinishedRun(temp.store, makeRun({ id: 'cafe', prompt: 'Name a café in Paris', createdAt: 1 }), ['Café de Flore', 'Les Deux Magots']);
  });
  afterEach(() => temp.dispose());

  const ids = (search: string, limit = 10) => temp.store.listRuns({ search, limit }).map((run) => run.id);

  it('matches prompt words and answer words', () => {
    expect(ids('borrow')).toEqual(['rust']);
    expect(ids('lifetimes')).toEqual(['rust']);
    expect(ids('window function')).toEqual(['sql']);
    expect(ids('customers')).toEqual(['sql']);
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('requires every term, matches the last as a prefix, ignores case and accents', () => {
    expect(ids('borrow window')).toEqual([]);
    expect(ids('owner')).toEqual(['rust']);
    expect(ids('CAFE')).toEqual(['cafe']);
    expect(ids('the')).toEqual(['rust']);
  });

  it('pages through matches newest first', () => {
    expect(ids('a')).toEqual(['sql', 'cafe']);
    expect(ids('a', 1)).toEqual(['sql']);
    expect(temp.store.listRuns({ search: 'a', limit: 5, beforeCreatedAt: 2 }).map((run) => run.id)).toEqual(['cafe']);
  });

  it('never throws on hostile input', () => {
    for (const input of hostileInputs) {
      expect(() => temp.store.listRuns({ search: input, limit: 10 }), input).not.toThrow();
    }
    expect(ids('-:')).toEqual(['rust', 'sql', 'cafe']);
    expect(ids('foo" OR *')).toEqual([]);
    expect(ids('"borrow"')).toEqual(['rust']);
  });

  it('indexes a run (prompt and answers) once its responses are final', () => {
    temp.store.insertRun(makeRun({ id: 'live', prompt: 'Stream something', createdAt: 4 }));
    const streaming = makeResponse({ id: 'live-r0', runId: 'live', status: 'streaming', text: 'zebra' });
    temp.store.saveResponse(streaming);
    expect(ids('zebra')).toEqual([]);
    expect(ids('stream')).toEqual([]);
    temp.store.saveResponse({ ...streaming, status: 'done', text: 'zebra crossing' });
    expect(ids('zebra crossing')).toEqual(['live']);
    expect(ids('stream')).toEqual(['live']);
    temp.store.saveResponse({ ...streaming, status: 'done', text: 'giraffe' });
    expect(ids('zebra')).toEqual([]);
    expect(ids('giraffe')).toEqual(['live']);
  });

  it("indexes a run's answers once none of its responses is still streaming", () => {
    temp.store.insertRun(makeRun({ id: 'pair', prompt: 'Two models', createdAt: 7 }));
    const fast = makeResponse({ id: 'pair-r0', runId: 'pair', targetIndex: 0, status: 'pending' });
    const slow = makeResponse({ id: 'pair-r1', runId: 'pair', targetIndex: 1, status: 'pending' });
    temp.store.saveResponse(fast);
    temp.store.saveResponse(slow);
    temp.store.saveResponse({ ...fast, status: 'done', text: 'quick answer' });
    temp.store.saveResponse({ ...slow, status: 'streaming', text: 'deliberate' });
    expect(ids('quick')).toEqual([]);
    temp.store.saveResponse({ ...slow, status: 'error', text: 'deliberate but cut' });
    expect(ids('quick')).toEqual(['pair']);
    expect(ids('deliberate cut')).toEqual(['pair']);
    expect(ids('quick deliberate two')).toEqual(['pair']);
  });

  it('indexes partial text of responses stopped after a crash', () => {
    temp.store.insertRun(makeRun({ id: 'crashed', prompt: 'Long story', createdAt: 5 }));
    temp.store.saveResponse(makeResponse({ id: 'crashed-r0', runId: 'crashed', status: 'streaming', text: 'Once upon a tortoise' }));
    expect(ids('tortoise')).toEqual([]);
    temp.store.markInterruptedResponses();
    expect(ids('tortoise')).toEqual(['crashed']);
  });

  it('keeps one index document per run however often responses are saved', () => {
    temp.store.insertRun(makeRun({ id: 'busy', prompt: 'Busy run', createdAt: 6 }));
    const response = makeResponse({ id: 'busy-r0', runId: 'busy', status: 'streaming' });
    for (let index = 0; index < 200; index += 1) temp.store.saveResponse({ ...response, text: `token ${index}` });
    temp.store.saveResponse({ ...response, status: 'done', text: 'final words' });
    temp.store.saveResponse({ ...response, status: 'done', text: 'final words' });
    temp.store.close();
    const db = new BetterSqlite3(temp.path);
    try {
      // One document per run; the 200 streaming saves never reached the index.
      expect(db.prepare("SELECT count(*) FROM run_search WHERE run_search MATCH 'token'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM run_search').pluck().get()).toBe(4);
      db.exec('DELETE FROM runs WHERE id = \'busy\'');
      expect(db.prepare('SELECT count(*) FROM run_search').pluck().get()).toBe(3);
      expect(db.prepare("SELECT count(*) FROM run_search WHERE run_search MATCH 'final'").pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM responses WHERE run_id = 'busy'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    temp.reopen();
  });
});
