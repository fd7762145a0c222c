// A run as Markdown: provenance, the prompt, a results table, then every answer in a code fence
// (longer than any backtick run inside it), so model output can never break the document's structure.
import { answerTitle, type ExportDocument, type ExportedResponse } from './export-document';
import { formatCost, formatMs, formatRating, formatTokens } from './export-format';

/** A fence of backticks longer than the longest run of backticks in text (at least three). */
function fenced(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** One table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function resultRow(response: ExportedResponse): string {
  const cells = [
    String(response.targetIndex + 1),
    response.modelAsked,
    response.modelServed ?? '',
    response.providerServed ?? '',
    response.connection?.label ?? '',
    response.error ? `${response.status} (${response.error.kind})` : response.status,
    formatTokens(response),
    formatCost(response.cost),
    formatMs(response.metrics.ttftMs),
    formatMs(response.metrics.totalMs),
    formatRating(response.rating),
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

export function runMarkdown(document: ExportDocument): string {
  const { run, priceData } = document;
  const lines = [
    `# Juxta run ${run.id}`,
    '',
    `- Run created: ${run.createdAt}`,
    `- Exported: ${document.exportedAt} by Juxta ${document.app.version}`,
    `- Parameters: \`${JSON.stringify(run.params)}\``,
    `- Price data: catalog ${priceData.catalog}${priceData.catalogRefreshedAt ? ` (refreshed ${priceData.catalogRefreshedAt})` : ''}; genai-prices ${priceData.genaiPrices}`,
    ...(run.parentRunId ? [`- Re-run of: ${run.parentRunId}`] : []),
    ...(run.tags.length > 0 ? [`- Tags: ${run.tags.join(', ')}`] : []),
    '',
    ...(run.notes ? ['## Notes', '', run.notes, ''] : []),
    ...(run.systemPrompt ? ['## System prompt', '', fenced(run.systemPrompt, 'text'), ''] : []),
    '## Prompt',
    '',
    fenced(run.prompt, 'text'),
    '',
    '## Results',
    '',
    '| # | Model asked | Model served | Provider | Connection | Status | Tokens in/out | Cost (USD) | TTFT | Total | Rating |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...document.responses.map(resultRow),
    '',
    '## Answers',
  ];
  for (const response of document.responses) {
    lines.push('', `### ${answerTitle(response)}`, '');
    if (response.error) lines.push(`Error (${response.error.kind}): ${response.error.message}`, '');
    if (response.reasoning) lines.push('Reasoning:', '', fenced(response.reasoning, 'text'), '');
    if (response.toolCalls.length > 0) lines.push('Tool calls:', '', fenced(JSON.stringify(response.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args })), null, 2), 'json'), '');
    lines.push(fenced(response.text, 'markdown'));
  }
  return lines.join('\n') + '\n';
}
