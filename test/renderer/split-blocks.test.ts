import { describe, expect, it } from 'vitest';
import { IncrementalBlockSplitter, openCodeBlock, splitMarkdownBlocks } from '../../renderer/src/markdown/split-blocks';

describe('splitMarkdownBlocks', () => {
  it('splits paragraphs at blank lines and keeps the last block as the growing tail', () => {
    const result = splitMarkdownBlocks('# Title\n\nFirst paragraph.\n\nSecond');
    expect(result.finished).toEqual(['# Title\n\n', 'First paragraph.\n\n']);
    expect(result.tail).toBe('Second');
  });

  it('joins back to the original text', () => {
    const text = 'a\n\nb\n\n\n\nc\n```js\nx\n\ny\n```\n\nd';
    const { finished, tail } = splitMarkdownBlocks(text);
    expect(finished.join('') + tail).toBe(text);
  });

  it('never splits inside a code fence, even across blank lines', () => {
    const text = 'Intro\n\n```python\ndef f():\n\n    return 1\n```\n\nAfter';
    const { finished, tail } = splitMarkdownBlocks(text);
    expect(finished).toEqual(['Intro\n\n', '```python\ndef f():\n\n    return 1\n```\n\n']);
    expect(tail).toBe('After');
  });

  it('keeps an unclosed fence in the tail', () => {
    const { finished, tail } = splitMarkdownBlocks('Intro\n\n```\ncode\n\nmore code');
    expect(finished).toEqual(['Intro\n\n']);
    expect(tail).toBe('```\ncode\n\nmore code');
  });

  it('handles tilde fences and longer closing runs, not shorter ones', () => {
    const text = '~~~~\na\n\n~~~\nstill code\n\n~~~~~\n\nout';
    const { finished, tail } = splitMarkdownBlocks(text);
    expect(finished).toEqual(['~~~~\na\n\n~~~\nstill code\n\n~~~~~\n\n']);
    expect(tail).toBe('out');
  });

  it('does not treat a backtick line with backticks in its info string as a fence', () => {
    const { finished } = splitMarkdownBlocks('``` a ` b\n\nnext');
    expect(finished).toEqual(['``` a ` b\n\n']);
  });

  it('keeps indented continuations (loose list items, indented code) in the same block', () => {
    const text = '1. Step one\n\n   More about step one\n\n2. Step two';
    const { finished, tail } = splitMarkdownBlocks(text);
    expect(finished).toEqual(['1. Step one\n\n   More about step one\n\n']);
    expect(tail).toBe('2. Step two');
  });

  it('does not split on a trailing blank line until the next block begins', () => {
    expect(splitMarkdownBlocks('para\n\n').finished).toEqual([]);
    expect(splitMarkdownBlocks('para\n\n  ').finished).toEqual([]);
  });

  it('does not split on leading blank lines', () => {
    expect(splitMarkdownBlocks('\n\nfirst').finished).toEqual([]);
  });
});

describe('IncrementalBlockSplitter', () => {
  it('gives the same blocks as a one-shot split, whatever the chunking', () => {
    const text =
      '# Plan\n\nSome text with `code`.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n- item\n\n  continued\n- item 2\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEnd.';
    for (const chunkSize of [1, 2, 3, 7, 16, 1000]) {
      const splitter = new IncrementalBlockSplitter();
      let streamed = '';
      let result = splitter.update('');
      for (let index = 0; index < text.length; index += chunkSize) {
        streamed += text.slice(index, index + chunkSize);
        result = splitter.update(streamed);
        expect(result.finished.join('') + result.tail).toBe(streamed);
      }
      expect(result).toEqual(splitMarkdownBlocks(text));
    }
  });

  it('keeps the finished array identity while only the tail grows', () => {
    const splitter = new IncrementalBlockSplitter();
    const first = splitter.update('a\n\nb');
    const second = splitter.update('a\n\nbc');
    expect(second.finished).toBe(first.finished);
    expect(second.tail).toBe('bc');
  });

  it('starts over when the text is not an append (a retry restarted the answer)', () => {
    const splitter = new IncrementalBlockSplitter();
    splitter.update('old\n\nanswer');
    const result = splitter.update('new');
    expect(result.finished).toEqual([]);
    expect(result.tail).toBe('new');
  });
});

describe('openCodeBlock', () => {
  it('recognises a tail that is one unclosed fenced block', () => {
    expect(openCodeBlock('```python title="x"\ndef f():\n    return 1')).toEqual({ language: 'python', code: 'def f():\n    return 1' });
    expect(openCodeBlock('~~~\nplain\n')).toEqual({ language: '', code: 'plain\n' });
  });

  it('is null once the fence is closed, or for other blocks', () => {
    expect(openCodeBlock('```js\nx\n```\n')).toBeNull();
    expect(openCodeBlock('Some text\n```js\nx')).toBeNull();
    expect(openCodeBlock('```js')).toBeNull();
    expect(openCodeBlock('    ```js\nindented code')).toBeNull();
  });

  it('holds back a last line that may be the closing fence arriving', () => {
    expect(openCodeBlock('```js\nconst a = 1;\n``')).toEqual({ language: 'js', code: 'const a = 1;' });
    expect(openCodeBlock('```js\nx\n```')).toEqual({ language: 'js', code: 'x' });
  });
});
