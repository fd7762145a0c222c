// npm run bench:ui [-- --json] [-- --tokens N]
// 8 columns x 100 tokens/s x 4,000 tokens each, streamed into the real renderer in headless
// Chromium through the real web host and engine. Reports long tasks (> 50 ms) and frame times.
import { performance } from 'node:perf_hooks';
import { percentile, printReport, round } from './bench-report';
import { startBrowserFixture, typeIntoEditor } from '../test/browser/browser-fixture';

const COLUMNS = 8;
const TOKENS_PER_SECOND = 100;
const tokensFlag = process.argv.indexOf('--tokens');
const OUTPUT_TOKENS = tokensFlag > 0 ? Number(process.argv[tokensFlag + 1]) : 4000;

interface PageFigures {
  longTasks: number[];
  /** Start of each long task, ms after Run was pressed: tells whether they cluster at start, end or throughout. */
  longTaskStarts: number[];
  runStartedAt: number;
  frameIntervals: number[];
}

async function main(): Promise<void> {
  const models = Array.from({ length: COLUMNS }, (_, index) => ({
    id: `bench/column-${index + 1}`,
    firstTokenDelayMs: 100 + index * 20,
    tokensPerSecond: TOKENS_PER_SECOND,
    outputTokens: OUTPUT_TOKENS,
  }));
  const fixture = await startBrowserFixture(models);
  const { page, simulator } = fixture;
  try {
    // Observers go in before the app's own scripts run. A string, not a function: tsx's
    // name-keeping helper (__name) does not exist in the page.
    await page.addInitScript(`
      const figures = { longTasks: [], longTaskStarts: [], frameIntervals: [], runStartedAt: 0 };
      window.juxtaBench = figures;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          figures.longTasks.push(entry.duration);
          figures.longTaskStarts.push(entry.startTime - figures.runStartedAt);
        }
      }).observe({ type: 'longtask', buffered: true });
      let last = performance.now();
      function tick(now) {
        figures.frameIntervals.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      }
      requestAnimationFrame(tick);
    `);
    await fixture.runtime.engine.addConnection({ kind: 'openai-compatible', label: 'Bench simulator', baseUrl: simulator.baseUrl });
    await page.reload();
    const picker = page.getByTestId('model-picker-input');
    for (const model of models) {
      await picker.fill(model.id);
      await picker.press('Enter');
    }
    await typeIntoEditor(page, 'prompt-editor', 'Write a long report.');

    // Measure only the streaming: reset the page figures right before Run.
    await page.evaluate(
      'window.juxtaBench.longTasks.length = 0; window.juxtaBench.longTaskStarts.length = 0; window.juxtaBench.frameIntervals.length = 0; window.juxtaBench.runStartedAt = performance.now();',
    );
    const startedAt = performance.now();
    await page.getByTestId('run-button').click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="result-column"][data-status="done"]').length === count,
      COLUMNS,
      { timeout: (OUTPUT_TOKENS / TOKENS_PER_SECOND) * 1000 * 3 + 30_000, polling: 500 },
    );
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const figures = (await page.evaluate('window.juxtaBench')) as PageFigures;
    await fixture.screenshot('bench-ui-8-columns');

    const frames = figures.frameIntervals.slice(1);
    const result = {
      columns: COLUMNS,
      tokensPerSecondPerColumn: TOKENS_PER_SECOND,
      tokensPerColumn: OUTPUT_TOKENS,
      wallSeconds: round(wallSeconds, 1),
      longTasksOver50Ms: figures.longTasks.filter((duration) => duration > 50).length,
      longestTaskMs: round(Math.max(0, ...figures.longTasks), 1),
      longTasksOver50MsAtSeconds: figures.longTasks
        .map((duration, index) => ({ duration, at: figures.longTaskStarts[index]! }))
        .filter((task) => task.duration > 50)
        .map((task) => round(task.at / 1000, 1)),
      frames: frames.length,
      frameP50Ms: round(percentile(frames, 0.5), 1),
      frameP95Ms: round(percentile(frames, 0.95), 1),
      frameP99Ms: round(percentile(frames, 0.99), 1),
      frameMaxMs: round(Math.max(0, ...frames), 1),
      framesOver33MsPercent: round((frames.filter((interval) => interval > 33.4).length / Math.max(1, frames.length)) * 100, 2),
    };
    printReport(
      `Renderer: ${COLUMNS} columns x ${TOKENS_PER_SECOND} tok/s x ${OUTPUT_TOKENS} tokens (headless Chromium)`,
      [
        { metric: 'wall time of the run', value: result.wallSeconds, unit: 's', budget: `ideal ~${OUTPUT_TOKENS / TOKENS_PER_SECOND}` },
        { metric: 'long tasks over 50 ms', value: result.longTasksOver50Ms, unit: '', budget: '0', verdict: result.longTasksOver50Ms === 0 ? 'ok' : 'over' },
        { metric: 'longest task', value: result.longestTaskMs, unit: 'ms' },
        { metric: 'long tasks over 50 ms started at', value: result.longTasksOver50MsAtSeconds.join(', ') || '-', unit: 's after Run' },
        { metric: 'frame interval p50', value: result.frameP50Ms, unit: 'ms', budget: '~16.7' },
        { metric: 'frame interval p95', value: result.frameP95Ms, unit: 'ms' },
        { metric: 'frame interval p99', value: result.frameP99Ms, unit: 'ms' },
        { metric: 'frame interval max', value: result.frameMaxMs, unit: 'ms' },
        { metric: 'frames over 33 ms', value: result.framesOver33MsPercent, unit: '%' },
      ],
      result,
    );
  } finally {
    await fixture.close();
  }
}

await main();
