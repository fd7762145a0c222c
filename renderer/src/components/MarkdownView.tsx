// Incremental Markdown: finished blocks are rendered once (memoised by content, highlighted),
// only the growing last block is re-parsed per frame, without highlighting.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { queueHighlight } from '../markdown/highlight-queue';
import { IncrementalBlockSplitter, openCodeBlock } from '../markdown/split-blocks';
import { cachedFinishedBlock, hasCode, renderFinishedBlock, renderMarkdown, renderMarkdownFragment } from '../markdown/render-markdown';

interface BlockHtml {
  source: string;
  html: string;
  highlighted: boolean;
}

function initialHtml(source: string): BlockHtml {
  const cached = cachedFinishedBlock(source);
  if (cached !== undefined) return { source, html: cached, highlighted: true };
  if (!hasCode(source)) return { source, html: renderFinishedBlock(source), highlighted: true };
  return { source, html: renderMarkdown(source, false), highlighted: false };
}

// A finished block renders once. With code in it, plain first and highlighted when the browser is idle.
const FinishedBlock = memo(function FinishedBlock({ source }: { source: string }) {
  const [block, setBlock] = useState(() => initialHtml(source));
  let current = block;
  if (block.source !== source) {
    current = initialHtml(source);
    setBlock(current);
  }
  const waiting = !current.highlighted;
  useEffect(() => {
    if (!waiting) return;
    return queueHighlight(source, (html) => setBlock({ source, html, highlighted: true }));
  }, [source, waiting]);
  return <div className="md-block" dangerouslySetInnerHTML={{ __html: current.html }} />;
});

/** The same structure the Markdown renderer gives a code block, built from a text node. */
function createCodeBlock(language: string, code: Text): HTMLElement {
  const block = document.createElement('div');
  block.className = 'code-block';
  const head = document.createElement('div');
  head.className = 'code-head';
  const label = document.createElement('span');
  label.className = 'code-language';
  label.textContent = language;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'code-copy';
  copy.dataset.copyCode = '';
  copy.textContent = 'Copy';
  head.append(label, copy);
  const pre = document.createElement('pre');
  const element = document.createElement('code');
  element.className = 'hljs';
  element.append(code);
  pre.append(element);
  block.append(head, pre);
  return block;
}

interface OpenCode {
  language: string;
  code: string;
  text: Text;
}

// Re-rendered every frame while streaming, outside React's reconciliation: sanitised nodes go
// straight into the DOM, and a code block still open only gets the new characters appended.
const TailBlock = memo(function TailBlock({ source }: { source: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const openCode = useRef<OpenCode | null>(null);
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const block = openCodeBlock(source);
    if (block) {
      const current = openCode.current;
      if (current && current.language === block.language && block.code.startsWith(current.code)) {
        if (block.code.length > current.code.length) current.text.appendData(block.code.slice(current.code.length));
        current.code = block.code;
        return;
      }
      const text = document.createTextNode(block.code);
      container.replaceChildren(createCodeBlock(block.language, text));
      openCode.current = { language: block.language, code: block.code, text };
      return;
    }
    openCode.current = null;
    container.replaceChildren(renderMarkdownFragment(source));
  }, [source]);
  return <div ref={ref} className="md-block md-tail" />;
});

// Finished blocks are grouped in chunks: a full chunk never changes, so React skips it with one
// comparison instead of one per block, and only chunks (not hundreds of blocks) are observed for
// content-visibility.
const chunkSize = 16;

interface ChunkProps {
  blocks: readonly string[];
  start: number;
  end: number;
  settled: boolean;
}

function sameChunk(previous: ChunkProps, next: ChunkProps): boolean {
  if (previous.start !== next.start || previous.end !== next.end || previous.settled !== next.settled) return false;
  if (previous.blocks === next.blocks) return true;
  for (let index = next.start; index < next.end; index++) if (previous.blocks[index] !== next.blocks[index]) return false;
  return true;
}

const BlockChunk = memo(function BlockChunk({ blocks, start, end, settled }: ChunkProps) {
  const children = [];
  for (let index = start; index < end; index++) children.push(<FinishedBlock key={index} source={blocks[index] ?? ''} />);
  // A settled chunk (full, and not the last) may skip layout and paint while off screen; the
  // last one changes height as the answer grows, and a skipped box there would shift the scroll.
  return <div className={settled ? 'md-chunk settled' : 'md-chunk'}>{children}</div>;
}, sameChunk);

export const MarkdownView = memo(function MarkdownView({ text, streaming }: { text: string; streaming: boolean }) {
  const [splitter] = useState(() => new IncrementalBlockSplitter());
  const { finished, tail } = useMemo(() => splitter.update(text), [splitter, text]);
  const chunks = [];
  for (let start = 0; start < finished.length; start += chunkSize) {
    const end = Math.min(finished.length, start + chunkSize);
    const settled = end - start === chunkSize && end + chunkSize <= finished.length;
    chunks.push(<BlockChunk key={start} blocks={finished} start={start} end={end} settled={settled} />);
  }
  return (
    <>
      {chunks}
      {tail !== '' && (streaming ? <TailBlock key="tail" source={tail} /> : <FinishedBlock key="last" source={tail} />)}
    </>
  );
});
