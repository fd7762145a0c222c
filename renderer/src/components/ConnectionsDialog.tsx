// Connections: the list, and the form to add one. Keys go to the Node side once and never come back.
import { useEffect, useRef, useState } from 'react';
import type { ConnectionSummary } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import { closeConnectionsDialog, removeConnection } from '../state/actions';
import { useAppStore } from '../state/app-store';
import { kindLabel, SimulatedBadge } from './ConnectionBadge';
import { ConnectionForm } from './ConnectionForm';

function keyDescription(connection: ConnectionSummary): string {
  if (connection.keySource === 'none') return connection.kind === 'demo' ? 'no key needed' : 'no key';
  const where = connection.keySource === 'env' ? 'from environment' : 'stored encrypted';
  return connection.keyHint ? `${connection.keyHint} (${where})` : where;
}

function ConnectionRow({ connection }: { connection: ConnectionSummary }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<JuxtaError | null>(null);
  const remove = async () => {
    setBusy(true);
    const failure = await removeConnection(connection.id);
    setBusy(false);
    if (failure) setError(failure);
  };
  return (
    <li className="connection-row" data-testid="connection-row" data-connection-id={connection.id}>
      <div className="connection-main">
        <div className="connection-title">
          <strong>{connection.label}</strong>
          <span className="muted">{kindLabel(connection.kind)}</span>
          {connection.kind === 'demo' && <SimulatedBadge />}
        </div>
        <div className="connection-meta mono small">
          <span title="Base URL">{connection.baseUrl}</span>
          <span className="muted" title="API key">
            {keyDescription(connection)}
          </span>
        </div>
        {error && (
          <p className="error-text small" role="alert">
            {error.message}
          </p>
        )}
      </div>
      {confirming ? (
        <div className="row gap-small">
          <button type="button" className="button danger small" onClick={remove} disabled={busy}>
            {busy ? 'Removing…' : 'Remove'}
          </button>
          <button type="button" className="button ghost small" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button ghost small" onClick={() => setConfirming(true)} aria-label={`Remove ${connection.label}`}>
          Remove
        </button>
      )}
    </li>
  );
}

export function ConnectionsDialog() {
  const open = useAppStore((state) => state.connectionsDialogOpen);
  const startAdding = useAppStore((state) => state.connectionsDialogAdding);
  const connections = useAppStore((state) => state.connections);
  const secretStorage = useAppStore((state) => state.appInfo?.secretStorage);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Reset the view each time the dialog opens.
  const [lastOpen, setLastOpen] = useState(open);
  if (open !== lastOpen) {
    setLastOpen(open);
    if (open) setAdding(startAdding || connections.length === 0);
  }

  const onSaved = () => {
    if (connections.length === 0) closeConnectionsDialog();
    else setAdding(false);
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="connections-title" onClose={closeConnectionsDialog}>
      {open && (
        <div className="dialog-body">
          <header className="dialog-head">
            <h2 id="connections-title">Connections</h2>
            <button type="button" className="button ghost small" onClick={closeConnectionsDialog} aria-label="Close">
              ✕
            </button>
          </header>
          {connections.length > 0 && (
            <ul className="connection-list" aria-label="Connections">
              {connections.map((connection) => (
                <ConnectionRow key={connection.id} connection={connection} />
              ))}
            </ul>
          )}
          {adding ? (
            <ConnectionForm onSaved={onSaved} onCancel={connections.length > 0 ? () => setAdding(false) : undefined} />
          ) : (
            <button type="button" className="button" onClick={() => setAdding(true)} data-testid="add-connection-button">
              Add connection
            </button>
          )}
          {secretStorage && (
            <p className={`storage-note small${secretStorage.strength === 'obfuscated' ? ' storage-weak' : ''}`}>
              <strong>How keys are stored:</strong> {secretStorage.description}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
