/**
 * The Findings tab's analysis at organization scale, on the production build in headless
 * Chromium: for generated designs (`?generate=N`), the run in the worker from "Run analysis"
 * to its findings, and what the page's main thread does meanwhile:
 * - wall time of the run (the worker's; the machine's load inflates it: see the load average);
 * - main-thread CPU during the run (CDP ThreadTime: receiving progress and the result, drawing);
 * - the longest main-thread task and the longest delay of a 50 ms heartbeat timer during the
 *   run: the UI never freezes when both stay small (headless Chromium draws no frames here, so
 *   a timer stands in for them); the page is read with plain DOM queries, cheap next to
 *   Playwright's role queries, which would load the main thread themselves;
 * - the progress bar's values seen (it moves), and Cancel: time from the click to the bar gone,
 *   with the Run button usable again.
 *
 *   npx vite build && npx tsx bench/analysis-app.bench.ts [--sizes 2000,10000] [--dist dist]
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { mainThreadMs, startPreview } from './preview.ts';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const sizes = (option('sizes') ?? '2000,10000').split(',').map(Number);
const dist = option('dist') ?? 'dist';

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    __beats: number[];
  }
}

/** Records long tasks and a 50 ms heartbeat's late ticks from the first script on. */
function recordMainThread() {
  window.__longTasks = [];
  window.__beats = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  setInterval(() => window.__beats.push(performance.now()), 50);
}

/** The longest task and the longest gap between heartbeats in [from, to] (page time). */
const mainThreadBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) => {
      const tasks = window.__longTasks.filter((x) => x.start >= a && x.start <= b);
      const beats = window.__beats.filter((t) => t >= a && t <= b);
      let gap = 0;
      for (let i = 1; i < beats.length; i++) gap = Math.max(gap, beats[i]! - beats[i - 1]!);
      return {
        longestTaskMs: Math.round(tasks.reduce((m, x) => Math.max(m, x.duration), 0)),
        longestHeartbeatGapMs: Math.round(gap),
        heartbeats: beats.length,
      };
    },
    [from, to] as const,
  );

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function measure(page: Page, size: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`/?generate=${size}`);
  await page.waitForSelector('[aria-roledescription="node"]', { timeout: 300_000 });
  await page.waitForTimeout(2000);
  await page.getByRole('tab', { name: 'Findings' }).click();

  // Cancel: a run stopped partway.
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const bar = page.getByRole('progressbar', { name: 'Analysis progress' });
  await bar.waitFor();
  await page.waitForTimeout(500);
  const cancelAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Cancel' }).click();
  await bar.waitFor({ state: 'detached' });
  const cancelMs = (await page.evaluate(() => performance.now())) - cancelAt;
  const runUsable = await page.getByRole('button', { name: 'Run analysis' }).isEnabled();

  // A whole run.
  const cpu0 = await mainThreadMs(cdp);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const seen = new Set<string>();
  for (;;) {
    const now = await page.evaluate(() => ({
      value: document.querySelector<HTMLProgressElement>('progress[aria-label="Analysis progress"]')
        ?.value,
      done: [...document.querySelectorAll('button')].some(
        (b) => b.textContent === 'Run analysis again',
      ),
      failed: document.querySelector('[role="alert"]')?.textContent,
    }));
    if (now.failed) throw new Error(now.failed);
    if (now.value !== undefined) seen.add(now.value.toFixed(2));
    if (now.done) break;
    await page.waitForTimeout(250);
  }
  const t1 = await page.evaluate(() => performance.now());
  const cpu1 = await mainThreadMs(cdp);
  const summary = await page.getByText(/of \d+ findings/).innerText();
  return {
    size,
    runWallMs: Math.round(t1 - t0),
    mainThreadCpuMs: Math.round(cpu1 - cpu0),
    ...(await mainThreadBetween(page, t0, t1)),
    progressValues: [...seen].sort(),
    cancelMs: Math.round(cancelMs),
    runUsableAfterCancel: runUsable,
    summary,
    load: load(),
  };
}

const preview = await startPreview(dist);
try {
  for (const size of sizes) {
    const context = await preview.browser.newContext({
      baseURL: preview.base,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.addInitScript(recordMainThread);
    page.setDefaultTimeout(600_000);
    console.log(JSON.stringify(await measure(page, size)));
    await context.close();
  }
} finally {
  await preview.close();
}
