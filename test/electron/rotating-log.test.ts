// The Node-side log file: size-based rotation, key redaction, debug lines only when enabled.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createRotatingLog, formatLogLine, redactSecrets } from '../../electron/main/rotating-log';

const root = mkdtempSync(join(tmpdir(), 'juxta-rotating-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshFolder = () => join(root, `logs-${folders++}`);
const fixedTime = () => new Date('2026-01-02T03:04:05.678Z');

describe('redactSecrets', () => {
  it.each([
    ['OpenAI key', 'using key sk-proj-AbCdEf1234567890xyz for the call', 'using key sk-*** for the call'],
    ['OpenRouter key', 'key=sk-or-v1-0123456789abcdef0123456789abcdef', 'key=sk-***'],
    ['Anthropic key', '"sk-ant-api03-abcdefghijklmnop"', '"sk-***"'],
    ['bearer header', 'Authorization: Bearer abc.def-ghi_jkl123', 'Authorization: Bearer ***'],
    ['header without scheme', 'x-api-key: abcdef123456', 'x-api-key: ***'],
    ['bare bearer', 'sent Bearer eyJhbGciOiJIUzI1NiJ9.payload', 'sent Bearer ***'],
    ['JSON apiKey', '{"apiKey":"hunter2-very-secret","label":"x"}', '{"apiKey":"***","label":"x"}'],
    ['query string', 'GET /v1?api_key=abcd1234&x=1', 'GET /v1?api_key=***&x=1'],
    ['Google key', 'AIzaSyA1234567890abcdefghijklmnopqrstu', '***'],
    ['GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '***'],
  ])('masks a %s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Run 3f2a finished: 3 responses, 1 stopped (task-runner, sk- prefix alone, 429 from openai/gpt-4o).';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('formatLogLine', () => {
  it('is one line with time and level, redacted, newlines escaped, bounded', () => {
    expect(formatLogLine('warn', 'first\nsecond sk-abcdefghijkl', fixedTime())).toBe('2026-01-02T03:04:05.678Z WARN  first\\nsecond sk-***\n');
    const long = formatLogLine('info', 'x'.repeat(10_000), fixedTime());
    expect(long.length).toBeLessThan(4200);
    expect(long).toContain('(6000 more characters)');
  });
});

describe('createRotatingLog', () => {
  it('writes redacted lines, and debug lines only when debug is enabled', () => {
    const directory = freshFolder();
    const quiet = createRotatingLog({ directory, now: fixedTime });
    quiet.info('connected with sk-live-1234567890abcdef');
    quiet.debug('prompt text: tell me a secret');
    const text = readFileSync(quiet.filePath, 'utf8');
    expect(text).toBe('2026-01-02T03:04:05.678Z INFO  connected with sk-***\n');
    expect(text).not.toContain('1234567890abcdef');
    expect(text).not.toContain('prompt text');

    const verbose = createRotatingLog({ directory, now: fixedTime, debug: true });
    verbose.debug('prompt text: tell me a story');
    expect(readFileSync(verbose.filePath, 'utf8')).toContain('DEBUG prompt text: tell me a story');
  });

  it('rotates by size and keeps at most maxFiles files', () => {
    const directory = freshFolder();
    const log = createRotatingLog({ directory, maxBytes: 200, maxFiles: 3, now: fixedTime });
    // Each line is 30 + 2 + 1 = 70 bytes: two fit in 200, the third rotates.
    for (let index = 0; index < 10; index += 1) log.info(`line ${index} ${'.'.repeat(30)}`);
    expect(readdirSync(directory).sort()).toEqual(['juxta.log', 'juxta.log.1', 'juxta.log.2']);
    const current = readFileSync(join(directory, 'juxta.log'), 'utf8');
    const previous = readFileSync(join(directory, 'juxta.log.1'), 'utf8');
    const oldest = readFileSync(join(directory, 'juxta.log.2'), 'utf8');
    expect(current).toContain('line 9');
    expect(previous).toContain('line 7');
    expect(oldest).toContain('line 5');
    expect(`${oldest}${previous}${current}`).not.toContain('line 3');
    for (const file of readdirSync(directory)) expect(readFileSync(join(directory, file)).length).toBeLessThanOrEqual(200);
  });

  it('continues an existing file after a restart and rotates it when full', () => {
    const directory = freshFolder();
    createRotatingLog({ directory, maxBytes: 150, now: fixedTime }).info('before restart ' + '.'.repeat(40));
    const again = createRotatingLog({ directory, maxBytes: 150, now: fixedTime });
    again.info('after restart ' + '.'.repeat(40));
    expect(existsSync(join(directory, 'juxta.log.1'))).toBe(true);
    expect(readFileSync(join(directory, 'juxta.log.1'), 'utf8')).toContain('before restart');
    expect(readFileSync(join(directory, 'juxta.log'), 'utf8')).toContain('after restart');
  });

  it('never throws when the folder cannot be written, and says so once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // A file where the log's folder should be.
    createRotatingLog({ directory: root, fileName: 'not-a-folder' }).info('x');
    const log = createRotatingLog({ directory: join(root, 'not-a-folder', 'logs') });
    expect(() => {
      log.info('first');
      log.error('second');
    }).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('mirrors every written line', () => {
    const mirrored: string[] = [];
    const log = createRotatingLog({ directory: freshFolder(), now: fixedTime, mirror: (line) => mirrored.push(line) });
    log.warn('hello');
    expect(mirrored).toEqual(['2026-01-02T03:04:05.678Z WARN  hello']);
  });
});
