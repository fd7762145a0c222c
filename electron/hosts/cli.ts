// `juxta`: the engine and store from a terminal (same data as the app and `npm run web`).
// Exit codes: 0 done, 1 a response or the command failed, 2 the command line was wrong.
// Commands and the runtime load lazily: `juxta help` and usage errors answer without the engine.
import { extractDataDir, refuseKeyOnArgv } from './cli-args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, flushed, UsageError, type OpenEngine } from './cli-support';
// Type only: the runtime (engine, openai, SQLite) is imported when a command needs it.
import type { NodeRuntime } from './node-runtime';

const HELP = `juxta: compare LLMs side by side from the terminal. Runs are stored with the app's history.

Usage:
  juxta compare --models a,b,c (--prompt "..." | --prompt-file FILE | prompt on stdin)
                [--system "..."] [--temperature 0.7] [--max-tokens N] [--connection ID|LABEL] [--json]
      Models are "model" (default connection) or "label:model". The default connection is
      --connection, else the only one, else the first OpenRouter one.
      --json prints {runId, responses:[...]} and nothing else on stdout.
  juxta connections list [--json]
  juxta connections add --kind openrouter|openai-compatible --label LABEL [--base-url URL]
                        [--key-env NAME | --key-stdin] [--json]
      Keys are never taken from the command line (other users can see it): name an environment
      variable with --key-env, or pipe the key in with --key-stdin (typed hidden on a terminal).
  juxta connections remove ID|LABEL
  juxta runs list [--search TEXT] [--limit N] [--json]
  juxta export --run ID --format csv|json|md|html [--out FILE]
      One run with what reproduces it (models asked and served, provider, parameters, price data,
      app version); never a key. HTML is one self-contained file. Without --out, on stdout.
  juxta help

Global:
  --data-dir DIR   where the database and keys live (default $JUXTA_HOME, else
                   $XDG_CONFIG_HOME/juxta, else ~/.config/juxta)

Exit codes: 0 success, 1 a response or the command failed, 2 usage error.`;

type Command = (args: string[], openEngine: OpenEngine) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  compare: async () => (await import('./cli-compare')).compareCommand,
  connections: async () => (await import('./cli-connections')).connectionsCommand,
  runs: async () => (await import('./cli-runs')).runsCommand,
  export: async () => (await import('./cli-export')).exportCommand,
};

async function run(args: string[]): Promise<number> {
  // Checked before anything else, and the value is never echoed.
  refuseKeyOnArgv(args);
  const { dataDir, rest } = extractDataDir(args);
  const [name, ...commandArgs] = rest;
  if (name === undefined) {
    process.stderr.write(HELP + '\n');
    return EXIT_USAGE;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP + '\n');
    return EXIT_OK;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) throw new UsageError(`Unknown command "${name}". See: juxta help`);
  const command = await load();

  let runtime: NodeRuntime | undefined;
  const openEngine: OpenEngine = async () => {
    const { openNodeRuntime } = await import('./node-runtime');
    runtime ??= await openNodeRuntime({ dataDir, host: 'web' });
    return runtime.engine;
  };
  try {
    return await command(commandArgs, openEngine);
  } finally {
    await runtime?.close();
  }
}

async function main(): Promise<void> {
  let exitCode: number;
  try {
    exitCode = await run(process.argv.slice(2));
  } catch (error) {
    // parseArgs names the flag in its own messages ("Unknown option '--foo'").
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') === true;
    process.stderr.write(`juxta: ${error instanceof Error ? error.message : String(error)}\n`);
    exitCode = usage ? EXIT_USAGE : EXIT_FAILURE;
  }
  await flushed(process.stdout);
  // Exit explicitly: idle keep-alive sockets of the provider client would hold the process open for seconds.
  process.exit(exitCode);
}

void main();
