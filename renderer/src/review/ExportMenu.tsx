// "Export" on a run: CSV, JSON, Markdown or a self-contained HTML report, downloaded as a file.
import { useCallback, useRef } from 'react';
import type { ExportFormat } from '../../../shared/review-records';
import { exportRun } from './review-actions';
import { useReviewStore } from './review-store';
import { useDismiss } from './use-dismiss';

const formats: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'html', label: 'HTML report' },
];

export function ExportMenu({ runId, disabled }: { runId: string; disabled: boolean }) {
  const open = useReviewStore((state) => state.exportOpen);
  const anchorRef = useRef<HTMLSpanElement>(null);
  useDismiss(anchorRef, open, useCallback(() => useReviewStore.setState({ exportOpen: false }), []));
  return (
    <span className="popover-anchor" ref={anchorRef}>
      <button
        type="button"
        className={`button ghost small${open ? ' active' : ''}`}
        aria-expanded={open}
        aria-haspopup="menu"
        disabled={disabled}
        onClick={() => useReviewStore.setState({ exportOpen: !open })}
        data-testid="export-button"
      >
        Export ▾
      </button>
      {open && (
        <div
          className="popover menu"
          role="menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape') useReviewStore.setState({ exportOpen: false });
          }}
        >
          {formats.map(({ format, label }, index) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="menu-item"
              autoFocus={index === 0}
              onClick={() => void exportRun(runId, format)}
              data-testid={`export-format-${format}`}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
