// Splits streamed Markdown into blocks so finished blocks are parsed once and only the growing
// tail is re-parsed per frame. A block ends at a blank line outside a code fence, when the next
// line starts at column 0: an indented next line continues a list item or an indented code block.

const fencePattern = /^\s*(`{3,}|~{3,})/;

interface OpenFence {
  marker: string;
  length: number;
}

function openingFence(line: string): OpenFence | null {
  const match = fencePattern.exec(line);
  if (!match?.[1]) return null;
  const run = match[1];
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (run[0] === '`' && line.slice(match[0].length).includes('`')) return null;
  return { marker: run[0] ?? '`', length: run.length };
}

function closesFence(line: string, fence: OpenFence): boolean {
  const trimmed = line.trim();
  if (trimmed.length < fence.length) return false;
  for (const character of trimmed) if (character !== fence.marker) return false;
  return true;
}

function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/**
 * Scans `text` from `start` (which must be a block start, hence outside any fence) and returns the
 * offsets where new blocks begin. Only the tail after the last offset can still change.
 */
export function findBlockStarts(text: string, start: number): number[] {
  const starts: number[] = [];
  let fence: OpenFence | null = null;
  let afterBlank = false;
  let hasContent = false;
  let position = start;
  while (position < text.length) {
    const newline = text.indexOf('\n', position);
    const complete = newline !== -1;
    const end = complete ? newline : text.length;
    const line = text.slice(position, end);
    if (fence) {
      if (complete && closesFence(line, fence)) fence = null;
    } else if (isBlank(line)) {
      // An unfinished whitespace-only line may still turn into an indented continuation.
      if (complete && hasContent) afterBlank = true;
    } else {
      const first = line[0];
      if (afterBlank && first !== ' ' && first !== '\t') starts.push(position);
      afterBlank = false;
      hasContent = true;
      if (complete) fence = openingFence(line);
    }
    if (!complete) break;
    position = newline + 1;
  }
  return starts;
}

export interface SplitMarkdown {
  /** Blocks that can no longer change, in order. */
  finished: readonly string[];
  /** The last block, still growing while the stream runs ('' when there is none). */
  tail: string;
}

/** One-shot split (used for finished answers and in tests). */
export function splitMarkdownBlocks(text: string): SplitMarkdown {
  const starts = findBlockStarts(text, 0);
  const finished: string[] = [];
  let previous = 0;
  for (const start of starts) {
    finished.push(text.slice(previous, start));
    previous = start;
  }
  return { finished, tail: text.slice(previous) };
}

/**
 * Incremental splitter for append-only text: each update rescans only the tail block,
 * so the cost per frame follows the size of the last block, not of the whole answer.
 */
export class IncrementalBlockSplitter {
  private source = '';
  private tailStart = 0;
  private finished: string[] = [];

  update(text: string): SplitMarkdown {
    if (!text.startsWith(this.source)) {
      // Not an append (a new attempt restarted the answer): start over.
      this.source = '';
      this.tailStart = 0;
      this.finished = [];
    }
    if (text.length !== this.source.length) {
      const starts = findBlockStarts(text, this.tailStart);
      if (starts.length > 0) {
        const finished = this.finished.slice();
        let previous = this.tailStart;
        for (const start of starts) {
          finished.push(text.slice(previous, start));
          previous = start;
        }
        this.finished = finished;
        this.tailStart = previous;
      }
      this.source = text;
    }
    return { finished: this.finished, tail: text.slice(this.tailStart) };
  }
}

export interface OpenCodeBlock {
  language: string;
  code: string;
}

/**
 * When the growing tail is exactly one fenced code block not closed yet, its language and code:
 * the view then appends text to a <pre> instead of re-parsing Markdown every frame.
 */
export function openCodeBlock(tail: string): OpenCodeBlock | null {
  const firstNewline = tail.indexOf('\n');
  if (firstNewline === -1) return null;
  const firstLine = tail.slice(0, firstNewline);
  if (/^ {4}/.test(firstLine)) return null;
  const fence = openingFence(firstLine);
  if (!fence) return null;
  const body = tail.slice(firstNewline + 1);
  const lines = body.split('\n');
  // Complete lines only: a closing fence ends the block (then the general path renders it).
  for (let index = 0; index < lines.length - 1; index++) if (closesFence(lines[index] ?? '', fence)) return null;
  const last = lines[lines.length - 1] ?? '';
  // An unfinished last line that may be becoming the closing fence is held back.
  const lastIsFencePrefix = last.trim().length > 0 && [...last.trim()].every((character) => character === fence.marker);
  const code = lastIsFencePrefix ? lines.slice(0, -1).join('\n') : body;
  const info = firstLine.trim().slice(fence.length).trim();
  return { language: info.split(/\s+/)[0] ?? '', code };
}
