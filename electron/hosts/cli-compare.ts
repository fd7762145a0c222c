// `juxta compare`: one prompt, several models, streamed to the terminal and stored like any run.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { MethodInput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { ConnectionSummary, ResponseRecord, RunTarget } from '../../shared/records';
import type { RunEventBatch } from '../../shared/run-events';
import { describeConnections, findConnection } from './cli-connections';
import { formatServed, responsesTable } from './cli-format';
import { createProgressLinesView, createQuietView, createSingleStreamView, type ProgressView } from './cli-progress';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, readStdinText, unwrap, UsageError, type OpenEngine } from './cli-support';

const startRunFlagsByField: Record<string, string> = {
  prompt: '--prompt',
  systemPrompt: '--system',
  'params.temperature': '--temperature',
  'params.maxTokens': '--max-tokens',
  targets: '--models',
};

const NO_CONNECTION = 'No connection. Add one: juxta connections add --kind openrouter --label OpenRouter --key-env OPENROUTER_API_KEY';

export function parseCompareArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      models: { type: 'string', short: 'm' },
      prompt: { type: 'string', short: 'p' },
      'prompt-file': { type: 'string' },
      system: { type: 'string' },
      temperature: { type: 'string' },
      'max-tokens': { type: 'string' },
      connection: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) {
    throw new UsageError(`compare: unexpected argument "${positionals[0]}"; pass the prompt with --prompt "..." (quoted), --prompt-file or on stdin.`);
  }
  if (values.models === undefined) throw new UsageError('--models is required, e.g. --models openai/gpt-4o,anthropic/claude-sonnet-4');
  const models = values.models.split(',').map((model) => model.trim());
  if (models.some((model) => model === '')) throw new UsageError(`--models expects a comma-separated list of model ids, got "${values.models}".`);
  if (values.prompt !== undefined && values['prompt-file'] !== undefined) throw new UsageError('Give either --prompt or --prompt-file, not both.');
  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} expects a number, got "${text}".`);
    return value;
  };
  return {
    models,
    prompt: values.prompt,
    promptFile: values['prompt-file'],
    system: values.system,
    temperature: number('--temperature', values.temperature),
    maxTokens: number('--max-tokens', values['max-tokens']),
    connection: values.connection,
    json: values.json,
  };
}

async function readPrompt(flags: { prompt?: string; promptFile?: string }): Promise<string> {
  if (flags.prompt !== undefined) return flags.prompt;
  if (flags.promptFile !== undefined) {
    try {
      return readFileSync(flags.promptFile, 'utf8');
    } catch (error) {
      throw new UsageError(`--prompt-file: cannot read ${flags.promptFile} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
  }
  if (process.stdin.isTTY) throw new UsageError('No prompt: give it with --prompt "...", --prompt-file FILE or on stdin.');
  return readStdinText();
}

function defaultConnection(connections: ConnectionSummary[], reference: string | undefined): ConnectionSummary {
  if (reference !== undefined) {
    const connection = findConnection(connections, reference);
    if (!connection) {
      throw new UsageError(`--connection: no connection with id or label "${reference}"${connections.length > 0 ? ` (have: ${describeConnections(connections)})` : ''}.`);
    }
    return connection;
  }
  if (connections.length === 0) throw new UsageError(NO_CONNECTION);
  if (connections.length === 1) return connections[0]!;
  const openRouter = [...connections].sort((a, b) => a.createdAt - b.createdAt).find((connection) => connection.kind === 'openrouter');
  if (openRouter) return openRouter;
  throw new UsageError(
    `Several connections and none is OpenRouter: choose one with --connection <id or label>, or prefix models as label:model (have: ${describeConnections(connections)}).`,
  );
}

/** "label:model" picks a connection; otherwise the whole string is a model id (ids such as "x/y:free" contain colons). */
export function resolveTargets(models: string[], connections: ConnectionSummary[], connectionFlag: string | undefined): RunTarget[] {
  let fallback: ConnectionSummary | undefined;
  return models.map((spec) => {
    const colon = spec.indexOf(':');
    if (colon > 0) {
      const prefixed = findConnection(connections, spec.slice(0, colon));
      if (prefixed) return { connectionId: prefixed.id, model: spec.slice(colon + 1) };
    }
    fallback ??= defaultConnection(connections, connectionFlag);
    return { connectionId: fallback.id, model: spec };
  });
}

function chooseView(targetCount: number, json: boolean): ProgressView {
  if (json) return createQuietView();
  if (targetCount === 1) return createSingleStreamView();
  return process.stdout.isTTY ? createProgressLinesView() : createQuietView();
}

function printAnswers(responses: ResponseRecord[], streamedSingle: boolean): void {
  const tty = process.stdout.isTTY === true;
  const bold = (text: string) => (tty ? `\x1b[1m${text}\x1b[22m` : text);
  for (const response of responses) {
    if (!streamedSingle) {
      const served = response.modelServed && response.modelServed !== response.modelAsked ? ` → ${formatServed(response)}` : '';
      process.stdout.write(`\n${bold(`== ${response.modelAsked}${served} ==`)}\n`);
      if (response.text) process.stdout.write(response.text.endsWith('\n') ? response.text : `${response.text}\n`);
      else if (response.toolCalls.length > 0) {
        for (const call of response.toolCalls) process.stdout.write(`[tool call] ${call.name}(${call.arguments})\n`);
      }
    }
    if (response.error) {
      const provider = response.error.providerMessage ? ` Provider said: ${response.error.providerMessage}` : '';
      process.stderr.write(`${response.modelAsked}: ${response.error.message}${provider}\n`);
    }
  }
  process.stdout.write('\n');
}

export async function compareCommand(args: string[], openEngine: OpenEngine): Promise<number> {
  const flags = parseCompareArgs(args);
  const prompt = await readPrompt(flags);
  const engine = await openEngine();
  const connections = unwrap(await dispatch(engine, 'listConnections', {}));
  const targets = resolveTargets(flags.models, connections, flags.connection);

  const input: MethodInput<'startRun'> = { prompt, targets, params: {} };
  if (flags.system !== undefined) input.systemPrompt = flags.system;
  if (flags.temperature !== undefined) input.params!.temperature = flags.temperature;
  if (flags.maxTokens !== undefined) input.params!.maxTokens = flags.maxTokens;
  const { runId } = unwrap(await dispatch(engine, 'startRun', input), startRunFlagsByField);

  const view = chooseView(targets.length, flags.json);
  // First Ctrl+C stops the streams (kept as 'stopped', partial text stored); a second one quits.
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nStopping the run (Ctrl+C again to quit at once)...\n');
    void dispatch(engine, 'stopRun', { runId });
  };
  process.on('SIGINT', onInterrupt);
  try {
    await new Promise<void>((resolve, reject) => {
      let unsubscribe: (() => void) | undefined;
      let ended = false;
      const onBatch = (batch: RunEventBatch) => {
        view.onEvents(batch);
        if (batch.some((event) => event.type === 'run-end')) {
          ended = true;
          unsubscribe?.();
          resolve();
        }
      };
      try {
        unsubscribe = engine.subscribeRun(runId, onBatch);
        if (ended) unsubscribe();
      } catch (error) {
        reject(error);
      }
    });
  } finally {
    view.finish();
    process.off('SIGINT', onInterrupt);
  }

  const detail = unwrap(await dispatch(engine, 'getRun', { runId }));
  const responses = [...detail.responses].sort((a, b) => a.targetIndex - b.targetIndex);
  if (flags.json) {
    process.stdout.write(JSON.stringify({ runId, responses }, null, 2) + '\n');
  } else {
    printAnswers(responses, targets.length === 1);
    process.stdout.write(responsesTable(responses, process.stdout.isTTY === true) + '\n');
    process.stderr.write(`Run ${runId} is stored; it shows in the app's history (juxta runs list).\n`);
  }
  if (responses.length === 0) throw new CommandFailure(`Run ${runId} has no responses.`);
  return responses.every((response) => response.status === 'done') ? EXIT_OK : EXIT_FAILURE;
}
