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
 * - the progress bar's values seen (it moves), and Cancel, pressed early (half a second into a
 *   run) and late (once the bar is past half way): the time from the click event to the page
 *   without the bar (read in the page: a mutation observer, no Playwright round trip), the
 *   Run button usable again, and the longest main-thread task and heartbeat gap from the Run
 *   click to a second after the Cancel (target: the answer within 200 ms, no task over 200 ms).
 *
 * - for the whole run, the longest main-thread task while it runs (Run click to the last
 *   progress), as it finishes (the result arriving and drawn, to a second after) and at each
 *   Cancel (target: every one under 100 ms);
 * - with `--trace`, a Chromium performance trace of each of the three (two Cancels, one whole
 *   run): its longest main-thread tasks, with the trace events and JavaScript stacks inside.
 *
 *   npx vite build && npx tsx bench/analysis-app.bench.ts [--sizes 2000,10000] [--dist dist]
 *     [--cancel-only] [--trace]
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { mainThreadMs, startPreview } from './preview.ts';
import { startTrace, type TracedTask } from './trace.ts';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const sizes = (option('sizes') ?? '2000,10000').split(',').map(Number);
const dist = option('dist') ?? 'dist';
/** Measure the two Cancels only, not the whole run after them. */
const cancelOnly = process.argv.includes('--cancel-only');
const tracing = process.argv.includes('--trace');

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    __beats: number[];
    /** When the progress bar's value changed, and to what (read with the heartbeat). */
    __progress: { at: number; value: number }[];
    /** The last Cancel click's event time, and when the page next had no progress bar. */
    __cancel: { clickedAt: number; answeredAt?: number } | undefined;
  }
}

/**
 * Records long tasks and a 50 ms heartbeat's late ticks from the first script on, and how soon
 * the page answers a Cancel click (the progress bar gone).
 */
function recordMainThread() {
  window.__longTasks = [];
  window.__beats = [];
  window.__progress = [];
  window.__cancel = undefined;
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('button')?.textContent === 'Cancel')
        window.__cancel = { clickedAt: event.timeStamp };
    },
    true,
  );
  new MutationObserver(() => {
    const c = window.__cancel;
    if (c && c.answeredAt === undefined && !document.querySelector('progress'))
      c.answeredAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  setInterval(() => {
    const now = performance.now();
    window.__beats.push(now);
    const bar = document.querySelector<HTMLProgressElement>(
      'progress[aria-label="Analysis progress"]',
    );
    if (bar && bar.value !== window.__progress.at(-1)?.value)
      window.__progress.push({ at: now, value: bar.value });
  }, 50);
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

/**
 * Runs the analysis and presses Cancel half a second in (`early`, a click as a person makes
 * it) or once the escalations stage has begun (`late`, clicked in the page the moment the bar
 * passes 0.45, polled every 50 ms: Playwright's click waits for frames a loaded headless Chromium
 * may not draw, and so would a requestAnimationFrame poll).
 */
async function cancelRun(page: Page, when: 'early' | 'late') {
  const startAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const bar = page.getByRole('progressbar', { name: 'Analysis progress' });
  await bar.waitFor();
  let fraction: number | null;
  if (when === 'early') {
    await page.waitForTimeout(500);
    fraction = await page.evaluate(
      () =>
        document.querySelector<HTMLProgressElement>('progress[aria-label="Analysis progress"]')
          ?.value ?? null,
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
  } else {
    const clicked = await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>(
          'progress[aria-label="Analysis progress"]',
        );
        if (!bar) return 'finished';
        if (bar.value < 0.45) return false;
        const cancel = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Cancel',
        );
        cancel?.click();
        return bar.value;
      },
      undefined,
      { polling: 50, timeout: 600_000 },
    );
    const value = await clicked.jsonValue();
    if (value === 'finished') return { when, finishedBeforeCancel: true };
    fraction = value as number;
  }
  await bar.waitFor({ state: 'detached' });
  const runUsable = await page.getByRole('button', { name: 'Run analysis' }).isEnabled();
  const cancel = await page.evaluate(() => window.__cancel);
  if (!cancel?.answeredAt) throw new Error('no Cancel click recorded');
  await page.waitForTimeout(1000);
  // Where the long tasks fell: ms from the Cancel click (negative: while the run worked).
  const longTasks = await page.evaluate(
    ([a, b, at]) =>
      window.__longTasks
        .filter((x) => x.start >= a && x.start <= b && x.duration >= 100)
        .map((x) => ({ fromCancelMs: Math.round(x.start - at), ms: Math.round(x.duration) })),
    [startAt, cancel.clickedAt + 1000, cancel.clickedAt] as const,
  );
  return {
    when,
    atFraction: fraction === null ? null : Number(fraction.toFixed(2)),
    answerMs: Math.round(cancel.answeredAt - cancel.clickedAt),
    runUsableAfterCancel: runUsable,
    ...(await mainThreadBetween(page, startAt, cancel.clickedAt + 1000)),
    tasksOver100Ms: longTasks,
  };
}

async function measure(page: Page, size: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`/?generate=${size}`);
  await page.waitForSelector('[aria-roledescription="node"]', { timeout: 300_000 });
  await page.waitForTimeout(2000);
  await page.getByRole('tab', { name: 'Findings' }).click();

  const traces: Record<string, TracedTask[]> = {};
  const traced = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    if (!tracing) return run();
    const stop = await startTrace(cdp);
    const value = await run();
    traces[name] = await stop();
    return value;
  };
  const early = await traced('cancel early', () => cancelRun(page, 'early'));
  const late = await traced('cancel late', () => cancelRun(page, 'late'));
  if (cancelOnly)
    return { size, cancel: [early, late], load: load(), ...(tracing ? { traces } : {}) };

  // A whole run.
  const stopTrace = tracing ? await startTrace(cdp) : undefined;
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
  await page.waitForTimeout(1000);
  if (stopTrace) traces['whole run'] = await stopTrace();
  // Running: up to the last progress the bar showed; finishing: from then to a second after.
  const lastProgress = await page.evaluate(
    (from) => window.__progress.filter((p) => p.at >= from).at(-1)?.at ?? from,
    t0,
  );
  const summary = await page.getByText(/of \d+ findings/).innerText();
  const running = await mainThreadBetween(page, t0, lastProgress);
  const finishing = await mainThreadBetween(page, lastProgress + 1, t1 + 1000);
  return {
    size,
    runWallMs: Math.round(t1 - t0),
    mainThreadCpuMs: Math.round(cpu1 - cpu0),
    ...(await mainThreadBetween(page, t0, t1)),
    longestTaskMsWhile: {
      running: running.longestTaskMs,
      finishing: finishing.longestTaskMs,
      cancelEarly: 'longestTaskMs' in early ? early.longestTaskMs : null,
      cancelLate: 'longestTaskMs' in late ? late.longestTaskMs : null,
    },
    progressValues: [...seen].sort(),
    cancel: [early, late],
    summary,
    load: load(),
    ...(tracing ? { traces } : {}),
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
