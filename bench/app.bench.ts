/**
 * The app at organization scale, on the production build in headless Chromium. Reports, for
 * the sample and for generated designs of 2,000 / 10,000 / 20,000 nodes (each opened in fresh
 * browser contexts; medians):
 * - open: time from navigation start to the first frame with a node on screen (in the canvas
 *   and the window, not hidden; wall), the main thread's CPU time until then, and the longest main-thread task (by CPU time, from a Chromium trace)
 *   from navigation until the page is quiet; the longest task's wall time (PerformanceObserver
 *   `longtask`) beside it;
 * - DOM elements on the page with a role selected;
 * - drop: main-thread CPU time of one drag's drop (the renderer's main thread only, from a
 *   trace: raster and compositor threads are not counted), and its longest task;
 * - heap growth per drag (after forced garbage collection, over 24 drags after two warm-up
 *   drags; the heap varies by about a megabyte between reads, so fewer drags read noise);
 * - a rename in the inspector and a policy edit in Monaco: main-thread CPU time from the key
 *   until the page is quiet (debounced sends and autosave included), and the longest task;
 * and, on the sample, the time from "Assume role" to its outcome with and without reduced
 * motion. Targets (issue #17): open at 10,000 <= 3x the sample's, no task over 200 ms while
 * opening, <= 5,000 DOM elements, drop, rename and policy edit < 50 ms each, heap per drag < 10 KiB, reduced-motion
 * Assume role < 300 ms. Times of tasks are CPU times (the machine is shared; wall times are
 * inflated by the load, reported beside). The exit code is 0 only when every target at
 * 10,000 is met.
 *
 *   npx vite build && npx tsx bench/app.bench.ts [--sizes 2000,10000,20000] [--runs 3] [--dist dist]
 */
import { loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  TRACE_CATEGORIES,
  firstVisibleNode,
  heapAfterGc,
  mainThreadTrace,
  median,
  nextFrames,
  startPreview,
  taskCpu,
} from './preview.ts';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const sizes = (option('sizes') ?? '2000,10000,20000').split(',').map(Number);
const runs = Number(option('runs') ?? 3);
const dist = option('dist') ?? 'dist';
/** Drags over which heap growth is measured (after two that warm up). */
const DRAGS = 24;

const NODE = '[aria-roledescription="node"]';
const ROLE = `${NODE}[aria-label*=", IAM role"]`;

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

/** Records every long task from the first script on, into `window.__longTasks`. */
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const longestSince = (page: Page, since: number) =>
  page.evaluate(
    (t) =>
      window.__longTasks.filter((x) => x.start >= t).reduce((m, x) => Math.max(m, x.duration), 0),
    since,
  );

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Navigation to the first node on the canvas, wall time. */
  openMs: number;
  /** The main thread's CPU time until the first node. */
  openCpuMs: number;
  /** The longest main-thread task from navigation until quiet, by CPU time. */
  longestTaskMs: number;
  /** The longest long task's wall time (PerformanceObserver). */
  longestTaskWallMs: number;
}

const FIRST_NODE = 'rolecraft-first-node';

/** How long the page must go without a long task to count as opened. */
const QUIET_MS = 1500;

/** Waits until no long task has ended for `QUIET_MS` (at most two minutes). */
async function settle(page: Page) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const quiet = await page.evaluate(() => {
      const last = window.__longTasks.reduce((m, x) => Math.max(m, x.start + x.duration), 0);
      return performance.now() - last;
    });
    if (quiet >= QUIET_MS) return;
    await page.waitForTimeout(Math.max(100, QUIET_MS - quiet));
  }
}

async function open(browser: Browser, url: string, reducedMotion = false): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  await page.addInitScript(recordLongTasks);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let traced = true;
  try {
    await page.goto(url);
    // Time since navigation start at the first frame that has a node (marked for the trace).
    const firstNode = await page.waitForFunction(firstVisibleNode, FIRST_NODE, {
      timeout: 600_000,
      polling: 'raf',
    });
    const openMs = (await firstNode.jsonValue()) as number;
    await settle(page);
    const longestTaskWallMs = await longestSince(page, 0);
    traced = false;
    const { tasks, marks } = mainThreadTrace(await browser.stopTracing());
    const at = marks.get(FIRST_NODE) ?? Infinity;
    return {
      context,
      page,
      openMs,
      openCpuMs: taskCpu(tasks.filter((t) => t.ts <= at)).totalMs,
      longestTaskMs: taskCpu(tasks).longestMs,
      longestTaskWallMs,
    };
  } finally {
    if (traced) await browser.stopTracing().catch(() => undefined);
  }
}

/** The visible role nearest the middle of the canvas: where a person would click. */
async function centralRole(page: Page) {
  const canvas = page.getByRole('main', { name: 'Canvas' });
  const box = (await canvas.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const boxes = await canvas.locator(ROLE).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
  const dist = (p: { x: number; y: number }) => Math.hypot(p.x - centre.x, p.y - centre.y);
  return boxes.sort((a, b) => dist(a) - dist(b))[0];
}

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + (dx * i) / 6, from.y + (dy * i) / 6);
}

interface SizeResult {
  openMs: number;
  openCpuMs: number;
  longestOpenTaskMs: number;
  longestOpenTaskWallMs: number;
  domWithRoleSelected: number;
  dropCpuMs: number;
  dropLongestTaskMs: number;
  heapPerDragKiB: number;
  renameCpuMs: number;
  renameLongestTaskMs: number;
  policyEditCpuMs: number;
  policyEditLongestTaskMs: number;
}

/**
 * Main-thread CPU of everything the page does from `act` until it is quiet again: at least
 * `waitMs` (debounced work, such as the policy editor's send and autosave, starts later than
 * the action), then until no long task for `QUIET_MS`.
 */
async function traced(browser: Browser, page: Page, act: () => Promise<void>, waitMs = 1200) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  try {
    await act();
    await page.evaluate(nextFrames);
    await page.waitForTimeout(waitMs);
    await settle(page);
  } catch (error) {
    await browser.stopTracing().catch(() => undefined);
    throw error;
  }
  return taskCpu(mainThreadTrace(await browser.stopTracing()).tasks);
}

/**
 * A rename in the inspector (the selected role's Name, committed with Enter) and a policy edit
 * in Monaco (the first `"Allow"` of its trust policy replaced by `Deny` in one input, as a pick
 * from completion or a paste would): each traced until the page is quiet.
 */
async function measureEdits(browser: Browser, page: Page) {
  const inspector = page.getByRole('region', { name: 'Inspector' });
  // The drags may have left another node over the role they moved: pick the role in view
  // nearest the centre again, so the rename and the edit are a role's (it has a trust policy).
  const role = await centralRole(page);
  if (!role) throw new Error('no role in view for the edits');
  await page.keyboard.press('Escape');
  await page.mouse.click(role.x, role.y);
  await inspector.getByText('IAM role', { exact: true }).waitFor({ timeout: 10_000 });
  await settle(page);
  const name = inspector.getByLabel('Name', { exact: true });
  await name.fill(`${await name.inputValue()}-renamed`);
  const rename = await traced(browser, page, () => name.press('Enter'));

  const editor = inspector.getByTestId('policy-editor');
  // Monaco loads when the editor comes into view (below the fold at 1280x720), as a person
  // scrolls to it.
  await inspector.getByRole('tabpanel').first().scrollIntoViewIfNeeded();
  const allow = editor.locator('.view-line span span', { hasText: /^"Allow"$/ }).first();
  await allow.waitFor({ timeout: 60_000 });
  // A double click selects the word between the quotes.
  await allow.dblclick();
  await page.waitForTimeout(300);
  const edit = await traced(browser, page, () => page.keyboard.insertText('Deny'), 1500);
  const text = await editor.locator('.view-lines').textContent();
  if (!text?.includes('"Deny"')) throw new Error('the policy edit did not reach the editor');
  return { rename, edit };
}

async function measureSize(browser: Browser, url: string): Promise<SizeResult> {
  const opened = await open(browser, url);
  const { context, page } = opened;
  try {
    const role = await centralRole(page);
    if (!role) throw new Error(`no role in view at ${url}`);
    await page.mouse.click(role.x, role.y);
    await page.waitForTimeout(2500);
    await settle(page);
    const dom = await page.evaluate(() => document.getElementsByTagName('*').length);

    const cdp = await context.newCDPSession(page);
    await drag(page, role, 120, 60);
    await page.waitForTimeout(300);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.mouse.up();
    await page.evaluate(nextFrames);
    await page.waitForTimeout(400);
    await settle(page);
    const drop = taskCpu(mainThreadTrace(await browser.stopTracing()).tasks);

    // Heap per drag: back and forth so the node stays in view; autosave settles in between.
    // Two drags first: what the first drops make once (caches, the editor's state) is not
    // growth per drag; the heap is read after forced garbage collections.
    let at = { x: role.x + 120, y: role.y + 60 };
    const dragBack = async (i: number) => {
      const dx = i % 2 === 0 ? -120 : 120;
      await drag(page, at, dx, 0);
      await page.mouse.up();
      at = { x: at.x + dx, y: at.y };
      await page.waitForTimeout(300);
    };
    await dragBack(0);
    await dragBack(1);
    await page.waitForTimeout(1500);
    const heapBefore = await heapAfterGc(cdp);
    for (let i = 0; i < DRAGS; i++) await dragBack(i);
    await page.waitForTimeout(1500);
    const heapPerDragKiB = ((await heapAfterGc(cdp)) - heapBefore) / DRAGS / 1024;
    const { rename, edit } = await measureEdits(browser, page);
    return {
      openMs: opened.openMs,
      openCpuMs: opened.openCpuMs,
      longestOpenTaskMs: opened.longestTaskMs,
      longestOpenTaskWallMs: opened.longestTaskWallMs,
      domWithRoleSelected: dom,
      dropCpuMs: drop.totalMs,
      dropLongestTaskMs: drop.longestMs,
      heapPerDragKiB,
      renameCpuMs: rename.totalMs,
      renameLongestTaskMs: rename.longestMs,
      policyEditCpuMs: edit.totalMs,
      policyEditLongestTaskMs: edit.longestMs,
    };
  } finally {
    await context.close();
  }
}

/** Picks in a Caller/Role field whether it is a `<select>` or a combobox. */
async function choose(page: Page, label: string, text: string) {
  const form = page.getByRole('form', { name: 'Assume a role' });
  const field = form.getByLabel(label, { exact: true });
  const tag = await field.evaluate((e) => e.tagName);
  if (tag === 'SELECT') {
    const value = await field.locator('option', { hasText: text }).first().getAttribute('value');
    await field.selectOption(value!);
  } else {
    await field.fill(text);
    await page
      .getByRole('option', { name: new RegExp(text) })
      .first()
      .click();
  }
}

/** Milliseconds from clicking Assume role (alice -> Developer) to its outcome. */
async function assumeMs(browser: Browser, base: string, reducedMotion: boolean) {
  const { context, page } = await open(browser, base, reducedMotion);
  try {
    const region = page.getByRole('region', { name: 'Simulation' });
    await region.getByRole('tab', { name: /^Assume role/ }).click();
    await choose(page, 'Caller', 'alice');
    await choose(page, 'Role', 'Developer');
    const start = await page.evaluate(() => performance.now());
    await region.getByRole('button', { name: 'Assume role', exact: true }).click();
    const done = await page.waitForFunction(
      () => {
        const status = document.querySelector('#simulation-panel-assume [role="status"]');
        return status?.textContent?.includes('Assumed') ? performance.now() : 0;
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    return ((await done.jsonValue()) as number) - start;
  } finally {
    await context.close();
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function main() {
  const preview = await startPreview(dist);
  try {
    const { base, browser } = preview;
    const sampleOpen: number[] = [];
    const sampleCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { context, openMs, openCpuMs } = await open(browser, base);
      sampleOpen.push(openMs);
      sampleCpu.push(openCpuMs);
      await context.close();
    }
    const sample = median(sampleOpen);
    const sampleCpuMs = median(sampleCpu);
    console.log(`app bench (${runs} fresh contexts per size; medians; load ${load()})`);
    console.log(`  sample: first node ${ms(sample)} (main thread CPU ${ms(sampleCpuMs)})`);

    const results: Record<number, SizeResult> = {};
    for (const size of sizes) {
      const all: SizeResult[] = [];
      for (let i = 0; i < runs; i++)
        all.push(await measureSize(browser, `${base}/?generate=${size}`));
      const m = (key: keyof SizeResult) => median(all.map((r) => r[key]));
      const r = Object.fromEntries(
        (Object.keys(all[0]!) as (keyof SizeResult)[]).map((k) => [k, m(k)]),
      ) as unknown as SizeResult;
      results[size] = r;
      console.log(
        `  ${size} nodes (load ${load()}): first node ${ms(r.openMs)} wall (${(r.openMs / sample).toFixed(1)}x sample), main thread CPU until then ${ms(r.openCpuMs)} (${(r.openCpuMs / sampleCpuMs).toFixed(1)}x sample); longest task opening ${ms(r.longestOpenTaskMs)} CPU (${ms(r.longestOpenTaskWallMs)} wall); DOM with a role selected ${r.domWithRoleSelected}; drop ${ms(r.dropCpuMs)} CPU, longest task ${ms(r.dropLongestTaskMs)} CPU; heap per drag ${r.heapPerDragKiB.toFixed(1)} KiB; rename ${ms(r.renameCpuMs)} CPU (longest task ${ms(r.renameLongestTaskMs)}); policy edit ${ms(r.policyEditCpuMs)} CPU (longest task ${ms(r.policyEditLongestTaskMs)})`,
      );
    }

    const assumeRuns: number[] = [];
    const reducedRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      assumeRuns.push(await assumeMs(browser, base, false));
      reducedRuns.push(await assumeMs(browser, base, true));
    }
    const assume = median(assumeRuns);
    const assumeReduced = median(reducedRuns);
    console.log(
      `  Assume role to outcome: ${ms(assume)}; with reduced motion ${ms(assumeReduced)}`,
    );

    const at = results[10000];
    if (at) {
      const checks: [string, boolean][] = [
        ['open <= 3x sample (main-thread CPU to the first node)', at.openCpuMs <= 3 * sampleCpuMs],
        ['no task over 200 ms while opening', at.longestOpenTaskMs <= 200],
        ['<= 5,000 DOM elements with a role selected', at.domWithRoleSelected <= 5000],
        ['drop < 50 ms', at.dropCpuMs < 50],
        ['rename < 50 ms', at.renameCpuMs < 50],
        ['policy edit < 50 ms', at.policyEditCpuMs < 50],
        ['heap per drag < 10 KiB', at.heapPerDragKiB < 10],
        ['reduced-motion Assume role < 300 ms', assumeReduced < 300],
      ];
      console.log('  targets at 10,000 nodes:');
      for (const [name, ok] of checks) console.log(`    ${name}: ${verdict(ok)}`);
      process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
    }
  } finally {
    await preview.close();
  }
}

await main();
