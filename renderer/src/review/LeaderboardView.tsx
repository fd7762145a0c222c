// The leaderboard over the user's own blind votes: win rate and a Bradley-Terry score with its 95% interval.
import { useEffect, useState } from 'react';
import type { Leaderboard } from '../../../shared/review-records';
import type { JuxtaError } from '../../../shared/result';
import { ErrorDetails } from '../components/ResponseParts';
import { api } from '../transport';
import { formatScore, formatWinRate } from './leaderboard-format';
import { toggleLeaderboard } from './review-actions';
import './review.css';

export function LeaderboardView() {
  const [tag, setTag] = useState('');
  const [excludeIdentityFlagged, setExclude] = useState(false);
  const [state, setState] = useState<{ board: Leaderboard | null; error: JuxtaError | null; loading: boolean }>({ board: null, error: null, loading: true });

  useEffect(() => {
    let current = true;
    void api.getLeaderboard({ tag: tag || undefined, excludeIdentityFlagged }).then((result) => {
      if (!current) return;
      setState(result.ok ? { board: result.value, error: null, loading: false } : { board: null, error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [tag, excludeIdentityFlagged]);

  const { board, error, loading } = state;
  // Keep the chosen tag in the list even when it has no counted vote under the current filter.
  const tags = board ? [...new Set([...board.tags, ...(tag ? [tag] : [])])].sort() : [];
  const groups = new Set(board?.entries.map((entry) => entry.group)).size;
  return (
    <section className="leaderboard" aria-label="Leaderboard" data-testid="leaderboard-view" aria-busy={loading}>
      <div className="leaderboard-head">
        <h2>Leaderboard</h2>
        <span className="muted small">From your blind votes{board ? `: ${board.countedVotes} counted, ${board.voidedVotes} voided` : ''}</span>
        <div className="spacer" />
        <label className="small">
          Tag{' '}
          <select className="select" value={tag} onChange={(event) => setTag(event.target.value)} data-testid="leaderboard-tag">
            <option value="">All runs</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle small" title={board ? `${board.identityFlaggedVotes} counted votes had an answer naming a model or vendor` : undefined}>
          <input type="checkbox" checked={excludeIdentityFlagged} onChange={(event) => setExclude(event.target.checked)} data-testid="leaderboard-exclude-flagged" />
          Leave out votes where an answer named its model
        </label>
        <button type="button" className="button ghost small" onClick={toggleLeaderboard} aria-label="Close the leaderboard">
          ✕
        </button>
      </div>
      {error && <ErrorDetails error={error} />}
      {board && board.entries.length === 0 && (
        <p className="muted leaderboard-empty">No votes yet. Open a finished run with two answers or more and choose “Blind review”.</p>
      )}
      {board && board.entries.length > 0 && (
        <table className="data-table leaderboard-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Model</th>
              <th className="numeric">Votes</th>
              <th className="numeric" title="Wins / losses / ties (both-bad counts as a tie)">
                W / L / T
              </th>
              <th className="numeric" title="(wins + ties / 2) / votes">
                Win rate
              </th>
              <th className="numeric" title={board.method}>
                Score (95% CI)
              </th>
              {groups > 1 && <th title="Scores compare only within a group of models linked by votes">Group</th>}
            </tr>
          </thead>
          <tbody>
            {board.entries.map((entry, index) => {
              const { score, interval } = formatScore(entry);
              return (
                <tr key={entry.model} data-testid="leaderboard-row" data-model={entry.model}>
                  <td className="muted">{index + 1}</td>
                  <td className="mono">{entry.model}</td>
                  <td className="numeric" data-testid="leaderboard-votes">
                    {entry.votes}
                  </td>
                  <td className="numeric">
                    {entry.wins} / {entry.losses} / {entry.ties}
                    {entry.bothBad > 0 && <span className="muted" title="Ties that were both bad"> ({entry.bothBad} bad)</span>}
                  </td>
                  <td className="numeric">{formatWinRate(entry)}</td>
                  <td className="numeric">
                    <strong>{score}</strong> <span className="muted small">{interval}</span>
                  </td>
                  {groups > 1 && <td className="muted">{entry.group}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {board && <p className="muted small leaderboard-method">{board.method}</p>}
    </section>
  );
}
