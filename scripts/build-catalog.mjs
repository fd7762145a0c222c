// Builds electron/engine/catalog/bundled-catalog.generated.ts from models.dev's data (MIT), so a first
// start works offline. Run: npm run build:catalog [-- path/to/models.dev-catalog.json]
// (default ../shared/data/models.dev-catalog.json). The app never reads ../shared at run time.
//
// Output: JSON text, one model per line (readable diffs), ids in OpenRouter style (author/slug), only
// the fields the engine uses, prices in USD per million tokens as models.dev writes them (exact
// decimals; the engine divides once when it loads).
// Why a .ts file holding JSON text rather than a .json file: TypeScript infers a type for every
// imported JSON value (16k types, +2.7 s per typecheck here), and a .json read from disk by path
// would not survive the Electron bundle. A string literal costs the type checker nothing, travels
// inside every bundle, and JSON.parse of it is the fastest way V8 builds the objects.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = resolve(process.argv[2] ?? join(repositoryRoot, '..', 'shared', 'data', 'models.dev-catalog.json'));
const outputPath = join(repositoryRoot, 'electron', 'engine', 'catalog', 'bundled-catalog.generated.ts');

// Provenance of the input file (see /work/shared/data/README.md and DATA-NOTES.md beside the output).
const SOURCE = {
  name: 'models.dev',
  repository: 'https://github.com/anomalyco/models.dev',
  commit: 'f3fc692299671838c7c65fd8126bf84d81a2e817',
  date: '2026-07-02',
  licence: 'MIT (Copyright (c) 2025 models.dev)',
};

// Providers whose own models become catalog entries, with the OpenRouter author of their models.
// Everything else only adds "also served by" offers to models already in the catalog.
const FIRST_PARTY_AUTHORS = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistralai',
  deepseek: 'deepseek',
  xai: 'x-ai',
};
// Hosts of open-weight models with a Juxta preset: their models are entries too (under their own author).
const HOSTS = ['groq', 'togetherai', 'fireworks-ai', 'lmstudio'];

const source = JSON.parse(readFileSync(sourcePath, 'utf8'));

function lower(value) {
  return String(value).toLowerCase();
}

// A key under which the same model's ids from different providers meet:
// "claude-sonnet-4-20250514", "claude-sonnet-4" and "claude-sonnet-4.0" all give "claude-sonnet-4".
function slugKey(id) {
  let slug = lower(id).replace(/^.*\//, '');
  slug = slug.replace(/(\d)p(\d)/g, '$1.$2'); // Fireworks writes "k2p6" for "k2.6"
  slug = slug.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, ''); // dated snapshots
  slug = slug.replace(/-(latest|turbo|tput|fp8)$/, '');
  slug = slug.replace(/\./g, '-');
  return slug.replace(/-0$/, '');
}

// Only "author/slug" ids name an author; Fireworks' "accounts/fireworks/models/x" paths do not.
function authorOf(id) {
  const parts = id.split('/');
  return parts.length === 2 && parts[0] ? lower(parts[0]) : undefined;
}

function isExactKey(id, key) {
  return lower(id).replace(/^.*\//, '').replace(/\./g, '-') === key;
}

function isTextModel(model) {
  const output = model.modalities?.output ?? [];
  return output.includes('text') && !/embed|whisper|tts|guard|moderation/i.test(model.id);
}

function priceOf(model) {
  const cost = model.cost;
  if (!cost || typeof cost.input !== 'number' || typeof cost.output !== 'number') return undefined;
  const price = { input: cost.input, output: cost.output };
  if (typeof cost.cache_read === 'number') price.cacheRead = cost.cache_read;
  if (typeof cost.cache_write === 'number') price.cacheWrite = cost.cache_write;
  if (typeof cost.reasoning === 'number') price.reasoning = cost.reasoning;
  return price;
}

function samePrice(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function newEntry(id, model) {
  const entry = {
    id,
    name: model.name ?? id,
    context: model.limit?.context ?? undefined,
    maxOutput: model.limit?.output ?? undefined,
    input: [...(model.modalities?.input ?? ['text'])].sort(),
    output: [...(model.modalities?.output ?? ['text'])].sort(),
  };
  if (model.tool_call) entry.tools = true;
  if (model.structured_output) entry.structured = true;
  if (model.reasoning) entry.reasoning = true;
  if (model.open_weights) entry.openWeights = true;
  if (model.release_date) entry.released = model.release_date;
  const price = priceOf(model);
  if (price) entry.price = price;
  entry.offers = [];
  return entry;
}

const entries = new Map(); // canonical id -> entry
const byAuthorSlug = new Map(); // "author|slugKey" -> canonical id
const bySlugOnly = new Map(); // slugKey -> canonical id, or null when ambiguous

// The first id wins a key, except that an exact id ("openai/gpt-4o") beats a dated one ("openai/gpt-4o-2024-05-13").
function index(id, extraKeys = []) {
  const author = authorOf(id);
  for (const key of [slugKey(id), ...extraKeys]) {
    if (author && (!byAuthorSlug.has(`${author}|${key}`) || isExactKey(id, key))) byAuthorSlug.set(`${author}|${key}`, id);
    bySlugOnly.set(key, bySlugOnly.has(key) && bySlugOnly.get(key) !== id && !isExactKey(id, key) ? null : id);
  }
}

// Offers: which provider serves the model under which native id. A better-matching native id
// (undated over dated, newest snapshot) replaces an earlier one from the same provider.
function addOffer(entry, providerId, model, rank) {
  const offer = { provider: providerId, id: model.id };
  const price = priceOf(model);
  if (price && !samePrice(price, entry.price)) offer.price = price;
  if (model.limit?.context && model.limit.context !== entry.context) offer.context = model.limit.context;
  const existing = entry.offers.findIndex((candidate) => candidate.provider === providerId);
  if (existing === -1) {
    entry.offers.push({ ...offer, rank });
  } else if (rank > entry.offers[existing].rank) {
    entry.offers[existing] = { ...offer, rank };
  }
}

// Higher is better: the undated alias, then the newest dated snapshot.
function nativeRank(nativeId, canonicalId) {
  const native = lower(nativeId).replace(/^.*\//, '');
  const canonical = lower(canonicalId).replace(/^.*\//, '');
  if (native === canonical || native.replace(/\./g, '-') === canonical.replace(/\./g, '-')) return 3e8;
  const date = /(\d{8})$/.exec(native)?.[1] ?? /(\d{4})-(\d{2})-(\d{2})$/.exec(native)?.slice(1).join('');
  if (/-latest$/.test(native)) return 2e8;
  return date ? Number(date) : 1;
}

function findCanonical(providerId, model) {
  const firstPartyAuthor = FIRST_PARTY_AUTHORS[providerId];
  const exactId = firstPartyAuthor ? `${firstPartyAuthor}/${lower(model.id)}` : lower(model.id);
  if (entries.has(exactId)) return exactId;
  if (model.base_model) {
    const baseAuthor = authorOf(model.base_model);
    const key = `${baseAuthor}|${slugKey(model.base_model)}`;
    if (byAuthorSlug.has(key)) return byAuthorSlug.get(key);
    // models.dev's own author names differ from OpenRouter's for a few labs.
    const alias = { mistral: 'mistralai', zhipuai: 'z-ai', xai: 'x-ai' }[baseAuthor];
    if (alias && byAuthorSlug.has(`${alias}|${slugKey(model.base_model)}`)) return byAuthorSlug.get(`${alias}|${slugKey(model.base_model)}`);
  }
  const author = FIRST_PARTY_AUTHORS[providerId] ?? authorOf(model.id);
  if (author && byAuthorSlug.has(`${author}|${slugKey(model.id)}`)) return byAuthorSlug.get(`${author}|${slugKey(model.id)}`);
  if (!author) {
    const unique = bySlugOnly.get(slugKey(model.id));
    if (unique) return unique;
  }
  return undefined;
}

// 1. OpenRouter's models define the canonical ids (the ids Juxta users type).
const openrouter = source.openrouter?.models ?? {};
for (const model of Object.values(openrouter)) {
  if (!isTextModel(model)) continue;
  const entry = newEntry(model.id, model);
  entries.set(model.id, entry);
  // A ":free" variant shares its base model with the paid id; only the paid id answers for the base.
  index(model.id, model.base_model && !model.id.includes(':') ? [slugKey(model.base_model)] : []);
  addOffer(entry, 'openrouter', model, 3e8);
}

// 2. First-party providers and preset hosts: link to an OpenRouter entry, or become an entry.
for (const providerId of [...Object.keys(FIRST_PARTY_AUTHORS), ...HOSTS]) {
  const models = Object.values(source[providerId]?.models ?? {}).filter(isTextModel);
  // Undated ids first, so "claude-sonnet-4-5" becomes the entry and its dated twin only an offer.
  models.sort((a, b) => nativeRank(b.id, b.id) - nativeRank(a.id, a.id) || a.id.localeCompare(b.id));
  for (const model of models) {
    let canonicalId = findCanonical(providerId, model);
    if (!canonicalId) {
      const author = FIRST_PARTY_AUTHORS[providerId];
      canonicalId = author ? `${author}/${lower(model.id)}` : authorOf(model.id) ? lower(model.id) : `${providerId}/${lower(model.id.replace(/^.*\//, ''))}`;
      if (!entries.has(canonicalId)) {
        entries.set(canonicalId, newEntry(canonicalId, model));
        index(canonicalId);
      }
    }
    const entry = entries.get(canonicalId);
    addOffer(entry, providerId, model, nativeRank(model.id, canonicalId));
    entry.price ??= priceOf(model);
  }
}

// 3. Every other provider: only "also served by" offers for models already in the catalog.
const linkedProviders = new Set(['openrouter', ...Object.keys(FIRST_PARTY_AUTHORS), ...HOSTS]);
for (const [providerId, provider] of Object.entries(source)) {
  if (linkedProviders.has(providerId)) continue;
  for (const model of Object.values(provider.models ?? {})) {
    if (!isTextModel(model)) continue;
    const canonicalId = findCanonical(providerId, model);
    if (canonicalId) addOffer(entries.get(canonicalId), providerId, model, nativeRank(model.id, canonicalId));
  }
}

const usedProviders = new Set([...entries.values()].flatMap((entry) => entry.offers.map((offer) => offer.provider)));
const providers = Object.fromEntries(
  [...usedProviders].sort().map((providerId) => [providerId, source[providerId]?.name ?? providerId]),
);

const models = [...entries.values()]
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((entry) => ({
    ...entry,
    offers: entry.offers
      .map(({ rank: _rank, ...offer }) => offer)
      .sort((a, b) => (a.provider === 'openrouter' ? -1 : b.provider === 'openrouter' ? 1 : a.provider.localeCompare(b.provider))),
  }));

const header = { format: 1, source: SOURCE, builtFrom: 'scripts/build-catalog.mjs', providers };
const lines = models.map((model) => JSON.stringify(model));
const json = `${JSON.stringify(header).slice(0, -1)},"models":[\n${lines.join(',\n')}\n]}`;
// String.raw keeps JSON's backslash escapes as they are; only a backtick or "${" could break out.
if (json.includes('`') || json.includes('${')) throw new Error('catalog text contains a backtick or ${: escape it first');
const text =
  `// Generated by scripts/build-catalog.mjs from ${SOURCE.name} ${SOURCE.commit.slice(0, 7)} (${SOURCE.licence}). Do not edit.\n` +
  `// See DATA-NOTES.md. Parsed lazily by load-bundled-catalog.ts.\n` +
  `export const bundledCatalogText = String.raw\`${json}\`;\n`;
writeFileSync(outputPath, text);

const offers = models.reduce((sum, model) => sum + model.offers.length, 0);
console.log(
  `bundled catalog: ${models.length} models, ${offers} offers from ${usedProviders.size} providers, ` +
    `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB -> ${outputPath}`,
);
