// Two answers compared: word-level diff side by side, JSON paths that differ, and the deltas.
import { useEffect, useRef, useState } from 'react';
import type { ResponseDiff } from '../../../shared/review-records';
import type { Delta, DiffSegment, JsonChange } from '../../../shared/response-diff';
import type { JuxtaError } from '../../../shared/result';
import { formatDuration, formatUsd } from '../format/metrics';
import { api } from '../transport';
import { ErrorDetails } from '../components/ResponseParts';
import { formatSigned } from './leaderboard-format';
import { useReviewStore } from './review-store';

/** One side of the diff: a's text is same + removed, b's is same + added. */
function DiffText({ segments, side }: { segments: DiffSegment[]; side: 'a' | 'b' }) {
  const hidden = side === 'a' ? 'added' : 'removed';
  return (
    <pre className="diff-text">
      {segments.map((segment, index) =>
        segment.kind === hidden ? null : segment.kind === 'same' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'added' ? (
          <ins key={index} className="diff-added">
            {segment.text}
          </ins>
        ) : (
          <del key={index} className="diff-removed">
            {segment.text}
          </del>
        ),
      )}
    </pre>
  );
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function JsonChanges({ changes }: { changes: JsonChange[] }) {
  if (changes.length === 0) return <p className="muted small">Both answers are the same JSON.</p>;
  return (
    <ul className="json-changes mono small" data-testid="diff-json">
      {changes.map((change) => (
        <li key={`${change.kind}:${change.path}`} className={`json-${change.kind}`}>
          <span className="json-kind">{change.kind}</span> <span className="json-path">{change.path}</span>{' '}
          {change.kind !== 'added' && <del className="diff-removed">{preview(change.before)}</del>}
          {change.kind === 'changed' && ' → '}
          {change.kind !== 'removed' && <ins className="diff-added">{preview(change.after)}</ins>}
        </li>
      ))}
    </ul>
  );
}

type Format = (value: number) => string;
const plain: Format = (value) => String(value);
const rows: { key: keyof ResponseDiff['deltas']; label: string; format: Format }[] = [
  { key: 'characters', label: 'Characters', format: plain },
  { key: 'words', label: 'Words', format: plain },
  { key: 'promptTokens', label: 'Prompt tokens', format: plain },
  { key: 'completionTokens', label: 'Completion tokens', format: plain },
  { key: 'costUsd', label: 'Cost', format: formatUsd },
  { key: 'ttftMs', label: 'Time to first token', format: formatDuration },
  { key: 'totalMs', label: 'Total time', format: formatDuration },
];

function DeltaCell({ delta, format }: { delta: Delta; format: Format }) {
  return (
    <>
      <td>{delta.a === null ? '–' : format(delta.a)}</td>
      <td>{delta.b === null ? '–' : format(delta.b)}</td>
      <td className={delta.delta === null || delta.delta === 0 ? 'muted' : ''}>{formatSigned(delta.delta, format)}</td>
    </>
  );
}

export function DiffDialog({ responseIdA, responseIdB }: { responseIdA: string; responseIdB: string }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<{ diff: ResponseDiff | null; error: JuxtaError | null }>({ diff: null, error: null });

  useEffect(() => {
    dialogRef.current?.showModal();
    let current = true;
    void api.diffResponses({ responseIdA, responseIdB }).then((result) => {
      if (current) setState(result.ok ? { diff: result.value, error: null } : { diff: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [responseIdA, responseIdB]);

  const close = () => useReviewStore.setState({ diffOpen: false });
  const { diff, error } = state;
  const name = (side: ResponseDiff['a']) => side.modelServed && side.modelServed !== side.modelAsked ? `${side.modelAsked} → ${side.modelServed}` : side.modelAsked;
  return (
    <dialog ref={dialogRef} className="dialog diff-dialog" onClose={close} aria-label="Diff of two answers" data-testid="diff-view">
      <div className="dialog-body">
        <div className="dialog-head">
          <h2>Diff</h2>
          <button type="button" className="button ghost small" onClick={close} aria-label="Close the diff">
            ✕
          </button>
        </div>
        {error && <ErrorDetails error={error} />}
        {!diff && !error && <p className="muted">Comparing…</p>}
        {diff && (
          <>
            <div className="diff-columns">
              <section>
                <h3 className="mono small">
                  <span className="diff-removed">A</span> {name(diff.a)}
                </h3>
                <DiffText segments={diff.words} side="a" />
              </section>
              <section>
                <h3 className="mono small">
                  <span className="diff-added">B</span> {name(diff.b)}
                </h3>
                <DiffText segments={diff.words} side="b" />
              </section>
            </div>
            {diff.json && (
              <section>
                <h3 className="small">JSON structure</h3>
                <JsonChanges changes={diff.json} />
              </section>
            )}
            <table className="data-table deltas small" data-testid="diff-deltas">
              <thead>
                <tr>
                  <th />
                  <th>A</th>
                  <th>B</th>
                  <th>B − A</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <DeltaCell delta={diff.deltas[row.key]} format={row.format} />
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </dialog>
  );
}
