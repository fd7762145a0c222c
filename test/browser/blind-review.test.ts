// Reviewing a run in the real renderer: rate, note and tag it, diff two answers, export Markdown,
// then a blind A/B vote with no model or provider anywhere on the page until the reveal, and the leaderboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { startBrowserFixture, type BrowserFixture } from './browser-fixture';

const instant = { tokensPerSecond: 0, firstTokenDelayMs: 0 };
const models = [
  { id: 'sim/alpha', name: 'Alpha (simulated)', provider: 'AlphaCloud', text: 'Binary search halves the sorted range on every step until it finds the target.', ...instant },
  { id: 'sim/beta', name: 'Beta (simulated)', provider: 'BetaWorks', text: 'Binary search splits a sorted list in two on each step until the target is found or nothing is left.', ...instant },
  { id: 'sim/namer', name: 'Namer (simulated)', provider: 'NamerAI', text: 'As Claude, I would pick merge sort: it is stable.', ...instant },
];
const [alpha, beta, namer] = models as [(typeof models)[0], (typeof models)[0], (typeof models)[0]];
// Everything that would tell the models apart; case-insensitive.
const secrets = ['sim/alpha', 'sim/beta', 'sim/namer', 'alphacloud', 'betaworks', 'namerai', 'alpha (simulated)', 'beta (simulated)', 'namer (simulated)'];

describe('blind review in the browser', () => {
  let fixture: BrowserFixture;

  beforeAll(async () => {
    fixture = await startBrowserFixture(models);
  });
  afterAll(async () => {
    await fixture?.close();
  });

  let connectionId = '';
  const pageText = async () => (await fixture.page.evaluate(() => `${document.title}\n${document.body.innerText}`)).toLowerCase();

  async function runModels(prompt: string, modelIds: string[]): Promise<string> {
    const { runtime, simulator } = fixture;
    if (!connectionId) {
      const connection = await dispatch(runtime.engine, 'addConnection', { kind: 'openai-compatible', label: 'Local simulator', baseUrl: simulator.baseUrl, apiKey: 'sk-test-browser-0123456789' });
      if (!connection.ok) throw new Error(connection.error.message);
      connectionId = connection.value.id;
    }
    const started = await dispatch(runtime.engine, 'startRun', { prompt, targets: modelIds.map((model) => ({ connectionId, model })) });
    if (!started.ok) throw new Error(started.error.message);
    await runtime.engine.waitForRun(started.value.runId);
    return started.value.runId;
  }

  it('rates, diffs and exports a run, votes blind without seeing a name, then reveals and ranks', async () => {
    const { page } = fixture;
    const runId = await runModels('Explain binary search in one sentence.', [alpha.id, beta.id]);

    // Open the run from history.
    await page.reload();
    await page.getByTestId('history-button').click();
    const row = page.locator(`[data-testid="history-row"][data-run-id="${runId}"]`);
    await row.click();
    const columns = page.getByTestId('result-column');
    await expect.poll(() => columns.count()).toBe(2);
    const alphaColumn = page.locator('[data-testid="result-column"][data-model="sim/alpha"]');
    await expect.poll(() => alphaColumn.getAttribute('data-status')).toBe('done');

    // Rating, persisted: it is still there after reopening the run.
    await alphaColumn.getByTestId('rating-star-4').click();
    await alphaColumn.getByTestId('rating-thumb-up').click();
    await expect.poll(() => alphaColumn.getByTestId('rating-thumb-up').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('run-notes-button').click();
    await page.getByTestId('run-notes').fill('Beta is wordier.');
    await page.getByTestId('run-tags').fill('algorithms, short');
    await page.getByTestId('run-notes-save').click();
    await expect.poll(() => page.getByTestId('run-notes-button').innerText()).toContain('algorithms');
    await page.getByTestId('new-comparison').click();
    await row.click();
    await expect.poll(() => alphaColumn.getByTestId('rating-star-4').getAttribute('aria-pressed')).toBe('true');
    expect(await alphaColumn.getByTestId('rating-thumb-up').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('run-notes-button').innerText()).toContain('short');
    await fixture.screenshot('review-columns');

    // Diff of the two answers: words added and removed are highlighted, deltas listed.
    for (const index of [0, 1]) await columns.nth(index).getByTestId('column-compare').check();
    await page.getByTestId('diff-button').click();
    const diff = page.getByTestId('diff-view');
    await diff.locator('.diff-added').first().waitFor();
    expect(await diff.locator('.diff-removed').count()).toBeGreaterThan(0);
    expect(await diff.getByTestId('diff-deltas').innerText()).toContain('Characters');
    await fixture.screenshot('diff');
    await page.keyboard.press('Escape');
    await expect.poll(() => diff.count()).toBe(0);

    // Export as Markdown: a real file download with both models in it.
    await page.getByTestId('export-button').click();
    await fixture.screenshot('export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-format-markdown').click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    for (const model of [alpha, beta]) expect(markdown).toContain(model.id);

    // Blind review: nothing on the page (history drawer still open) nor in the title names a model.
    await page.getByTestId('blind-review-button').click();
    const view = page.getByTestId('blind-review-view');
    await expect.poll(() => page.getByTestId('blind-answer').count()).toBe(2);
    expect(await page.getByTestId('blind-answer').first().getAttribute('data-label')).toBe('A');
    const blindText = await pageText();
    for (const secret of secrets) expect(blindText, secret).not.toContain(secret);
    expect(blindText).toContain('halves the sorted range');
    expect(await page.getByTestId('blind-identity-flag').count()).toBe(0);
    await fixture.screenshot('blind-review');

    // Vote with the keyboard: 1 = A is better. Then the names appear.
    await page.keyboard.press('1');
    const reveal = page.getByTestId('blind-reveal');
    await reveal.waitFor();
    expect(await view.getAttribute('data-state')).toBe('revealed');
    const revealedText = await reveal.innerText();
    for (const model of [alpha, beta]) expect(revealedText).toContain(model.id);
    const winner = (await page.locator('[data-testid="blind-answer"][data-label="A"] .blind-model').innerText()).trim();
    expect([alpha.id, beta.id]).toContain(winner);
    expect(revealedText).toContain(`${winner} wins`);
    await fixture.screenshot('blind-review-revealed');

    // The leaderboard counts the vote.
    await page.getByTestId('leaderboard-button').click();
    await page.getByTestId('leaderboard-view').waitFor();
    const rows = page.getByTestId('leaderboard-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-model')).toBe(winner);
    expect(await rows.first().getByTestId('leaderboard-votes').innerText()).toBe('1');
    expect(await rows.first().innerText()).toContain('100%');
    await fixture.screenshot('leaderboard');

    // Back to the run, then re-run it: a second run with the same two models opens and lands in history.
    await page.getByTestId('leaderboard-button').click();
    await page.getByTestId('blind-review-close').click();
    await page.getByTestId('rerun-button').click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid="history-row"][aria-current="true"]').getAttribute('data-run-id')).not.toBe(runId);
    await expect.poll(() => page.locator('[data-testid="result-column"][data-status="done"]').count()).toBe(2);

    expect(fixture.pageErrors).toEqual([]);
  });

  it('flags an answer that names its model, voids that vote, and moves between runs with j/k', async () => {
    const { page } = fixture;
    const runId = await runModels('Which sort is best?', [alpha.id, namer.id]);
    await page.reload();
    await page.getByTestId('history-button').click();
    await page.locator(`[data-testid="history-row"][data-run-id="${runId}"]`).click();
    await expect.poll(() => page.locator('[data-testid="result-column"][data-status="done"]').count()).toBe(2);

    await page.getByTestId('blind-review-button').click();
    await expect.poll(() => page.getByTestId('blind-answer').count()).toBe(2);
    expect(await page.getByTestId('blind-identity-flag').count()).toBe(1);
    await fixture.screenshot('blind-identity-flag');
    for (const secret of secrets) expect(await pageText(), secret).not.toContain(secret);

    await page.keyboard.press('3');
    const reveal = page.getByTestId('blind-reveal');
    await reveal.waitFor();
    expect(await reveal.innerText()).toContain('Tie');
    await page.getByTestId('void-vote').click();
    await expect.poll(() => reveal.innerText()).toContain('voided');

    // j: the next older run (the re-run of alpha and beta), blind again.
    await page.keyboard.press('j');
    const view = page.getByTestId('blind-review-view');
    await expect.poll(() => view.getAttribute('data-state')).toBe('blind');
    await expect.poll(async () => (await pageText()).includes('binary search')).toBe(true);
    for (const secret of secrets) expect(await pageText(), secret).not.toContain(secret);

    // Esc: back to the run on screen, names and all.
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);
    await expect.poll(() => page.getByTestId('result-column').count()).toBe(2);

    await page.getByTestId('leaderboard-button').click();
    await expect.poll(() => page.getByTestId('leaderboard-view').innerText()).toContain('1 voided');
    expect(fixture.pageErrors).toEqual([]);
  });
});
