// `juxta runs list [--search q] [--limit n] [--json]`: the same history the app shows.
import { parseArgs } from 'node:util';
import { dispatch } from '../../shared/dispatch';
import { runsTable } from './cli-format';
import { EXIT_OK, unwrap, UsageError, type OpenEngine } from './cli-support';

async function listRuns(args: string[], openEngine: OpenEngine): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      search: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`runs list: unexpected argument "${positionals[0]}"; search with --search "${positionals[0]}".`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit)) throw new UsageError(`--limit expects a whole number, got "${values.limit}".`);
  }
  const engine = await openEngine();
  const runs = unwrap(await dispatch(engine, 'listRuns', { search: values.search, limit }), { search: '--search', limit: '--limit' });
  if (values.json) {
    process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
    return;
  }
  if (runs.length === 0) {
    process.stdout.write(values.search ? `No runs match "${values.search}".\n` : 'No runs yet. Try: juxta compare --models a,b --prompt "..."\n');
    return;
  }
  process.stdout.write(runsTable(runs, process.stdout.isTTY === true) + '\n');
}

export async function runsCommand(args: string[], openEngine: OpenEngine): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'list') {
    await listRuns(rest, openEngine);
    return EXIT_OK;
  }
  throw new UsageError(subcommand === undefined ? 'runs: expected list. See: juxta help' : `runs: unknown subcommand "${subcommand}"; expected list.`);
}
