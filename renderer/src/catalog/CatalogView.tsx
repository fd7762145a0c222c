// The catalog browser: search, filter and sort every known model, and add one to the comparison.
// The list is virtualised and paged from listCatalog as it scrolls.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Capability, CatalogModel, CatalogPage, CatalogStatus, Modality } from '../../../shared/catalog-records';
import type { JuxtaError } from '../../../shared/result';
import { formatContextLength, formatRunTime } from '../format/metrics';
import { useDebounced } from '../hooks/use-debounced';
import { connectionById, useAppStore } from '../state/app-store';
import { addTarget, sameTarget, useComposerStore } from '../state/composer-store';
import { api } from '../transport/index';
import { capabilityBadges, capabilityLabels, emptyForm, perMillion, providerSummary, sortLabels, toQuery, type CatalogForm, type SortOption } from './catalog-query';
import { isOpenRouter, useCatalogToggle } from './catalog-toggle';
import './catalog.css';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 58;
const capabilities: Capability[] = ['tools', 'structuredOutput', 'reasoning'];
const modalities: Modality[] = ['image', 'audio', 'video', 'pdf'];
const contextSteps = [8_000, 32_000, 128_000, 200_000, 1_000_000];

interface Listing {
  key: string;
  models: CatalogModel[];
  total: number;
}

function statusText(status: CatalogStatus): string {
  const refreshed = status.refreshedAt ? `refreshed ${formatRunTime(status.refreshedAt)}${status.refreshedFrom ? ` from ${status.refreshedFrom}` : ''}` : 'not refreshed yet';
  return `${status.modelCount.toLocaleString('en-US')} models · bundled ${status.bundledSource} · ${refreshed}`;
}

function CatalogRow({ model, onAdd, added, disabledReason }: { model: CatalogModel; onAdd(): void; added: boolean; disabledReason: string | null }) {
  const context = formatContextLength(model.contextLength);
  const providers = model.offers.length;
  return (
    <div className="catalog-row" data-testid="catalog-row" data-model-id={model.id} role="row">
      <div className="catalog-cell catalog-name" role="cell">
        <span className="catalog-id" title={model.id}>
          {model.id}
        </span>
        <span className="muted small catalog-title">{model.name}</span>
      </div>
      <div className="catalog-cell catalog-num" role="cell" title="Context window">
        {context || '—'}
      </div>
      <div className="catalog-cell catalog-num" role="cell" title="USD per million input / output tokens">
        {model.pricing ? (
          model.pricing.prompt === 0 && model.pricing.completion === 0 ? (
            'free'
          ) : (
            <>
              {perMillion(model.pricing.prompt)} <span className="muted">/</span> {perMillion(model.pricing.completion)}
            </>
          )
        ) : (
          <span className="muted">unknown</span>
        )}
      </div>
      <div className="catalog-cell catalog-badges" role="cell">
        {capabilities
          .filter((capability) => model.capabilities[capability])
          .map((capability) => (
            <span key={capability} className={`catalog-badge badge-${capability}`} title={capabilityLabels[capability]}>
              {capabilityBadges[capability]}
            </span>
          ))}
        {model.inputModalities
          .filter((modality) => modality !== 'text')
          .map((modality) => (
            <span key={modality} className="catalog-badge badge-modality" title={`${modality} input`}>
              {modality}
            </span>
          ))}
      </div>
      <div className="catalog-cell catalog-num muted" role="cell" title={providerSummary(model)}>
        {providers} {providers === 1 ? 'provider' : 'providers'}
      </div>
      <div className="catalog-cell" role="cell">
        <button
          type="button"
          className={`button small${added ? ' ghost' : ''}`}
          onClick={onAdd}
          disabled={added || disabledReason !== null}
          title={disabledReason ?? (added ? 'Already in the comparison' : `Add ${model.id} to the comparison`)}
          data-testid="catalog-add"
        >
          {added ? 'Added ✓' : 'Add to comparison'}
        </button>
      </div>
    </div>
  );
}

export function CatalogView() {
  const [form, setForm] = useState<CatalogForm>(emptyForm);
  const debouncedSearch = useDebounced(form.search, 200);
  const queryForm = { ...form, search: debouncedSearch };
  const queryKey = JSON.stringify(queryForm);
  const [listing, setListing] = useState<Listing | null>(null);
  const [meta, setMeta] = useState<Pick<CatalogPage, 'status' | 'providers'> | null>(null);
  const [error, setError] = useState<JuxtaError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshNote, setRefreshNote] = useState<string | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const loadingMore = useRef(false);

  const connections = useAppStore((state) => state.connections);
  const connectionId = useAppStore((state) => state.selectedConnectionId);
  const connection = connectionById(connections, connectionId);
  const targets = useComposerStore((state) => state.targets);

  // First page of a new query.
  useEffect(() => {
    let current = true;
    const parsedForm = JSON.parse(queryKey) as CatalogForm;
    void api.listCatalog(toQuery(parsedForm, 0, PAGE_SIZE)).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      setMeta({ status: result.value.status, providers: result.value.providers });
      setListing({ key: queryKey, models: result.value.models, total: result.value.total });
    });
    return () => {
      current = false;
    };
  }, [queryKey, reloadCount]);

  const loadMore = useCallback(() => {
    if (!listing || loadingMore.current || listing.models.length >= listing.total) return;
    loadingMore.current = true;
    const parsedForm = JSON.parse(listing.key) as CatalogForm;
    void api.listCatalog(toQuery(parsedForm, listing.models.length, PAGE_SIZE)).then((result) => {
      loadingMore.current = false;
      if (!result.ok) return setError(result.error);
      setListing((previous) => (previous && previous.key === listing.key ? { ...previous, models: [...previous.models, ...result.value.models], total: result.value.total } : previous));
    });
  }, [listing]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const models = listing?.models ?? [];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({ count: models.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= models.length - 30) loadMore();
  }, [lastIndex, models.length, loadMore]);
  // Back to the top when the query changes.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listing?.key]);

  const update = (patch: Partial<CatalogForm>) => setForm((current) => ({ ...current, ...patch }));
  const toggleCapability = (capability: Capability) =>
    update({ capabilities: form.capabilities.includes(capability) ? form.capabilities.filter((entry) => entry !== capability) : [...form.capabilities, capability] });

  const add = (model: CatalogModel) => {
    if (!connectionId) return;
    const refused = addTarget({ connectionId, model: model.id });
    setMessage(refused ?? `Added ${model.id} to the comparison (${targets.length + 1} ${targets.length === 0 ? 'model' : 'models'}).`);
  };
  const addDisabled = !connectionId ? 'Choose a connection first (top bar).' : null;

  const refresh = async () => {
    if (!connection) return;
    setRefreshing(true);
    setRefreshNote(null);
    const result = await api.refreshCatalog({ connectionId: connection.id });
    setRefreshing(false);
    if (result.ok) {
      setRefreshNote(`Refreshed: ${result.value.added} added, ${result.value.updated} updated.`);
      setReloadCount((count) => count + 1);
    } else setRefreshNote(`Refresh failed, the catalog keeps its current data: ${result.error.message}`);
  };

  const filtered = JSON.stringify({ ...form, sort: 'name' }) !== JSON.stringify({ ...emptyForm, sort: 'name' });
  const stale = listing !== null && listing.key !== queryKey;

  return (
    <div className="catalog" data-testid="catalog-view">
      <div className="catalog-toolbar">
        <h1>Model catalog</h1>
        {meta && <span className="muted small catalog-status">{statusText(meta.status)}</span>}
        <div className="spacer" />
        {isOpenRouter(connection) && (
          <button type="button" className="button small" onClick={() => void refresh()} disabled={refreshing} data-testid="catalog-refresh">
            {refreshing ? 'Refreshing…' : 'Refresh from OpenRouter'}
          </button>
        )}
        <button type="button" className="button small primary" onClick={useCatalogToggle.getState().close} data-testid="catalog-back">
          Back to comparison{targets.length > 0 ? ` (${targets.length})` : ''}
        </button>
      </div>
      {refreshNote && <p className="small muted" role="status">{refreshNote}</p>}

      <div className="catalog-filters" role="search">
        <input
          className="input catalog-search"
          type="search"
          placeholder="Search id, name or provider…"
          aria-label="Search models"
          value={form.search}
          onChange={(event) => update({ search: event.target.value })}
          data-testid="catalog-search"
          autoFocus
        />
        <select className="select" aria-label="Provider" value={form.provider} onChange={(event) => update({ provider: event.target.value })} data-testid="catalog-provider">
          <option value="">All providers</option>
          {meta?.providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name} ({provider.modelCount})
            </option>
          ))}
        </select>
        <div className="catalog-toggles" role="group" aria-label="Capabilities">
          {capabilities.map((capability) => (
            <label key={capability} className="catalog-check">
              <input
                type="checkbox"
                checked={form.capabilities.includes(capability)}
                onChange={() => toggleCapability(capability)}
                data-testid={`catalog-filter-${capability === 'structuredOutput' ? 'structured-output' : capability}`}
              />
              {capabilityLabels[capability]}
            </label>
          ))}
        </div>
        <select className="select" aria-label="Input modality" value={form.inputModality} onChange={(event) => update({ inputModality: event.target.value as Modality | '' })} data-testid="catalog-filter-modality">
          <option value="">Any input</option>
          {modalities.map((modality) => (
            <option key={modality} value={modality}>
              {modality} input
            </option>
          ))}
        </select>
        <label className="catalog-price">
          <span className="muted small">Max $/1M in</span>
          <input className="input" type="number" min={0} step="any" inputMode="decimal" value={form.maxInputPrice} onChange={(event) => update({ maxInputPrice: event.target.value })} data-testid="catalog-max-input-price" />
        </label>
        <label className="catalog-price">
          <span className="muted small">out</span>
          <input className="input" type="number" min={0} step="any" inputMode="decimal" value={form.maxOutputPrice} onChange={(event) => update({ maxOutputPrice: event.target.value })} data-testid="catalog-max-output-price" />
        </label>
        <select className="select" aria-label="Minimum context" value={form.minContext} onChange={(event) => update({ minContext: event.target.value })} data-testid="catalog-min-context">
          <option value="">Any context</option>
          {contextSteps.map((tokens) => (
            <option key={tokens} value={tokens}>
              ≥ {formatContextLength(tokens)}
            </option>
          ))}
        </select>
        <select className="select" aria-label="Sort" value={form.sort} onChange={(event) => update({ sort: event.target.value as SortOption })} data-testid="catalog-sort">
          {(Object.keys(sortLabels) as SortOption[]).map((option) => (
            <option key={option} value={option}>
              {sortLabels[option]}
            </option>
          ))}
        </select>
        {filtered && (
          <button type="button" className="button ghost small" onClick={() => setForm({ ...emptyForm, sort: form.sort })}>
            Clear filters
          </button>
        )}
      </div>

      <div className="catalog-summary small muted" role="status" data-testid="catalog-count">
        {listing ? `${listing.total.toLocaleString('en-US')} ${listing.total === 1 ? 'model' : 'models'}` : 'Loading the catalog…'}
        {connection && <> · adds to {connection.label}</>}
        {form.sort.startsWith('price') && ' · price sorts on a 3:1 input:output blend; unknown prices last'}
        {message && <span className="catalog-message"> · {message}</span>}
      </div>
      {error && <p className="text-danger">{error.message}</p>}

      <div className="catalog-head" role="row" aria-hidden="true">
        <span>Model</span>
        <span className="catalog-num">Context</span>
        <span className="catalog-num">$ / 1M in / out</span>
        <span>Capabilities</span>
        <span className="catalog-num">Served by</span>
        <span />
      </div>
      <div className={`catalog-scroll${stale ? ' stale' : ''}`} ref={scrollRef} role="table" aria-label="Models" aria-rowcount={listing?.total}>
        {listing && listing.total === 0 && <p className="muted catalog-empty">No model matches these filters.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const model = models[item.index]!;
            const added = connectionId !== null && targets.some((target) => sameTarget(target, { connectionId, model: model.id }));
            return (
              <div key={model.id} className="catalog-row-wrap" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <CatalogRow model={model} added={added} disabledReason={addDisabled} onAdd={() => add(model)} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
