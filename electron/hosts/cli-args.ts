// Command-line checks that need nothing loaded: the --key refusal and the global --data-dir.
import { UsageError } from './cli-support';

const KEY_FLAG = /^--(api-)?key(=|$)/;

export const KEY_ON_ARGV_MESSAGE =
  'Refusing --key: a key on the command line is visible to other users of this machine (ps, /proc) and lands in shell history. ' +
  'Use --key-env NAME (the key stays in an environment variable) or --key-stdin (pipe it in, or type it hidden).';

/** Throws without echoing the value when a key is passed as an argument (before any `--`). */
export function refuseKeyOnArgv(args: string[]): void {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  if (options.some((arg) => KEY_FLAG.test(arg))) throw new UsageError(KEY_ON_ARGV_MESSAGE);
}

/** Takes the global --data-dir out wherever it stands, leaving the command's own arguments. */
export function extractDataDir(args: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') {
      rest.push(...args.slice(index));
      break;
    }
    if (arg === '--data-dir') {
      dataDir = args[index + 1];
      if (dataDir === undefined || dataDir.startsWith('--')) throw new UsageError('--data-dir expects a directory.');
      index += 1;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
      if (dataDir === '') throw new UsageError('--data-dir expects a directory.');
    } else {
      rest.push(arg);
    }
  }
  return { dataDir, rest };
}
