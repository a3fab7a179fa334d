/**
 * What the browser benchmarks share: `vite preview` of a production build on a free port,
 * Debian's Chromium when present, and the renderer's main-thread CPU time through CDP.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForServer(url: string, timeoutMs: number) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

export interface Preview {
  base: string;
  browser: Browser;
  /** Stops the browser and the server. */
  close: () => Promise<void>;
}

/** Serves `dist` and launches a headless Chromium; call `close` in a `finally`. */
export async function startPreview(dist = 'dist'): Promise<Preview> {
  if (!existsSync(`${dist}/index.html`))
    throw new Error(`no ${dist}/: run \`npx vite build\` first`);
  const port = await freePort();
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: 'ignore', detached: true },
  );
  const stopServer = () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base, 30_000);
    const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const browser = await chromium.launch({
      executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    return {
      base,
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        stopServer();
      },
    };
  } catch (error) {
    stopServer();
    throw error;
  }
}

export type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function metric(cdp: Cdp, name: string): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

/**
 * CPU time of the renderer's main thread so far (scripts, style, layout, paint, GC). CPU time
 * rather than wall time, so other processes on a busy machine do not inflate it.
 */
export async function mainThreadMs(cdp: Cdp): Promise<number> {
  return (await metric(cdp, 'ThreadTime')) * 1000;
}

/**
 * Bytes of JavaScript heap in use after a full garbage collection. Read with
 * `Runtime.getHeapUsage`: `Performance.getMetrics` reports nothing (so 0) until the session
 * has sent `Performance.enable`, which made every heap difference read 0.
 */
export async function heapAfterGc(cdp: Cdp): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  if (!(usedSize > 0)) throw new Error(`heap usage read ${usedSize} bytes`);
  return usedSize;
}

/** Resolves after the next two frames: a change's React work and the frame that shows it. */
export const nextFrames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))));

export function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    count: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** The median of a few numbers (NaN for none). */
export const median = (values: number[]) => stats(values).median;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** One task of a renderer's main thread in a Chromium trace: start (µs, trace clock), wall and CPU ms. */
export interface TraceTask {
  ts: number;
  wallMs: number;
  cpuMs: number;
}

const TOP_TASK = 'ThreadControllerImpl::RunTask';

/** What `mainThreadTrace` reads: the categories to pass to `browser.startTracing`. */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

/**
 * The tasks of the renderers' main threads in a Chromium trace (each task's CPU time is its
 * thread time `tdur`: on a shared machine the wall time counts other processes' turns too;
 * raster and compositor threads are not counted), and the trace time of each
 * `performance.mark` by name.
 */
export function mainThreadTrace(trace: Buffer): { tasks: TraceTask[]; marks: Map<string, number> } {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The scheduler's top-level task (`toplevel`); `RunTask` of devtools.timeline nests inside it.
  const name = traceEvents.some((e) => e.name === TOP_TASK) ? TOP_TASK : 'RunTask';
  const tasks = traceEvents
    .filter((e) => e.name === name && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ ts: e.ts, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
  const marks = new Map<string, number>();
  for (const e of traceEvents)
    if (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')
      if (!marks.has(e.name) && main.has(`${e.pid}:${e.tid}`)) marks.set(e.name, e.ts);
  return { tasks, marks };
}

/** The main-thread CPU time of tasks, and the longest one (by CPU). */
export function taskCpu(tasks: readonly TraceTask[]) {
  let total = 0;
  let longest = 0;
  for (const t of tasks) {
    total += t.cpuMs;
    longest = Math.max(longest, t.cpuMs);
  }
  return { totalMs: total, longestMs: longest };
}

/**
 * In the page, at each frame: the time since navigation start once a node is on screen (its
 * box inside the canvas and the window, not hidden, some of it painted), marked for the trace;
 * 0 before. A node merely in the DOM (React Flow hides nodes it has not measured) is not shown.
 */
export function firstVisibleNode(mark: string): number {
  const pane = document.querySelector('main[aria-label="Canvas"]');
  if (!pane) return 0;
  const view = pane.getBoundingClientRect();
  for (const node of pane.querySelectorAll('[aria-roledescription="node"]')) {
    const box = node.getBoundingClientRect();
    const inside =
      box.width > 0 &&
      box.height > 0 &&
      box.right > Math.max(0, view.left) &&
      box.left < Math.min(window.innerWidth, view.right) &&
      box.bottom > Math.max(0, view.top) &&
      box.top < Math.min(window.innerHeight, view.bottom);
    if (!inside) continue;
    const style = getComputedStyle(node);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
      continue;
    performance.mark(mark);
    return performance.now();
  }
  return 0;
}
