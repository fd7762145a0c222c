// `juxta connections list|add|remove`. A key never comes from argv (other users can read a
// process's arguments in ps and /proc, and shells keep them in history): --key-env or --key-stdin.
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import type { MethodInput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { ConnectionSummary } from '../../shared/records';
import { CommandFailure, EXIT_OK, readHiddenLine, readStdinText, unwrap, UsageError, type OpenEngine } from './cli-support';

export const connectionFlagsByField: Record<string, string> = {
  kind: '--kind',
  label: '--label',
  baseUrl: '--base-url',
  apiKeyEnv: '--key-env',
  apiKey: '--key-stdin',
};

/**
 * Finds a connection by id, label (case-insensitive) or, when only one connection has it, kind
 * (so `demo:sim/fast` and `openrouter:openai/gpt-4o` work). Undefined when nothing matches.
 */
export function findConnection(connections: ConnectionSummary[], reference: string): ConnectionSummary | undefined {
  const byId = connections.find((connection) => connection.id === reference);
  if (byId) return byId;
  const wanted = reference.toLowerCase();
  const byLabel = connections.filter((connection) => connection.label.toLowerCase() === wanted);
  if (byLabel.length > 1) {
    throw new UsageError(`Several connections are labelled "${reference}": use the id instead (juxta connections list).`);
  }
  if (byLabel[0]) return byLabel[0];
  const byKind = connections.filter((connection) => connection.kind === wanted);
  return byKind.length === 1 ? byKind[0] : undefined;
}

export function describeConnections(connections: ConnectionSummary[]): string {
  return connections.map((connection) => `"${connection.label}" (${connection.kind}, ${connection.id})`).join(', ');
}

function keyDescription(connection: ConnectionSummary): string {
  if (connection.keySource === 'none') return 'none';
  return `${connection.keyHint ?? '?'} (${connection.keySource === 'env' ? 'environment' : 'vault'})`;
}

function printConnections(connections: ConnectionSummary[], json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(connections, null, 2) + '\n');
    return;
  }
  if (connections.length === 0) {
    process.stdout.write('No connections. Add one: juxta connections add --kind openrouter --label OpenRouter --key-env OPENROUTER_API_KEY\n');
    return;
  }
  const table = new Table({ head: ['Label', 'Kind', 'Base URL', 'Key', 'Id'], style: { head: [], border: [] } });
  for (const connection of connections) {
    table.push([connection.label, connection.kind, connection.baseUrl, keyDescription(connection), connection.id]);
  }
  process.stdout.write(table.toString() + '\n');
}

async function readKeyFromStdin(): Promise<string> {
  const key = process.stdin.isTTY ? await readHiddenLine('API key (input hidden): ') : await readStdinText();
  if (key.trim() === '') throw new UsageError('--key-stdin: no key on stdin (pipe it in, e.g. `pass show openrouter | juxta connections add ... --key-stdin`).');
  return key.trim();
}

async function addConnection(args: string[], openEngine: OpenEngine): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      kind: { type: 'string' },
      label: { type: 'string' },
      'base-url': { type: 'string' },
      'key-env': { type: 'string' },
      'key-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`connections add: unexpected argument "${positionals[0]}"; give the label with --label.`);
  if (values['key-env'] !== undefined && values['key-stdin']) throw new UsageError('Give either --key-env or --key-stdin, not both.');
  // Only local OpenAI-compatible servers go without a key; OpenRouter would fail on the first run.
  if (values.kind === 'openrouter' && values['key-env'] === undefined && !values['key-stdin']) {
    throw new UsageError('OpenRouter needs a key: add --key-env OPENROUTER_API_KEY (the variable holding it) or --key-stdin.');
  }
  const input: MethodInput<'addConnection'> = {
    kind: values.kind as MethodInput<'addConnection'>['kind'],
    label: values.label as string,
  };
  if (values['base-url'] !== undefined) input.baseUrl = values['base-url'];
  if (values['key-env'] !== undefined) input.apiKeyEnv = values['key-env'];
  if (values['key-stdin']) input.apiKey = await readKeyFromStdin();

  const engine = await openEngine();
  const connection = unwrap(await dispatch(engine, 'addConnection', input), connectionFlagsByField);
  if (values.json) {
    process.stdout.write(JSON.stringify(connection, null, 2) + '\n');
    return;
  }
  process.stdout.write(`Added connection "${connection.label}" (${connection.kind}, ${connection.baseUrl}), key: ${keyDescription(connection)}, id ${connection.id}\n`);
}

async function removeConnection(args: string[], openEngine: OpenEngine): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
  const [reference, ...extra] = positionals;
  if (!reference || extra.length > 0) throw new UsageError('Usage: juxta connections remove <id or label>');
  const engine = await openEngine();
  const connections = unwrap(await dispatch(engine, 'listConnections', {}));
  const connection = findConnection(connections, reference);
  if (!connection) throw new CommandFailure(`No connection with id or label "${reference}". See: juxta connections list`);
  unwrap(await dispatch(engine, 'removeConnection', { connectionId: connection.id }));
  process.stdout.write(`Removed connection "${connection.label}" (${connection.id}).\n`);
}

export async function connectionsCommand(args: string[], openEngine: OpenEngine): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'list': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, strict: true });
      const engine = await openEngine();
      printConnections(unwrap(await dispatch(engine, 'listConnections', {})), values.json);
      return EXIT_OK;
    }
    case 'add':
      await addConnection(rest, openEngine);
      return EXIT_OK;
    case 'remove':
      await removeConnection(rest, openEngine);
      return EXIT_OK;
    default:
      throw new UsageError(
        subcommand === undefined
          ? 'connections: expected list, add or remove. See: juxta help'
          : `connections: unknown subcommand "${subcommand}"; expected list, add or remove.`,
      );
  }
}
