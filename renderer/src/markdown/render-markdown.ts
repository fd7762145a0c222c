// Markdown to sanitised HTML. Raw HTML in an answer is shown as text (it is part of what the model
// said), images become links (no remote loads), links open outside the app.
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { escapeHtml, highlightCode } from './highlight';
import { setQueuedRenderer } from './highlight-queue';

function createMarked(highlight: boolean): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      code({ text, lang }: Tokens.Code) {
        const language = (lang ?? '').trim().split(/\s+/)[0] ?? '';
        const body = highlight ? highlightCode(text, language.toLowerCase()) : escapeHtml(text);
        const label = language ? `<span class="code-language">${escapeHtml(language)}</span>` : '<span></span>';
        return (
          `<div class="code-block"><div class="code-head">${label}` +
          `<button type="button" class="code-copy" data-copy-code>Copy</button></div>` +
          `<pre><code class="hljs">${body}</code></pre></div>`
        );
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      image({ href, text }: Tokens.Image) {
        return `<a href="${escapeHtml(href)}" class="image-link">[image: ${escapeHtml(text || href)}]</a>`;
      },
    },
  });
}

const highlighted = createMarked(true);
const plain = createMarked(false);

const allowedLink = /^(https?:|mailto:)/i;

function guardLinks(node: Element): void {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (!allowedLink.test(href)) {
    // Relative or script links would navigate the app itself.
    node.removeAttribute('href');
    return;
  }
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
  node.setAttribute('title', href);
}

const purifyConfig = {
  FORBID_TAGS: ['style', 'img', 'form', 'iframe', 'video', 'audio', 'source', 'picture', 'object', 'embed'],
  FORBID_ATTR: ['style'],
  ADD_ATTR: ['target'],
};

// Each instance is configured once: passing a config per call makes DOMPurify re-parse it, which
// at 8 streams x 60 frames a second is a measurable share of the frame.
const toString = DOMPurify(window);
toString.setConfig(purifyConfig);
toString.addHook('afterSanitizeAttributes', guardLinks);
const toFragment = DOMPurify(window);
toFragment.setConfig({ ...purifyConfig, RETURN_DOM_FRAGMENT: true });
toFragment.addHook('afterSanitizeAttributes', guardLinks);

/** The growing tail as nodes: one HTML parse instead of two (sanitise to a string, then innerHTML). */
export function renderMarkdownFragment(source: string): DocumentFragment {
  return toFragment.sanitize(plain.parse(source, { async: false })) as unknown as DocumentFragment;
}

export function renderMarkdown(source: string, highlight: boolean): string {
  return toString.sanitize((highlight ? highlighted : plain).parse(source, { async: false })) as unknown as string;
}

// Finished blocks never change: render each distinct one once (shared across columns).
const finishedCache = new Map<string, string>();
const finishedCacheLimit = 4000;

function remember(source: string, html: string): string {
  finishedCache.set(source, html);
  if (finishedCache.size > finishedCacheLimit) {
    const oldest = finishedCache.keys().next().value;
    if (oldest !== undefined) finishedCache.delete(oldest);
  }
  return html;
}

/** Highlighted HTML of a finished block if it was rendered before. */
export function cachedFinishedBlock(source: string): string | undefined {
  const cached = finishedCache.get(source);
  if (cached !== undefined) {
    finishedCache.delete(source);
    finishedCache.set(source, cached);
  }
  return cached;
}

export function renderFinishedBlock(source: string): string {
  return cachedFinishedBlock(source) ?? remember(source, renderMarkdown(source, true));
}

/** Code blocks are the only thing highlighting changes (a fenced or an indented one). */
export function hasCode(source: string): boolean {
  return source.includes('```') || source.includes('~~~') || /(^|\n)( {4}|\t)\S/.test(source);
}

setQueuedRenderer(renderFinishedBlock);
