// The CLI's argument handling, in process (the spawned suite covers the commands end to end).
import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/records';
import { extractDataDir, refuseKeyOnArgv } from '../../electron/hosts/cli-args';
import { parseCompareArgs, resolveTargets } from '../../electron/hosts/cli-compare';
import { findConnection } from '../../electron/hosts/cli-connections';
import { unwrap, UsageError, CommandFailure } from '../../electron/hosts/cli-support';

function connection(id: string, kind: ConnectionSummary['kind'], label: string, createdAt: number): ConnectionSummary {
  return { id, kind, label, baseUrl: 'http://127.0.0.1:1/v1', keyHint: null, keySource: 'none', createdAt };
}

const local = connection('c-local', 'openai-compatible', 'Local', 1);
const router = connection('c-or', 'openrouter', 'OpenRouter', 2);
const demo = connection('c-demo', 'demo', 'Demo (simulated models, no cost)', 3);

describe('refuseKeyOnArgv', () => {
  it('refuses --key and --api-key in either form without echoing the value', () => {
    for (const args of [['--key', 'sk-secret'], ['--key=sk-secret'], ['--api-key', 'sk-secret'], ['--api-key=sk-secret']]) {
      expect(() => refuseKeyOnArgv(['connections', 'add', ...args])).toThrow(UsageError);
      try {
        refuseKeyOnArgv(args);
      } catch (error) {
        expect((error as Error).message).not.toContain('sk-secret');
        expect((error as Error).message).toContain('--key-stdin');
      }
    }
  });

  it('lets --key-env, --key-stdin and arguments after -- through', () => {
    expect(() => refuseKeyOnArgv(['--key-env', 'OPENROUTER_API_KEY', '--key-stdin'])).not.toThrow();
    expect(() => refuseKeyOnArgv(['compare', '--', '--key'])).not.toThrow();
  });
});

describe('extractDataDir', () => {
  it('takes --data-dir from anywhere in either form', () => {
    expect(extractDataDir(['--data-dir', '/d', 'runs', 'list'])).toEqual({ dataDir: '/d', rest: ['runs', 'list'] });
    expect(extractDataDir(['runs', 'list', '--data-dir=/e'])).toEqual({ dataDir: '/e', rest: ['runs', 'list'] });
    expect(() => extractDataDir(['runs', '--data-dir'])).toThrow(/--data-dir expects a directory/);
  });
});

describe('parseCompareArgs', () => {
  it('names the flag in every usage error', () => {
    expect(() => parseCompareArgs(['--prompt', 'x'])).toThrow(/--models is required/);
    expect(() => parseCompareArgs(['--models', 'a,,b', '--prompt', 'x'])).toThrow(/--models expects a comma-separated list/);
    expect(() => parseCompareArgs(['--models', 'a', '--prompt', 'x', '--prompt-file', 'f'])).toThrow(/--prompt or --prompt-file/);
    expect(() => parseCompareArgs(['--models', 'a', '--temperature', 'warm'])).toThrow('--temperature expects a number, got "warm".');
    expect(() => parseCompareArgs(['--models', 'a', '--max-tokens', ''])).toThrow(/--max-tokens expects a number/);
    expect(() => parseCompareArgs(['--models', 'a', 'loose prompt'])).toThrow(/--prompt/);
    expect(() => parseCompareArgs(['--models', 'a', '--colour'])).toThrow(/--colour/);
  });

  it('reads every flag', () => {
    expect(parseCompareArgs(['-m', 'a, b', '-p', 'hi', '--system', 's', '--temperature', '0.5', '--max-tokens', '10', '--connection', 'c', '--json'])).toEqual({
      models: ['a', 'b'],
      prompt: 'hi',
      promptFile: undefined,
      system: 's',
      temperature: 0.5,
      maxTokens: 10,
      connection: 'c',
      json: true,
    });
  });
});

describe('resolveTargets', () => {
  it('reads label:model, kind:model and keeps colons that are part of a model id', () => {
    expect(resolveTargets(['local:llama3', 'openrouter:openai/gpt-4o', 'deepseek/deepseek-r1:free'], [local, router], undefined)).toEqual([
      { connectionId: 'c-local', model: 'llama3' },
      { connectionId: 'c-or', model: 'openai/gpt-4o' },
      { connectionId: 'c-or', model: 'deepseek/deepseek-r1:free' },
    ]);
    expect(resolveTargets(['demo:demo/swift-mini'], [local, demo], undefined)).toEqual([{ connectionId: 'c-demo', model: 'demo/swift-mini' }]);
  });

  it('defaults to --connection, else the only connection, else the first OpenRouter one', () => {
    expect(resolveTargets(['m'], [local, router], 'c-local')).toEqual([{ connectionId: 'c-local', model: 'm' }]);
    expect(resolveTargets(['m'], [local], undefined)).toEqual([{ connectionId: 'c-local', model: 'm' }]);
    expect(resolveTargets(['m'], [demo, router, local], undefined)).toEqual([{ connectionId: 'c-or', model: 'm' }]);
  });

  it('says what to do when there is no connection or the choice is ambiguous', () => {
    expect(() => resolveTargets(['m'], [], undefined)).toThrow(/No connection\. Add one: juxta connections add/);
    expect(() => resolveTargets(['m'], [local, demo], undefined)).toThrow(/--connection/);
    expect(() => resolveTargets(['m'], [local], 'nope')).toThrow(/--connection: no connection with id or label "nope"/);
  });

  it('findConnection matches labels case-insensitively and refuses duplicate labels', () => {
    expect(findConnection([local, router], 'openrouter')?.id).toBe('c-or');
    expect(() => findConnection([local, { ...local, id: 'c-local-2' }], 'local')).toThrow(/Several connections/);
  });
});

describe('unwrap', () => {
  it('turns invalid input into a usage error naming the flags, other errors into failures', () => {
    const invalid = { ok: false as const, error: { kind: 'invalid_input' as const, message: 'Invalid input for startRun: params.maxTokens: expected a whole number; prompt: expected a prompt' } };
    expect(() => unwrap(invalid, { 'params.maxTokens': '--max-tokens', prompt: '--prompt', systemPrompt: '--system' })).toThrow(
      'Invalid input for startRun: params.maxTokens: expected a whole number; prompt: expected a prompt (see --max-tokens, --prompt)',
    );
    expect(() => unwrap({ ok: false, error: { kind: 'auth', message: 'Bad key.', providerMessage: 'invalid api key' } })).toThrow(CommandFailure);
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
  });
});
