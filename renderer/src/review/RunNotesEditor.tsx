// The run's notes and tags, edited in a small popover from the results bar; saved on "Save".
import { useCallback, useRef, useState } from 'react';
import type { RunNotes } from '../../../shared/review-records';
import { saveNotes } from './review-actions';
import { formatTags, parseTags } from './tags';
import { useDismiss } from './use-dismiss';

function NotesForm({ runId, notes, onDone }: { runId: string; notes: RunNotes | null; onDone: () => void }) {
  const [text, setText] = useState(notes?.notes ?? '');
  const [tags, setTags] = useState(formatTags(notes?.tags ?? []));
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="popover notes-popover"
      onSubmit={(event) => {
        event.preventDefault();
        setSaving(true);
        void saveNotes(runId, text, parseTags(tags)).then((saved) => {
          setSaving(false);
          if (saved) onDone();
        });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label className="small muted" htmlFor="run-notes">
        Notes
      </label>
      <textarea id="run-notes" className="input" rows={4} value={text} onChange={(event) => setText(event.target.value)} data-testid="run-notes" autoFocus />
      <label className="small muted" htmlFor="run-tags">
        Tags (comma separated)
      </label>
      <input id="run-tags" className="input" value={tags} onChange={(event) => setTags(event.target.value)} placeholder="coding, long-context" data-testid="run-tags" />
      <div className="row gap-small end">
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary small" disabled={saving} data-testid="run-notes-save">
          Save
        </button>
      </div>
    </form>
  );
}

export function RunNotesEditor({ runId, notes }: { runId: string; notes: RunNotes | null }) {
  const [open, setOpen] = useState(false);
  const anchorRef = useRef<HTMLSpanElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(anchorRef, open, close);
  const tags = notes?.tags ?? [];
  const hasNotes = Boolean(notes?.notes);
  return (
    <span className="popover-anchor" ref={anchorRef}>
      <button
        type="button"
        className={`button ghost small${open ? ' active' : ''}`}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        title={hasNotes ? notes?.notes : 'Add notes and tags to this run'}
        data-testid="run-notes-button"
      >
        {hasNotes ? 'Notes ✎' : 'Notes'}
        {tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </button>
      {open && <NotesForm runId={runId} notes={notes} onDone={close} />}
    </span>
  );
}
