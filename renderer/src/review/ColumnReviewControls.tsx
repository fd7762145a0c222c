// In a column's header: thumbs, 1-5 stars, and the "Compare" tick for the diff.
import { memo } from 'react';
import { rate, toggleCompareAnswer } from './review-actions';
import { useReviewStore } from './review-store';

const stars = [1, 2, 3, 4, 5] as const;

// An SVG, not the emoji: Linux often has no colour emoji font (the emoji then shows as a box).
function ThumbIcon({ down }: { down?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="13" height="13" aria-hidden="true" className={down ? 'thumb-down' : undefined}>
      <path
        fill="currentColor"
        d="M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"
      />
    </svg>
  );
}

export const ColumnReviewControls = memo(function ColumnReviewControls({ responseId, finished }: { responseId: string; finished: boolean }) {
  const rating = useReviewStore((state) => state.ratings[responseId]);
  const compared = useReviewStore((state) => state.compare.includes(responseId));
  const thumb = rating?.thumb ?? null;
  const starCount = rating?.stars ?? 0;
  return (
    <span className="review-controls">
      <span className="rating" role="group" aria-label="Rate this answer">
        <button
          type="button"
          className={`rating-thumb${thumb === 'up' ? ' on' : ''}`}
          aria-pressed={thumb === 'up'}
          aria-label="Thumbs up"
          title="Good answer"
          disabled={!finished}
          onClick={() => void rate(responseId, { thumb: thumb === 'up' ? null : 'up' })}
          data-testid="rating-thumb-up"
        >
          <ThumbIcon />
        </button>
        <button
          type="button"
          className={`rating-thumb${thumb === 'down' ? ' on' : ''}`}
          aria-pressed={thumb === 'down'}
          aria-label="Thumbs down"
          title="Bad answer"
          disabled={!finished}
          onClick={() => void rate(responseId, { thumb: thumb === 'down' ? null : 'down' })}
          data-testid="rating-thumb-down"
        >
          <ThumbIcon down />
        </button>
        {stars.map((star) => (
          <button
            key={star}
            type="button"
            className={`rating-star${star <= starCount ? ' on' : ''}`}
            aria-pressed={star === starCount}
            aria-label={`${star} ${star === 1 ? 'star' : 'stars'}`}
            title={star === starCount ? 'Clear the stars' : `${star} of 5`}
            disabled={!finished}
            // Clicking the current star again clears it.
            onClick={() => void rate(responseId, { stars: star === starCount ? null : star })}
            data-testid={`rating-star-${star}`}
          >
            {star <= starCount ? '★' : '☆'}
          </button>
        ))}
      </span>
      <label className="compare-toggle small" title="Pick two answers to diff them">
        <input type="checkbox" checked={compared} onChange={() => toggleCompareAnswer(responseId)} disabled={!finished} data-testid="column-compare" />
        Compare
      </label>
    </span>
  );
});
