// Loaded lazily (dynamic import) so first paint does not wait for Monaco.
// Only the editor core, the features a prompt editor needs and the Markdown grammar; one worker.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/languages/definitions/markdown/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerJsonLanguage } from './json-language';

// A bundled same-origin worker: no CDN, no blob URLs, allowed by worker-src 'self'.
globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };
registerJsonLanguage(monaco);

const shared = {
  'editor.lineHighlightBackground': '#00000000',
};

monaco.editor.defineTheme('juxta-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { ...shared, 'editor.background': '#12151a', 'editorCursor.foreground': '#7cb4ff', 'editor.selectionBackground': '#2d4a70' },
});
monaco.editor.defineTheme('juxta-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { ...shared, 'editor.background': '#ffffff', 'editorCursor.foreground': '#1f6feb' },
});

export { monaco };
export type Monaco = typeof monaco;
