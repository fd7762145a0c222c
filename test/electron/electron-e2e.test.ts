// The desktop app end to end, through Playwright's Electron driver: add a connection to the
// provider simulator, run three models, see three columns with metrics, quit, relaunch, find the
// run in history. Also: window.juxta is the contract and nothing else, and a hostile link cannot
// move the page. Runs only where an Electron binary exists (and, on Linux, a display or Xvfb);
// otherwise it is skipped and says why.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/method-names';
import { defaultModels, startSimulator, type Simulator } from '../simulator/index';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const electronPackage = join(projectRoot, 'node_modules', 'electron');
const MODELS = ['openai/gpt-4o', 'anthropic/claude-sonnet-4', 'deepseek/deepseek-r1'];
const PROMPT = 'Name three rivers in Europe.';
const SCREENSHOT = join(projectRoot, 'test-results', 'electron.png');

/** Same lookup as scripts/start.mjs: the binary the electron package would run, never a download. */
function findElectronBinary(): { path?: string; reason?: string } {
  const pathFile = join(electronPackage, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const fallbackName = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, executable || fallbackName) : executable ? join(electronPackage, 'dist', executable) : undefined;
  if (!candidate) return { reason: "no Electron binary: node_modules/electron/path.txt is missing (the binary was never downloaded) and ELECTRON_OVERRIDE_DIST_PATH is not set" };
  if (!existsSync(candidate)) return { reason: `no Electron binary at ${candidate}` };
  return { path: candidate };
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const binary = findElectronBinary();
const needsVirtualDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason =
  binary.reason ?? (needsVirtualDisplay && !hasCommand('Xvfb') ? 'no display: DISPLAY is not set and Xvfb is not installed (apt-get install xvfb)' : undefined);
if (skipReason) console.warn(`Electron e2e skipped: ${skipReason}.`);

/** Starts Xvfb on a free display number and returns it, e.g. ":99". */
function startVirtualDisplay(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number to stdout once it accepts clients.
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    xvfb.once('error', reject);
    xvfb.stdout?.once('data', (chunk: Buffer) => resolve({ display: `:${chunk.toString().trim()}`, process: xvfb }));
  });
}

function run(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

describe.skipIf(skipReason !== undefined)('Electron app end to end', () => {
  let simulator: Simulator;
  let userDataDirectory: string;
  let virtualDisplay: { display: string; process: ChildProcess } | undefined;
  let application: ElectronApplication | undefined;
  const pageErrors: string[] = [];

  async function launch(): Promise<Page> {
    const environment: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') environment[name] = value;
    environment.JUXTA_USER_DATA_DIR = userDataDirectory;
    if (virtualDisplay) environment.DISPLAY = virtualDisplay.display;
    application = await electron.launch({
      executablePath: binary.path,
      // CI containers lack the SUID helper / user namespaces Chromium's OS sandbox needs; the
      // renderer stays sandbox: true (no Node in the preload), which the assertions below check.
      args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), projectRoot],
      cwd: projectRoot,
      env: environment,
      timeout: 60_000,
    });
    const page = await application.firstWindow({ timeout: 60_000 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.waitForLoadState('domcontentloaded');
    return page;
  }

  async function quit(): Promise<void> {
    // app.close() goes through will-quit: the engine stops, then the database closes.
    await application?.close();
    application = undefined;
  }

  beforeAll(async () => {
    // Build exactly what npm start would launch: the Electron addon, then main/preload/renderer.
    run(join(projectRoot, 'scripts', 'build-electron-native.mjs'), []);
    run(join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build']);
    if (needsVirtualDisplay) virtualDisplay = await startVirtualDisplay();
    simulator = await startSimulator({ models: defaultModels() });
    userDataDirectory = mkdtempSync(join(tmpdir(), 'juxta-electron-e2e-'));
    mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
  }, 15 * 60_000);

  afterAll(async () => {
    await quit().catch(() => undefined);
    await simulator?.close();
    virtualDisplay?.process.kill();
    if (userDataDirectory) rmSync(userDataDirectory, { recursive: true, force: true });
  });

  it('exposes only the contract to the page, with no Node and no navigation away', async () => {
    const page = await launch();
    await page.getByTestId('add-key-button').or(page.getByTestId('connections-button')).first().waitFor();
    const surface = await page.evaluate(() => {
      const exposed = window as unknown as Record<string, unknown>;
      return {
        juxta: Object.keys(exposed.juxta as object).sort(),
        require: typeof exposed.require,
        process: typeof exposed.process,
        url: location.href,
      };
    });
    expect(surface.juxta).toEqual([...methodNames, 'subscribeRun'].sort());
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.url).toMatch(/^app:\/\/juxta\//);

    // A hostile link, same tab and new window: the page stays where it is and no window opens.
    await page.evaluate(() => {
      for (const [id, target] of [['hostile-same', '_self'], ['hostile-new', '_blank']]) {
        const link = document.createElement('a');
        link.id = id ?? '';
        link.href = 'file:///etc/passwd';
        link.target = target ?? '';
        link.textContent = id ?? '';
        document.body.append(link);
      }
    });
    await page.click('#hostile-same');
    await page.click('#hostile-new');
    // Not an http(s) URL, so nothing is handed to the system browser either.
    expect(await page.evaluate(() => window.open('file:///etc/passwd'))).toBeNull();
    expect(page.url()).toBe(surface.url);
    expect(application?.windows()).toHaveLength(1);
    await page.evaluate(() => document.querySelectorAll('#hostile-same, #hostile-new').forEach((link) => link.remove()));
    await quit();
  }, 180_000);

  it('runs three models side by side, keeps the run across a restart and finds it in history', async () => {
    let page = await launch();

    // Add a connection to the simulator through the form, as a user would.
    await page.getByTestId('add-key-button').or(page.getByTestId('connections-button')).first().click();
    const addConnection = page.getByTestId('add-connection-button');
    if (await addConnection.isVisible()) await addConnection.click();
    await page.getByTestId('connection-kind').selectOption('openai-compatible');
    await page.getByTestId('connection-label').fill('Simulator');
    await page.getByTestId('connection-base-url').fill(simulator.baseUrl);
    await page.getByTestId('connection-api-key').fill('sk-sim-e2e-key');
    await page.getByTestId('connection-save').click();
    // The first connection closes the dialog by itself; a later one returns to the list.
    const openDialog = page.locator('dialog[open]');
    const saved = async () => (await openDialog.count()) === 0 || (await page.getByTestId('connection-row').count()) > 0;
    await expect.poll(saved, { timeout: 15_000 }).toBe(true);
    if (await openDialog.count()) await openDialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => openDialog.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('model-picker-input').isEnabled(), { timeout: 10_000 }).toBe(true);

    for (const model of MODELS) {
      const picker = page.getByTestId('model-picker-input');
      await picker.click();
      await picker.fill(model);
      await picker.press('Enter');
      await page.locator(`[data-testid="model-chip"][data-model="${model}"]`).waitFor();
    }

    await page.getByTestId('prompt-editor').click();
    await page.keyboard.type(PROMPT);
    await page.getByTestId('run-button').click();

    const columns = page.getByTestId('result-column');
    await expect.poll(() => columns.count(), { timeout: 30_000 }).toBe(3);
    await expect
      .poll(() => page.locator('[data-testid="result-column"][data-status="done"]').count(), { timeout: 60_000 })
      .toBe(3);
    for (let index = 0; index < 3; index += 1) {
      const column = columns.nth(index);
      expect(await column.getAttribute('data-model')).toBe(MODELS[index]);
      expect((await column.getByTestId('metric-ttft').innerText()).trim()).toMatch(/\d/);
      expect((await column.getByTestId('metric-cost').innerText()).trim()).toMatch(/\$\s?\d/);
    }
    expect(simulator.requests.map((request) => request.model).sort()).toEqual([...MODELS].sort());

    await quit();
    page = await launch();

    await page.getByTestId('history-button').click();
    const row = page.getByTestId('history-row').filter({ hasText: PROMPT.slice(0, 20) });
    await row.first().waitFor({ timeout: 15_000 });
    await row.first().click();
    await expect.poll(() => page.getByTestId('result-column').count(), { timeout: 15_000 }).toBe(3);
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(pageErrors).toEqual([]);
    await quit();
  }, 300_000);
});
