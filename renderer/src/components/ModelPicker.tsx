// Chips for the chosen models and a searchable combobox over the connection's catalogue.
// Enter adds the highlighted model; a free model id not in the list can be added too.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_TARGETS } from '../contract-constants';
import type { ModelInfo } from '../../../shared/records';
import { formatContextLength, formatPricePerMillion } from '../format/metrics';
import { filterModels } from '../models/filter-models';
import { loadModels } from '../state/actions';
import { connectionById, useAppStore } from '../state/app-store';
import { addTarget, clearFieldError, removeTarget, useComposerStore } from '../state/composer-store';
import { SimulatedBadge } from './ConnectionBadge';

type Option = { kind: 'model'; model: ModelInfo } | { kind: 'free'; id: string };

const noModels: ModelInfo[] = [];

function Chips() {
  const targets = useComposerStore((state) => state.targets);
  const connections = useAppStore((state) => state.connections);
  const multipleConnections = new Set(targets.map((target) => target.connectionId)).size > 1;
  return (
    <>
      {targets.map((target, index) => {
        const connection = connectionById(connections, target.connectionId);
        return (
          <span
            key={`${target.connectionId}/${target.model}`}
            className="chip"
            data-testid="model-chip"
            data-model={target.model}
            title={connection ? `${target.model} via ${connection.label}` : target.model}
          >
            {multipleConnections && connection && <span className="chip-connection">{connection.label}</span>}
            <span className="mono">{target.model}</span>
            {connection?.kind === 'demo' && <SimulatedBadge compact />}
            <button type="button" className="chip-remove" onClick={() => removeTarget(index)} aria-label={`Remove ${target.model}`}>
              ×
            </button>
          </span>
        );
      })}
    </>
  );
}

export function ModelPicker({ describedBy, invalid }: { describedBy?: string; invalid?: boolean }) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const connectionId = useAppStore((state) => state.selectedConnectionId);
  const entry = useAppStore((state) => (state.selectedConnectionId ? state.models[state.selectedConnectionId] : undefined));
  const count = useComposerStore((state) => state.targets.length);
  const atLimit = count >= MAX_TARGETS;
  const models = entry?.status === 'ready' ? entry.models : noModels;

  const chosen = useComposerStore((state) => state.targets);
  const { options, total } = useMemo(() => {
    // Models already in the run are not offered again.
    const taken = new Set(chosen.filter((target) => target.connectionId === connectionId).map((target) => target.model));
    const available = taken.size === 0 ? models : models.filter((model) => !taken.has(model.id));
    const filtered = filterModels(available, query, 60);
    const list: Option[] = filtered.models.map((model) => ({ kind: 'model', model }));
    const typed = query.trim();
    if (typed !== '' && !models.some((model) => model.id === typed) && !taken.has(typed)) list.push({ kind: 'free', id: typed });
    return { options: list, total: filtered.total };
  }, [models, query, chosen, connectionId]);

  const choose = (option: Option | undefined) => {
    if (!option || !connectionId) return;
    const model = option.kind === 'model' ? option.model.id : option.id;
    const refused = addTarget({ connectionId, model });
    setNotice(refused);
    if (!refused) {
      setQuery('');
      setActive(0);
      // Close after adding so the list does not cover the prompt; typing or ArrowDown reopens it.
      setOpen(false);
      clearFieldError('targets');
    }
  };

  const moveActive = (next: number) => {
    const bounded = Math.max(0, Math.min(options.length - 1, next));
    setActive(bounded);
    listRef.current?.children[bounded]?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      moveActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      moveActive(active - 1);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (!open && query.trim() === '') setOpen(true);
      else choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      // Close the list without also stopping a run.
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && count > 0) {
      removeTarget(count - 1);
    }
  };

  const showList = open && !atLimit && connectionId !== null;
  const activeOption = showList ? options[active] : undefined;
  const placeholder = atLimit
    ? `Limit reached: ${MAX_TARGETS} models per run`
    : count === 0
      ? 'Add models: type to search, Enter to add'
      : count === 1
        ? 'Add another model to compare…'
        : 'Add a model…';

  return (
    <div className="model-picker">
      <div className={`chip-field${invalid ? ' invalid' : ''}`} onClick={() => inputRef.current?.focus()}>
        <Chips />
        <input
          ref={inputRef}
          className="chip-input"
          role="combobox"
          aria-label="Add a model"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={query}
          placeholder={placeholder}
          disabled={atLimit || connectionId === null}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
            setNotice(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid="model-picker-input"
          spellCheck={false}
          autoComplete="off"
        />
        <span className={`model-count${count === 1 ? ' warn' : ''}`} title="Models in this run">
          {count}/{MAX_TARGETS}
        </span>
      </div>
      {atLimit && <p className="hint small">That is the limit: {MAX_TARGETS} models per run. Remove one to add another.</p>}
      {!atLimit && count === 1 && <p className="hint small">Tip: add a second model to compare answers side by side.</p>}
      {notice && (
        <p className="hint small warn" role="status">
          {notice}
        </p>
      )}
      {showList && (
        <div className="picker-popup">
          {entry?.status === 'loading' && <p className="picker-note">Loading models…</p>}
          {entry?.status === 'failed' && (
            <p className="picker-note text-danger">
              Could not list models: {entry.error.message}{' '}
              <button type="button" className="link-button" onMouseDown={(event) => event.preventDefault()} onClick={() => connectionId && void loadModels(connectionId, true)}>
                Retry
              </button>
            </p>
          )}
          <ul ref={listRef} id={listId} role="listbox" aria-label="Models" className="picker-list">
            {options.map((option, index) => (
              <li
                key={option.kind === 'model' ? option.model.id : `free:${option.id}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={`picker-option${index === active ? ' active' : ''}`}
                // mousedown keeps focus in the input, so the list does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                onMouseMove={() => index !== active && setActive(index)}
              >
                {option.kind === 'model' ? (
                  <>
                    <span className="option-id mono">{option.model.id}</span>
                    <span className="option-name">{option.model.name !== option.model.id ? option.model.name : ''}</span>
                    <span className="option-meta mono">{formatContextLength(option.model.contextLength)}</span>
                    <span className="option-meta mono" title="USD per 1M tokens, input / output">
                      {formatPricePerMillion(option.model.pricing)}
                    </span>
                  </>
                ) : (
                  <span className="option-free">
                    Use <span className="mono">{option.id}</span> as a model id (not in the list)
                  </span>
                )}
              </li>
            ))}
          </ul>
          {total > 60 && <p className="picker-note">{total - 60} more match: keep typing to narrow down.</p>}
          {entry?.status === 'ready' && options.length === 0 && <p className="picker-note">No models. Type a model id to add it anyway.</p>}
        </div>
      )}
    </div>
  );
}
