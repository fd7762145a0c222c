// The real renderer (built into out/renderer) in Debian's Chromium, served by the real web host
// on the real engine and store, against the provider simulator. Nothing in between is faked.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openNodeRuntime, type NodeRuntime } from '../../electron/hosts/node-runtime';
import { startWebHost, type WebHost } from '../../electron/hosts/web-host';
import { startSimulator } from '../simulator/index';
import type { SimulatedModel, Simulator } from '../simulator/types';

export const CHROMIUM_PATH = process.env.JUXTA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const RENDERER_DIR = resolve('out/renderer');
export const SCREENSHOT_DIR = resolve('test-results');

export interface BrowserFixture {
  simulator: Simulator;
  runtime: NodeRuntime;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page errors seen so far: a test asserts there are none. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export function assertBrowserPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}: install it (Debian: apt-get install -y chromium) or set JUXTA_CHROMIUM.`);
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('Browser tests need the built renderer: run npm run build:renderer (npm test does it first).');
  }
}

export async function startBrowserFixture(models: SimulatedModel[]): Promise<BrowserFixture> {
  assertBrowserPrerequisites();
  const simulator = await startSimulator({ models });
  const dataDir = mkdtempSync(join(tmpdir(), 'juxta-browser-'));
  const runtime = await openNodeRuntime({ dataDir, host: 'web', demo: true, env: {} });
  const host = await startWebHost({ engine: runtime.engine, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(host.url);
  return {
    simulator,
    runtime,
    host,
    browser,
    page,
    pageErrors,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
      await host.close();
      await runtime.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Types into a Monaco editor the way a user does: click, select all, type. */
export async function typeIntoEditor(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.getByTestId(testId);
  await editor.locator('.monaco-editor').waitFor();
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
