/**
 * Editor freeze benchmark: opens the sample design with alice's inline policy grown to 2,000
 * statements (imported as a design file, as a person would), types into it in the Monaco
 * editor key by key, and reports the longest main-thread task while typing and until the
 * problems list has caught up (PerformanceObserver `longtask`), with the main thread's CPU
 * time. Target: no long task over 100 ms, judged on each task's CPU time (a Chromium trace's
 * thread time: on a shared machine a task's wall time counts other processes' turns too), with
 * the wall time of PerformanceObserver's long tasks reported beside it. Exit 1 when not met.
 *
 *   npm run bench:editor            (builds first)
 *   npx tsx bench/editor-typing.bench.ts [--statements 2000] [--keys 30] [--dist dist]
 *   TRACE_OUT=trace.json ...   also writes the Chromium trace (each task's wall `dur` and CPU `tdur`)
 */
import { writeFileSync } from 'node:fs';
import { sampleDesign, toDesignFile } from '../src/model/index.ts';
import { largePolicy } from './large-policy.ts';
import { mainThreadMs, startPreview } from './preview.ts';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const statements = arg('statements', 2_000);
const keys = arg('keys', 30);
const distIndex = process.argv.indexOf('--dist');
const dist = distIndex > 0 ? process.argv[distIndex + 1]! : 'dist';
const profileIndex = process.argv.indexOf('--profile');
/** Writes a CPU profile of the typing to this file (build with `--minify false` to read it). */
const profile = profileIndex > 0 ? process.argv[profileIndex + 1] : undefined;
const TARGET_MS = 100;

/** The sample with alice's AssumeDeveloper policy at `statements` statements (its own first). */
function designText(): string {
  const design = sampleDesign();
  const alice = design.users.find((u) => u.name === 'alice')!;
  const policy = alice.policies[0]!;
  if (policy.attachment !== 'inline') throw new Error('the sample policy is inline');
  const own = JSON.parse(policy.text).Statement as Record<string, unknown>[];
  policy.text = JSON.stringify(largePolicy(statements, own), null, 2);
  design.name = `Editor benchmark (${statements} statements)`;
  return JSON.stringify(toDesignFile(design));
}

/** CPU milliseconds of each task of the renderer's main thread in a Chromium trace, longest first. */
function mainThreadTaskCpu(trace: Buffer): number[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as {
    traceEvents: {
      name: string;
      ph: string;
      pid: number;
      tid: number;
      tdur?: number;
      args?: { name?: string };
    }[];
  };
  const main = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return traceEvents
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? 0) / 1000)
    .sort((a, b) => b - a);
}

interface LongTask {
  start: number;
  duration: number;
}

async function main() {
  const preview = await startPreview(dist);
  try {
    const page = await preview.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(preview.base);
    const canvas = page.getByRole('main', { name: 'Canvas' });
    await canvas.getByRole('application').waitFor({ timeout: 60_000 });

    const chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('toolbar', { name: 'Design tools' })
      .getByRole('button', { name: 'Import', exact: true })
      .click();
    await (
      await chooser
    ).setFiles({
      name: 'benchmark.rolecraft.json',
      mimeType: 'application/json',
      buffer: Buffer.from(designText()),
    });
    await page
      .getByRole('button', { name: /^Designs: Editor benchmark/ })
      .waitFor({ timeout: 60_000 });

    const inspector = page.getByRole('region', { name: 'Inspector' });
    await canvas.getByRole('group', { name: /^alice,/ }).click();
    await inspector.getByRole('tab', { name: 'AssumeDeveloper (inline)' }).click();
    const editor = inspector.getByRole('textbox', { name: /AssumeDeveloper/ });
    await editor.waitFor({ state: 'attached', timeout: 60_000 });
    const problems = inspector.getByRole('region', { name: 'Problems' });
    const heading = problems.getByRole('heading');
    await heading.filter({ hasText: /warning|error/ }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(2_000);
    const before = await heading.textContent();

    // Into the first Sid value (`"S0"`): each key keeps the JSON valid and changes the text.
    await inspector.locator('.view-line', { hasText: '"Sid": "S0"' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await preview.browser.startTracing(page, {
      categories: ['toplevel', 'disabled-by-default-devtools.timeline'],
    });
    const from = await page.evaluate(() => performance.now());
    const cpuBefore = await mainThreadMs(cdp);
    // Typed with a pause per key as a quick typist does; then a wrong key that the validator must report.
    for (let i = 0; i < keys; i++)
      await page.keyboard.type(String(i % 10), { delay: 0 }).then(() => page.waitForTimeout(80));
    await page.keyboard.type('-');
    const problem = inspector.getByRole('button', { name: /^Error: .*S0.*-/ });
    const shownAt = Date.now();
    // Waited for with one cheap attribute query per frame: a role query walks the whole
    // accessibility tree on the page's main thread and would count in the tasks measured.
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('[aria-label^="Error: "]')].some((e) =>
            /S0.*-/.test(e.getAttribute('aria-label') ?? ''),
          ),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      )
      .catch(() => undefined);
    const diagnosticsMs = Date.now() - shownAt;
    const shown = await problem.count();
    await page.waitForTimeout(2_000);
    const cpuMs = (await mainThreadMs(cdp)) - cpuBefore;
    const traceBuffer = await preview.browser.stopTracing();
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, traceBuffer);
    const taskCpu = mainThreadTaskCpu(traceBuffer);
    if (profile) {
      const { profile: data } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(profile, JSON.stringify(data));
    }
    const tasks = (await page.evaluate(
      (since) =>
        (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter(
          (t) => t.start >= since,
        ),
      from,
    )) as LongTask[];
    const after = await heading.textContent();
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const over = tasks.filter((t) => t.duration > TARGET_MS);

    console.log(`editor typing: ${statements} statements, ${keys + 1} keys typed`);
    console.log(`  problems before typing: ${before}; after: ${after}`);
    console.log(
      shown > 0
        ? `  the wrong key's error was listed ${diagnosticsMs} ms after it was typed`
        : "  the wrong key's error was NOT listed",
    );
    console.log(`  main-thread CPU while typing and settling: ${cpuMs.toFixed(0)} ms`);
    console.log(
      `  long tasks: ${tasks.length}; longest ${longest.toFixed(0)} ms; over ${TARGET_MS} ms: ${over.length}` +
        (tasks.length ? ` (${tasks.map((t) => t.duration.toFixed(0)).join(' ')})` : ''),
    );
    const cpuOver = taskCpu.filter((t) => t > TARGET_MS);
    console.log(
      `  tasks of the page's main thread by CPU time (trace): ${taskCpu.length}; longest ${(taskCpu[0] ?? 0).toFixed(0)} ms; over ${TARGET_MS} ms: ${cpuOver.length}; the ten longest: ${taskCpu
        .slice(0, 10)
        .map((t) => t.toFixed(0))
        .join(' ')}`,
    );
    // Long tasks are wall time: on a shared machine another process's turn on the core counts
    // too. The target is judged on the tasks' own CPU time, and the wall time is reported.
    const met = (taskCpu[0] ?? 0) <= TARGET_MS && shown > 0;
    console.log(
      `  target (no main-thread task over ${TARGET_MS} ms of CPU, diagnostics shown): ${met ? 'met' : 'NOT met'}`,
    );
    process.exitCode = met ? 0 : 1;
  } finally {
    await preview.close();
  }
}

await main();
