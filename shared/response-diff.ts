// Comparing two answers: a word-level diff (jsdiff), a structural diff when both are JSON, and the
// deltas of length, tokens, cost and latency. Pure (no Node, no DOM): the renderer may use it too.
import { diffWordsWithSpace } from 'diff';
import type { ResponseRecord } from './records';

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A JSON value at path ("$", "$.user.name", "$.items[2]", '$["odd key"]') that differs between a and b. */
export interface JsonChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** Absent for added. */
  before?: unknown;
  /** Absent for removed. */
  after?: unknown;
}

/** b minus a; null when either side is unknown. */
export interface Delta {
  a: number | null;
  b: number | null;
  delta: number | null;
}

export interface ResponseDeltas {
  characters: Delta;
  words: Delta;
  promptTokens: Delta;
  completionTokens: Delta;
  costUsd: Delta;
  ttftMs: Delta;
  totalMs: Delta;
}

export interface ResponseDiffParts {
  /** Segments in order: joining same + removed gives a's text, same + added gives b's. */
  words: DiffSegment[];
  /** Present when both answers parse as a JSON object or array (a ```json fence around it is allowed); [] when equal. */
  json: JsonChange[] | null;
  deltas: ResponseDeltas;
}

/** Word-level diff; whitespace is kept in the segments so the texts can be rebuilt exactly. */
export function wordDiff(a: string, b: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const change of diffWordsWithSpace(a, b)) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = segments.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else segments.push({ kind, text: change.value });
  }
  return segments;
}

const fencedJson = /^```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/** The JSON object or array an answer consists of (alone or in one code fence), else undefined. */
export function parseJsonAnswer(text: string): unknown {
  const trimmed = text.trim();
  const body = (fencedJson.exec(trimmed)?.[1] ?? trimmed).trim();
  if (!body.startsWith('{') && !body.startsWith('[')) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return plainKey.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectChanges(before: unknown, after: unknown, path: string, changes: JsonChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    // Arrays compare by position: an insertion shows as changes after it plus one added at the end.
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++) {
      if (index >= after.length) changes.push({ path: childPath(path, index), kind: 'removed', before: before[index] });
      else if (index >= before.length) changes.push({ path: childPath(path, index), kind: 'added', after: after[index] });
      else collectChanges(before[index], after[index], childPath(path, index), changes);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) changes.push({ path: childPath(path, key), kind: 'removed', before: before[key] });
      else collectChanges(before[key], after[key], childPath(path, key), changes);
    }
    for (const key of Object.keys(after)) {
      if (!Object.hasOwn(before, key)) changes.push({ path: childPath(path, key), kind: 'added', after: after[key] });
    }
    return;
  }
  // Different types, or two primitives: equal primitives are no change.
  if (before !== after) changes.push({ path, kind: 'changed', before, after });
}

/** Paths added, removed and changed from before to after ([] when equal). Objects by key, arrays by position. */
export function jsonStructureDiff(before: unknown, after: unknown): JsonChange[] {
  const changes: JsonChange[] = [];
  collectChanges(before, after, '$', changes);
  return changes;
}

function delta(a: number | null | undefined, b: number | null | undefined): Delta {
  const left = a ?? null;
  const right = b ?? null;
  return { a: left, b: right, delta: left === null || right === null ? null : right - left };
}

function wordCount(text: string): number {
  const words = text.trim().split(/\s+/u);
  return words[0] === '' ? 0 : words.length;
}

type DiffableResponse = Pick<ResponseRecord, 'text' | 'usage' | 'cost' | 'metrics'>;

export function responseDeltas(a: DiffableResponse, b: DiffableResponse): ResponseDeltas {
  return {
    characters: delta(a.text.length, b.text.length),
    words: delta(wordCount(a.text), wordCount(b.text)),
    promptTokens: delta(a.usage?.promptTokens, b.usage?.promptTokens),
    completionTokens: delta(a.usage?.completionTokens, b.usage?.completionTokens),
    costUsd: delta(a.cost.usd, b.cost.usd),
    ttftMs: delta(a.metrics.ttftMs, b.metrics.ttftMs),
    totalMs: delta(a.metrics.totalMs, b.metrics.totalMs),
  };
}

/** Everything diffResponses returns apart from the two sides' identities. */
export function diffResponseParts(a: DiffableResponse, b: DiffableResponse): ResponseDiffParts {
  const jsonA = parseJsonAnswer(a.text);
  const jsonB = parseJsonAnswer(b.text);
  return {
    words: wordDiff(a.text, b.text),
    json: jsonA === undefined || jsonB === undefined ? null : jsonStructureDiff(jsonA, jsonB),
    deltas: responseDeltas(a, b),
  };
}
