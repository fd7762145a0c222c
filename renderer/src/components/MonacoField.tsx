// A Monaco editor bound to a string: Markdown, word wrap, theme follows the app.
// Monaco arrives lazily; until then the field shows a quiet placeholder of the same size.
import { useEffect, useRef, useState } from 'react';
import type { editor as MonacoEditorNamespace } from 'monaco-editor/editor';
import { loadMonaco } from '../editor/load-monaco';
import type { Monaco } from '../editor/monaco-setup';
import type { ResolvedTheme } from '../hooks/use-theme';
import { jsonSyntaxError } from '../editor/json-syntax';

export interface MonacoFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit(): void;
  ariaLabel: string;
  placeholder: string;
  theme: ResolvedTheme;
  testId?: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
  autoFocus?: boolean;
  /** Default markdown; json gets Monaco's JSON language (syntax errors marked inline, folding). */
  language?: 'markdown' | 'json';
}

const monoFont = 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace';

export function MonacoField(props: MonacoFieldProps) {
  const { id, value, onChange, onSubmit, ariaLabel, placeholder, theme, testId, invalid, describedBy, className, autoFocus, language = 'markdown' } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditorNamespace.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  // Latest callbacks and value without recreating the editor.
  const latest = useRef({ onChange, onSubmit, value });
  useEffect(() => {
    latest.current = { onChange, onSubmit, value };
  });

  useEffect(() => {
    let disposed = false;
    loadMonaco().then(
      (monaco) => {
        if (disposed || !hostRef.current) return;
        monacoRef.current = monaco;
        const editor = monaco.editor.create(hostRef.current, {
          value: latest.current.value,
          language,
          theme: theme === 'dark' ? 'juxta-dark' : 'juxta-light',
          ariaLabel,
          placeholder,
          wordWrap: 'on',
          wrappingIndent: 'same',
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: 6,
          lineNumbersMinChars: 0,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          overviewRulerBorder: false,
          hideCursorInOverviewRuler: true,
          scrollBeyondLastLine: false,
          scrollbar: { vertical: 'auto', horizontal: 'hidden', alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8 },
          fontFamily: monoFont,
          fontSize: 13,
          lineHeight: 19,
          padding: { top: 6, bottom: 6 },
          automaticLayout: true,
          quickSuggestions: false,
          suggestOnTriggerCharacters: false,
          wordBasedSuggestions: 'off',
          unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
          occurrencesHighlight: 'off',
          selectionHighlight: false,
          renderWhitespace: 'none',
          guides: { indentation: false },
          stickyScroll: { enabled: false },
          tabSize: 2,
          fixedOverflowWidgets: true,
        });
        editorRef.current = editor;
        editor.onDidChangeModelContent(() => {
          const next = editor.getValue();
          if (next !== latest.current.value) latest.current.onChange(next);
        });
        // An editor-scoped action (addCommand is global to all editors on the page).
        editor.addAction({
          id: `juxta.run.${id}`,
          label: 'Run on all models',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => latest.current.onSubmit(),
        });
        // Monaco arrives late: take focus only if the user has not started somewhere else meanwhile.
        if (autoFocus && (document.activeElement === null || document.activeElement === document.body)) editor.focus();
        setReady(true);
      },
      (error: unknown) => {
        if (!disposed) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      disposed = true;
      editorRef.current?.getModel()?.dispose();
      editorRef.current?.dispose();
      editorRef.current = null;
    };
    // The editor is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Outside changes (reopening a run from history) replace the text.
  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== value) editor.setValue(value);
  }, [value, ready]);

  // JSON fields: the syntax error marked where it is (a squiggle with the parser's message on hover).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    const monaco = monacoRef.current;
    if (!model || !monaco || language !== 'json') return;
    const error = value.trim() === '' ? null : jsonSyntaxError(value);
    const markers = error
      ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: error.column, endLineNumber: error.line, endColumn: error.column + 1 }]
      : [];
    monaco.editor.setModelMarkers(model, 'juxta-json', markers);
  }, [value, ready, language]);

  useEffect(() => {
    monacoRef.current?.editor.setTheme(theme === 'dark' ? 'juxta-dark' : 'juxta-light');
  }, [theme, ready]);

  return (
    <div
      className={`monaco-field${invalid ? ' invalid' : ''}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      aria-describedby={describedBy}
      id={id}
    >
      <div ref={hostRef} className="monaco-host" />
      {!ready && (
        <div className="monaco-loading" aria-hidden="true">
          {failed ? `Editor failed to load: ${failed}` : placeholder}
        </div>
      )}
    </div>
  );
}
