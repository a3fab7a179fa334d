/**
 * The longest main-thread tasks while a design opens, each with its top self-time functions:
 * a Chromium trace (tasks, CPU time) and a CPU profile (samples) of the same opening, the
 * samples bucketed into the tasks they fall in. For finding what makes the opening's long
 * tasks (see app.bench.ts for the targets); build unminified to read the names:
 *
 *   npx vite build --minify false --outDir dist-plain
 *   npx tsx bench/open-tasks.ts [--size 10000] [--dist dist-plain] [--tasks 8] [--top 12]
 */
import { loadavg } from 'node:os';
import { TRACE_CATEGORIES, firstVisibleNode, mainThreadTrace, startPreview } from './preview.ts';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const size = Number(option('size') ?? 10000);
const dist = option('dist') ?? 'dist-plain';
const taskCount = Number(option('tasks') ?? 8);
const top = Number(option('top') ?? 12);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const preview = await startPreview(dist);
try {
  const { browser, base } = preview;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await page.goto('about:blank');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await cdp.send('Profiler.start');
  const url = size > 0 ? `${base}/?generate=${size}` : base;
  await page.goto(url);
  const first = await page.waitForFunction(firstVisibleNode, 'first-node', {
    timeout: 180_000,
    polling: 'raf',
  });
  const firstMs = (await first.jsonValue()) as number;
  await page.waitForTimeout(4000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const { tasks, marks } = mainThreadTrace(await browser.stopTracing());
  await context.close();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || '(native)'}:${n.callFrame.lineNumber + 1}`;
  // Sample timestamps (µs, the same monotonic clock as the trace's).
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const longest = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, taskCount);
  const t0 = tasks[0]?.ts ?? 0;
  console.log(
    `open ${size || 'sample'} (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}): ${tasks.length} tasks, ${tasks.reduce((s, x) => s + x.cpuMs, 0).toFixed(0)} ms CPU`,
  );
  const at = marks.get('first-node') ?? Infinity;
  console.log(
    `first node at ${firstMs.toFixed(0)} ms (navigation start), CPU until then ${tasks
      .filter((x) => x.ts <= at)
      .reduce((s, x) => s + x.cpuMs, 0)
      .toFixed(0)} ms`,
  );
  console.log('tasks over 15 ms CPU, in order:');
  for (const task of tasks.filter((x) => x.cpuMs > 15))
    console.log(
      `  +${((task.ts - t0) / 1000).toFixed(0)} ms: ${task.cpuMs.toFixed(0)} ms CPU (${task.wallMs.toFixed(0)} wall)${task.ts > at ? ' after first node' : ''}`,
    );
  for (const task of longest.sort((a, b) => a.ts - b.ts)) {
    const end = task.ts + task.wallMs * 1000;
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let sampled = 0;
    for (let i = 0; i < times.length; i++) {
      if (times[i]! < task.ts || times[i]! > end) continue;
      const us = profile.timeDeltas[i + 1] ?? 0;
      const key = label(byId.get(profile.samples[i]!)!);
      self.set(key, (self.get(key) ?? 0) + us);
      sampled += us;
      const seen = new Set<string>();
      for (
        let id: number | undefined = profile.samples[i]!;
        id !== undefined;
        id = parent.get(id)
      ) {
        const k = label(byId.get(id)!);
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + us);
      }
    }
    console.log(
      `\n task at +${((task.ts - t0) / 1000).toFixed(0)} ms: ${task.cpuMs.toFixed(0)} ms CPU, ${task.wallMs.toFixed(0)} ms wall, ${(sampled / 1000).toFixed(0)} ms sampled`,
    );
    for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`   ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
    console.log('   inclusive (named functions of the app and React Flow):');
    for (const [k, us] of [...inclusive]
      .filter(
        ([k]) =>
          !k.startsWith('(') &&
          !/^(exports\.|render|commit|perform|work|begin|complete|flush|run|process|recursively|update|mount|call|react|scheduleUpdate|dispatch|batched|(?:[a-z]+)Fiber)/i.test(
            k,
          ),
      )
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      console.log(`   ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  }
} finally {
  await preview.close();
}
