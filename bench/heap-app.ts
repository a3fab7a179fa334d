/**
 * What stays on the heap after drags at organization scale, by where it was allocated: the
 * sampling heap profiler (CDP `HeapProfiler.startSampling`) runs over `--drags` back-and-forth
 * drags of a role (after two that warm up), then garbage is collected and the samples still
 * alive are summed by allocating function (self) and by stack (the app's frames). For finding
 * what is retained, not for targets (app.bench.ts reads heap growth per drag);
 * `--dist dist-plain` (a build with `--minify false`) gives readable names.
 *
 *   npm run bench:app-heap     (builds first)
 *   npx tsx bench/heap-app.ts [--size 10000] [--drags 12] [--dist dist-plain] [--top 30]
 */
import { loadavg } from 'node:os';
import { heapAfterGc, startPreview } from './preview.ts';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const size = Number(option('size') ?? 10000);
const drags = Number(option('drags') ?? 12);
const dist = option('dist') ?? 'dist-plain';
const top = Number(option('top') ?? 30);

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  id: number;
  children: SamplingNode[];
}
interface SamplingProfile {
  head: SamplingNode;
  samples: { size: number; nodeId: number }[];
}

const frameName = (n: SamplingNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || '(native)'}:${n.callFrame.lineNumber + 1}`;
/** Frames of the app's own bundle (not React, React Flow or the browser). */
const isApp = (n: SamplingNode) =>
  /\/assets\/(?!.*(react-dom|vendor))/.test(n.callFrame.url) && n.callFrame.functionName !== '';

function summarize(profile: SamplingProfile) {
  const bySelf = new Map<string, number>();
  const byStack = new Map<string, number>();
  const walk = (node: SamplingNode, stack: SamplingNode[]) => {
    const path = [...stack, node];
    if (node.selfSize > 0) {
      const key = frameName(node);
      bySelf.set(key, (bySelf.get(key) ?? 0) + node.selfSize);
      const app = path
        .filter(isApp)
        .slice(-4)
        .map((n) => n.callFrame.functionName);
      const stackKey = app.length > 0 ? app.join(' < ') : '(no app frame)';
      byStack.set(
        `${stackKey} [${key}]`,
        (byStack.get(`${stackKey} [${key}]`) ?? 0) + node.selfSize,
      );
    }
    for (const child of node.children) walk(child, path);
  };
  walk(profile.head, []);
  const total = [...bySelf.values()].reduce((a, b) => a + b, 0);
  const kib = (b: number) => `${(b / 1024).toFixed(1).padStart(9)} KiB`;
  console.log(
    `live after ${drags} drags (sampled): ${kib(total)} (${kib(total / drags)} per drag)`,
  );
  console.log('  by allocating function:');
  for (const [k, b] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${kib(b)}  ${k}`);
  console.log('  by app stack (innermost last):');
  for (const [k, b] of [...byStack].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${kib(b)}  ${k}`);
}

const preview = await startPreview(dist);
try {
  const context = await preview.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${preview.base}/?generate=${size}`);
  const role = page
    .getByRole('main', { name: 'Canvas' })
    .locator('[aria-roledescription="node"][aria-label*=", IAM role"]')
    .first();
  await role.waitFor({ timeout: 300_000 });
  await page.waitForTimeout(3000);
  const box = (await role.boundingBox())!;
  let at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(3000);
  const dragBack = async (i: number) => {
    const dx = i % 2 === 0 ? 120 : -120;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let s = 1; s <= 6; s++) await page.mouse.move(at.x + (dx * s) / 6, at.y);
    await page.mouse.up();
    at = { x: at.x + dx, y: at.y };
    await page.waitForTimeout(400);
  };
  await dragBack(0);
  await dragBack(1);
  await page.waitForTimeout(1500);
  const before = await heapAfterGc(cdp);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024 });
  for (let i = 0; i < drags; i++) await dragBack(i);
  await page.waitForTimeout(1500);
  const after = await heapAfterGc(cdp);
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as {
    profile: SamplingProfile;
  };
  console.log(
    `${size} nodes, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}: heap ${((after - before) / 1024 / drags).toFixed(1)} KiB per drag after GC`,
  );
  summarize(profile);
  await context.close();
} finally {
  await preview.close();
}
