// What every `juxta` command shares: usage errors (exit 2), command failures (exit 1), turning a
// contract Result into either, and reading stdin (plain or, for keys on a terminal, hidden).
import type { Result } from '../../shared/result';
import type { Engine } from '../engine/engine-types';

/** Opens the shared runtime on first call (after a command has checked its arguments). */
export type OpenEngine = () => Promise<Engine>;

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line was wrong: the message names the flag. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command was right but could not be done (no such connection, provider error...). Exit code 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

/** "Invalid input for startRun: params.temperature: expected 0 to 2; prompt: ..." -> ['params.temperature', 'prompt'] */
function invalidFields(message: string): string[] {
  const details = message.replace(/^Invalid input for \w+: /, '');
  return details.split('; ').map((issue) => issue.split(': ', 1)[0] ?? '');
}

/** Returns the value, or throws: invalid input as a UsageError naming the flags behind the fields, anything else as a CommandFailure. */
export function unwrap<T>(result: Result<T>, flagsByField: Record<string, string> = {}): T {
  if (result.ok) return result.value;
  const { error } = result;
  if (error.kind === 'invalid_input') {
    const fields = invalidFields(error.message);
    const flags = Object.entries(flagsByField)
      .filter(([field]) => fields.some((path) => path === field || path.startsWith(`${field}.`)))
      .map(([, flag]) => flag);
    throw new UsageError(flags.length > 0 ? `${error.message} (see ${[...new Set(flags)].join(', ')})` : error.message);
  }
  const detail = error.providerMessage ? ` Provider said: ${error.providerMessage}` : '';
  throw new CommandFailure(`${error.message}${detail}`);
}

export async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal without echoing it (for API keys typed or pasted by hand). */
export function readHiddenLine(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let line = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done();
        if (character === '\u0003') return done(new CommandFailure('Cancelled.'));
        if (character === '\u007f' || character === '\b') line = line.slice(0, -1);
        else line += character;
      }
    };
    input.on('data', onData);
  });
}

/** Writes and waits until the stream has taken it, so process.exit() never cuts output short on a pipe. */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
