// Multi-turn in a column: the earlier turns (compact) above the latest answer, and below it a Continue
// input, or one result input per tool call when the model stopped to call tools. "Follow up all" sits
// above the columns.
import { useState, type FormEvent } from 'react';
import type { ConversationMessage, ResponseRecord, RunRecord } from '../../../shared/records';
import { useRunStore } from '../state/run-store';
import { isTerminal } from '../state/run-view';
import { ToolCallItem } from './ColumnToolParts';
import { continueColumn, followUpAll } from './continue-actions';
import { useToolsRunStore } from './tools-run-store';

function useRunOf(response: ResponseRecord): RunRecord | null {
  const started = useToolsRunStore((state) => state.runs[response.runId]);
  const onScreen = useRunStore((state) => (state.view?.run?.id === response.runId ? state.view.run : null));
  return started ?? onScreen;
}

function toolResultsIn(messages: readonly ConversationMessage[]): Map<string, string> {
  const results = new Map<string, string>();
  for (const message of messages) if (message.role === 'tool') results.set(message.toolCallId, message.content);
  return results;
}

function EarlierTurn({ response, results, turn }: { response: ResponseRecord; results: Map<string, string>; turn: number }) {
  const run = useToolsRunStore((state) => state.runs[response.runId]);
  return (
    <div className="turn" data-testid="column-turn">
      <span className="turn-label">Turn {turn}</span>
      {run && run.prompt.trim() !== '' && <p className="turn-user">You: {run.prompt}</p>}
      {response.toolCalls.map((call) => (
        <div key={call.index}>
          <ToolCallItem call={call} />
          {call.id && results.has(call.id) && <p className="turn-result">↳ {results.get(call.id)}</p>}
        </div>
      ))}
      {response.text !== '' && <p className="turn-answer">{response.text}</p>}
      {response.status !== 'done' && <span className="muted small">({response.status})</span>}
    </div>
  );
}

/** A stored conversation (a continuation reopened from history): its messages, compact. */
function StoredMessages({ messages }: { messages: readonly ConversationMessage[] }) {
  return (
    <>
      {messages.map((message, index) => (
        <p key={index} className={message.role === 'user' ? 'turn-user' : message.role === 'tool' ? 'turn-result' : 'turn-answer'}>
          {message.role === 'user' && `You: ${message.content}`}
          {message.role === 'tool' && `↳ ${message.content}`}
          {message.role === 'assistant' &&
            [message.content ?? '', ...(message.toolCalls ?? []).map((call) => `ƒ ${call.name}(${call.arguments})`)].filter(Boolean).join('\n')}
        </p>
      ))}
    </>
  );
}

export function EarlierTurns({ response }: { response: ResponseRecord }) {
  const earlier = useToolsRunStore((state) => state.earlier[response.id]);
  const run = useRunOf(response);
  const messages = run?.targets[response.targetIndex]?.messages ?? [];
  if (!earlier?.length && messages.length === 0) return null;
  const results = toolResultsIn(messages);
  return (
    <div className="turns" aria-label="Earlier turns">
      {earlier?.length ? earlier.map((turn, index) => <EarlierTurn key={turn.id} response={turn} results={results} turn={index + 1} />) : <StoredMessages messages={messages} />}
      {run && run.prompt.trim() !== '' && (
        <div className="turn">
          <span className="turn-label">Turn {(earlier?.length ?? 0) + 1}</span>
          <p className="turn-user">You: {run.prompt}</p>
        </div>
      )}
    </div>
  );
}

export function ColumnContinue({ response }: { response: ResponseRecord }) {
  const finished = useRunStore((state) => state.view?.finished ?? false);
  const run = useRunOf(response);
  const error = useToolsRunStore((state) => state.continueErrors[response.id]);
  const busy = useToolsRunStore((state) => Boolean(state.continuing[response.id]));
  const [text, setText] = useState('');
  const [results, setResults] = useState<Record<string, string>>({});
  if (!finished || !isTerminal(response) || !run) return null;
  const calls = response.toolCalls.filter((call) => call.id !== null);
  const answeringTools = calls.length > 0 && response.status === 'done';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answeringTools) void continueColumn(response.id, text, Object.fromEntries(calls.map((call) => [call.id!, results[call.id!] ?? ''])));
    else void continueColumn(response.id, text);
  };

  return (
    <div className="column-continue">
      <form onSubmit={submit}>
        {answeringTools &&
          calls.map((call) => (
            <label key={call.id} className="tool-result-row">
              <span className="muted">
                Result of <span className="mono">{call.name}</span>
              </span>
              <input
                className="input mono"
                value={results[call.id!] ?? ''}
                placeholder='e.g. {"temperature": 18}'
                onChange={(event) => setResults({ ...results, [call.id!]: event.target.value })}
                data-testid="tool-result-input"
                data-name={call.name}
              />
            </label>
          ))}
        <div className="row gap">
          <input
            className="input"
            value={text}
            placeholder={answeringTools ? 'Optional message with the results' : `Continue with ${response.modelAsked}…`}
            aria-label={`Follow-up for ${response.modelAsked}`}
            onChange={(event) => setText(event.target.value)}
            data-testid="column-continue"
          />
          <button type="submit" className="button small" disabled={busy}>
            {answeringTools ? 'Send results' : 'Send'}
          </button>
        </div>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function FollowUpAll() {
  const finished = useRunStore((state) => state.view?.finished ?? false);
  const error = useToolsRunStore((state) => state.continueErrors.all);
  const busy = useToolsRunStore((state) => Boolean(state.continuing.all));
  const scenario = useToolsRunStore((state) => state.scenario);
  const [text, setText] = useState('');
  if (!finished && scenario.status !== 'running') return null;
  return (
    <div className="follow-up-all">
      {scenario.status !== 'idle' && (
        <span className={`small nowrap${scenario.status === 'failed' ? ' text-danger' : ''}`} role="status" data-testid="scenario-status" data-status={scenario.status}>
          {scenario.status === 'running' ? `Tool scenario: step ${scenario.step} of ${scenario.maxSteps}…` : `Tool scenario: ${scenario.message ?? scenario.status}`}
        </span>
      )}
      {scenario.status !== 'running' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void followUpAll(text).then((runId) => runId && setText(''));
          }}
        >
          <input
            className="input"
            value={text}
            placeholder="Follow up all: one message to every column, each in its own conversation"
            aria-label="Follow-up for every column"
            onChange={(event) => setText(event.target.value)}
            data-testid="follow-up-all"
          />
          <button type="submit" className="button small" disabled={busy}>
            Send to all
          </button>
        </form>
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
