// A run as one self-contained HTML file: inline CSS, an inline SVG chart, no script, no external
// resource (its CSP forbids them too), every piece of model output and user text escaped.
import { answerTitle, type ExportDocument, type ExportedResponse } from './export-document';
import { formatCost, formatMs, formatRating, formatTokens } from './export-format';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

const style = `
  body { font: 14px/1.5 system-ui, sans-serif; color: #1d1d1f; background: #fff; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: #666; } dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f5f5f7; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f7f7f8; border: 1px solid #e5e5e5; padding: .75rem; border-radius: 6px; }
  .error { color: #b00020; } svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
  @media (prefers-color-scheme: dark) {
    body { background: #161618; color: #e8e8ea; } th { background: #242428; } th, td { border-color: #3a3a3e; }
    pre { background: #1f1f22; border-color: #3a3a3e; } svg text { fill: #e8e8ea; } dt { color: #aaa; }
  }`;

interface Bar {
  label: string;
  value: number | null;
  text: string;
}

/** A horizontal bar chart (one bar per answer); unknown values get no bar and say so. */
function barChart(title: string, bars: Bar[], color: string): string {
  const labelWidth = 260;
  const barWidth = 360;
  const rowHeight = 22;
  const height = 24 + bars.length * rowHeight;
  const max = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const rows = bars.map((bar, index) => {
    const y = 24 + index * rowHeight;
    const width = bar.value === null || max === 0 ? 0 : Math.max(1, (bar.value / max) * barWidth);
    return (
      `<text x="0" y="${y + 14}">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${width.toFixed(1)}" height="${rowHeight - 8}" fill="${color}" rx="2"/>` +
      `<text x="${(labelWidth + width + 6).toFixed(1)}" y="${y + 14}">${escapeHtml(bar.text)}</text>`
    );
  });
  return (
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 140}" height="${height}">` +
    `<text x="0" y="14" font-weight="600">${escapeHtml(title)}</text>${rows.join('')}</svg>`
  );
}

function shortLabel(response: ExportedResponse): string {
  const title = answerTitle(response);
  return title.length > 38 ? `${title.slice(0, 37)}…` : title;
}

function resultRow(response: ExportedResponse): string {
  const cells: Array<[string, boolean]> = [
    [String(response.targetIndex + 1), true],
    [response.modelAsked, false],
    [response.modelServed ?? '', false],
    [response.providerServed ?? '', false],
    [response.connection?.label ?? '', false],
    [response.error ? `${response.status} (${response.error.kind})` : response.status, false],
    [formatTokens(response), true],
    [formatCost(response.cost), true],
    [formatMs(response.metrics.ttftMs), true],
    [formatMs(response.metrics.totalMs), true],
    [response.metrics.tokensPerSecond === null ? '' : response.metrics.tokensPerSecond.toFixed(1), true],
    [formatRating(response.rating), false],
  ];
  return `<tr>${cells.map(([text, number]) => `<td${number ? ' class="number"' : ''}>${escapeHtml(text)}</td>`).join('')}</tr>`;
}

function answerSection(response: ExportedResponse): string {
  const parts = [`<h3>${escapeHtml(answerTitle(response))}</h3>`];
  if (response.error) parts.push(`<p class="error">${escapeHtml(`Error (${response.error.kind}): ${response.error.message}`)}</p>`);
  if (response.reasoning) parts.push(`<details><summary>Reasoning</summary><pre>${escapeHtml(response.reasoning)}</pre></details>`);
  if (response.toolCalls.length > 0) {
    const calls = response.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args }));
    parts.push(`<p>Tool calls:</p><pre>${escapeHtml(JSON.stringify(calls, null, 2))}</pre>`);
  }
  parts.push(`<pre>${escapeHtml(response.text)}</pre>`);
  return `<section>${parts.join('\n')}</section>`;
}

export function runHtml(document: ExportDocument): string {
  const { run, priceData } = document;
  const facts: Array<[string, string]> = [
    ['Run', run.id],
    ['Created', run.createdAt],
    ['Exported', `${document.exportedAt} by Juxta ${document.app.version}`],
    ['Parameters', JSON.stringify(run.params)],
    ['Price data', `catalog ${priceData.catalog}${priceData.catalogRefreshedAt ? ` (refreshed ${priceData.catalogRefreshedAt})` : ''}; genai-prices ${priceData.genaiPrices}`],
    ...(run.parentRunId ? [['Re-run of', run.parentRunId] as [string, string]] : []),
    ...(run.tags.length > 0 ? [['Tags', run.tags.join(', ')] as [string, string]] : []),
  ];
  const costBars = document.responses.map((response) => ({
    label: shortLabel(response),
    value: response.cost.usd,
    text: response.cost.usd === null ? 'unknown' : `$${response.cost.usd.toFixed(6)}`,
  }));
  const latencyBars = document.responses.map((response) => ({
    label: shortLabel(response),
    value: response.metrics.totalMs,
    text: response.metrics.totalMs === null ? 'unknown' : `${Math.round(response.metrics.totalMs)} ms`,
  }));
  const header = ['#', 'Model asked', 'Model served', 'Provider', 'Connection', 'Status', 'Tokens in/out', 'Cost (USD)', 'TTFT', 'Total', 'Tokens/s', 'Rating'];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Juxta ${escapeHtml(document.app.version)}">
<title>${escapeHtml(`Juxta run ${run.id}`)}</title>
<style>${style}</style>
</head>
<body>
<h1>Juxta run</h1>
<dl>${facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
${run.notes ? `<h2>Notes</h2><pre>${escapeHtml(run.notes)}</pre>` : ''}
${run.systemPrompt ? `<h2>System prompt</h2><pre>${escapeHtml(run.systemPrompt)}</pre>` : ''}
<h2>Prompt</h2>
<pre>${escapeHtml(run.prompt)}</pre>
<h2>Results</h2>
<table>
<thead><tr>${header.map((title) => `<th>${escapeHtml(title)}</th>`).join('')}</tr></thead>
<tbody>
${document.responses.map(resultRow).join('\n')}
</tbody>
</table>
<h2>Cost and latency</h2>
<figure>${barChart('Cost (USD)', costBars, '#4f7cff')}</figure>
<figure>${barChart('Total time', latencyBars, '#20a884')}</figure>
<h2>Answers</h2>
${document.responses.map(answerSection).join('\n')}
</body>
</html>
`;
}
