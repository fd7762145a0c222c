// `juxta export --run ID --format csv|json|md|html [--out FILE]`: one run as a report, on stdout or in a file.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dispatch } from '../../shared/dispatch';
import type { ExportFormat } from '../../shared/review-records';
import { CommandFailure, EXIT_OK, unwrap, UsageError, type OpenEngine } from './cli-support';

const formats: Record<string, ExportFormat> = { csv: 'csv', json: 'json', md: 'markdown', markdown: 'markdown', html: 'html' };

export async function exportCommand(args: string[], openEngine: OpenEngine): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      run: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`export: unexpected argument "${positionals[0]}"; name the run with --run ID.`);
  if (!values.run) throw new UsageError('export: expected --run ID (see: juxta runs list).');
  const format = values.format === undefined ? undefined : formats[values.format.toLowerCase()];
  if (!format) throw new UsageError(`export: expected --format csv, json, md or html${values.format === undefined ? '' : `, got "${values.format}"`}.`);

  const engine = await openEngine();
  const exported = unwrap(await dispatch(engine, 'exportRun', { runId: values.run, format }), { runId: '--run', format: '--format' });
  if (values.out === undefined) {
    process.stdout.write(exported.content);
    return EXIT_OK;
  }
  try {
    writeFileSync(values.out, exported.content, 'utf8');
  } catch (error) {
    throw new CommandFailure(`Could not write ${values.out}: ${(error as Error).message}`);
  }
  process.stderr.write(`Wrote ${values.out} (${exported.format}).\n`);
  return EXIT_OK;
}
