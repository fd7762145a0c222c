// exportRun: one run as CSV, JSON, Markdown or self-contained HTML text (the host saves or downloads it).
import type { ExportFormat, RunExport } from '../../../shared/review-records';
import { JuxtaFailure } from '../../../shared/result';
import { runCsv } from './export-csv';
import { buildExportDocument, exportBaseName, type ExportDeps, type ExportDocument } from './export-document';
import { runHtml } from './export-html';
import { runMarkdown } from './export-markdown';

const writers: Record<ExportFormat, { extension: string; mimeType: string; write: (document: ExportDocument) => string }> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', write: runCsv },
  json: { extension: 'json', mimeType: 'application/json', write: (document) => JSON.stringify(document, null, 2) + '\n' },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8', write: runMarkdown },
  html: { extension: 'html', mimeType: 'text/html;charset=utf-8', write: runHtml },
};

export function exportRun(deps: ExportDeps, runId: string, format: ExportFormat): RunExport {
  const detail = deps.store.getRun(runId);
  if (!detail) throw new JuxtaFailure({ kind: 'not_found', message: `No run with id ${runId}.` });
  const document = buildExportDocument(deps, detail);
  const writer = writers[format];
  return { format, filename: `${exportBaseName(document)}.${writer.extension}`, mimeType: writer.mimeType, content: writer.write(document) };
}
