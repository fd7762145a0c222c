// `juxta export` as a user runs it: a child process with its own JUXTA_HOME, a run made against the simulator.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index';
import { runJuxta, type CliResult } from './run-juxta';

const API_KEY = 'sk-sim-export-test-9a8b7c6d5e';

let home: string;
let simulator: Simulator;

function juxta(args: string[], stdin?: string): Promise<CliResult> {
  return runJuxta(home, args, stdin);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'juxta-cli-export-'));
  simulator = await startSimulator({ apiKeys: [API_KEY] });
});

afterAll(async () => {
  await simulator?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('juxta export', () => {
  it('exports a run as Markdown on stdout and HTML into a file, without the key; usage errors exit 2', async () => {
    const added = await juxta(['connections', 'add', '--kind', 'openai-compatible', '--label', 'sim', '--base-url', simulator.baseUrl, '--key-stdin'], `${API_KEY}\n`);
    expect(added.code).toBe(0);
    const compared = await juxta(['compare', '--models', 'sim/fast,openai/gpt-4o', '--prompt', 'Export me', '--json', '--max-tokens', '20']);
    expect(compared.code).toBe(0);
    const { runId } = JSON.parse(compared.stdout) as { runId: string };

    const out = join(home, 'report.html');
    // Independent commands, started together to keep the suite short.
    const [markdown, html, badFormat, noRun, unknown] = await Promise.all([
      juxta(['export', '--run', runId, '--format', 'md']),
      juxta(['export', '--run', runId, '--format', 'html', '--out', out]),
      juxta(['export', '--run', runId, '--format', 'pdf']),
      juxta(['export', '--format', 'csv']),
      juxta(['export', '--run', 'no-such-run', '--format', 'json']),
    ]);
    expect(markdown.stderr).toBe('');
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain(`# Juxta run ${runId}`);
    expect(markdown.stdout).toContain('openai/gpt-4o');
    expect(markdown.stdout).not.toContain(API_KEY);

    expect(html.code).toBe(0);
    expect(html.stdout).toBe('');
    const written = readFileSync(out, 'utf8');
    expect(written).toMatch(/^<!doctype html>/);
    expect(written).toContain('sim/fast');
    expect(written).not.toContain(API_KEY);

    expect(badFormat).toMatchObject({ code: 2, stderr: expect.stringContaining('--format csv, json, md or html') });
    expect(noRun.code).toBe(2);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No run with id no-such-run') });
  });
});
