/**
 * Where the main thread's time goes while a large design opens, when a dragged node is
 * dropped, on a rename in the inspector and on a policy edit in Monaco: a CPU profile (CDP Profiler) of each, summed by function (self time), beside the
 * renderer's style, layout and script durations. For finding work, not for targets (see
 * app.bench.ts); `npm run bench:app-profile` builds without minifying (to read the names):
 *
 *   npx vite build --minify false --outDir dist-plain
 *   npx tsx bench/profile-app.ts [--size 10000] [--dist dist-plain] [--top 40] [--save /tmp/p]
 */
import { writeFileSync } from 'node:fs';
import { startPreview, type Cdp } from './preview.ts';

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const size = Number(option('size') ?? 10000);
const dist = option('dist') ?? 'dist';
const top = Number(option('top') ?? 40);
/** Where to write the raw profiles (`<prefix>-open.cpuprofile`, `-drop`, `-rename`, `-policy-edit`), for a closer look. */
const save = option('save');
const keep = (name: string, profile: Profile) =>
  save && writeFileSync(`${save}-${name}.cpuprofile`, JSON.stringify(profile));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(title: string, profile: Profile) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byName = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    const f = node.callFrame;
    const file = f.url.split('/').pop() || '(native)';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  // Inclusive time by function, counted once per stack (recursion is not counted twice).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || '(native)'}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(nodeById.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n== ${title}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [k, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  console.log('  inclusive (app code):');
  for (const [k, us] of [...inclusive]
    .filter(
      ([k]) =>
        !k.includes('(native)') && !k.startsWith('(anonymous) ') && !k.includes('jsx-runtime'),
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  console.log('  by file:');
  for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

async function metrics(cdp: Cdp) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
function printDelta(title: string, a: Record<string, number>, b: Record<string, number>) {
  const keys = [
    'ThreadTime',
    'ScriptDuration',
    'RecalcStyleDuration',
    'LayoutDuration',
    'TaskDuration',
  ];
  console.log(
    `${title}: ` +
      keys.map((k) => `${k} ${(((b[k] ?? 0) - (a[k] ?? 0)) * 1000).toFixed(0)} ms`).join(', '),
  );
}

const preview = await startPreview(dist);
try {
  const context = await preview.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.goto('about:blank');
  const m0 = await metrics(cdp);
  await cdp.send('Profiler.start');
  await page.goto(`${preview.base}/?generate=${size}`);
  await page.waitForSelector('[aria-roledescription="node"]', { timeout: 180_000 });
  await page.waitForTimeout(3000);
  const opened = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const m1 = await metrics(cdp);
  printDelta(`open ${size}`, m0, m1);
  summarize(`open ${size}`, opened.profile);
  keep('open', opened.profile);

  const i0 = await metrics(cdp);
  await cdp.send('Profiler.start');
  await page.waitForTimeout(2500);
  const idle = (await cdp.send('Profiler.stop')) as { profile: Profile };
  printDelta('idle 2.5 s', i0, await metrics(cdp));
  summarize('idle 2.5 s', idle.profile);

  const canvas = page.getByRole('main', { name: 'Canvas' });
  const box = (await canvas.boundingBox())!;
  const role = await canvas
    .locator('[aria-roledescription="node"][aria-label*=", IAM role"]')
    .first()
    .boundingBox();
  if (!role) throw new Error('no role');
  const at = { x: role.x + role.width / 2, y: role.y + role.height / 2 };
  void box;
  // Selected first, as app.bench.ts does: the inspector's editor loads on first selection, and
  // the profile is of the drop, not of that.
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(3000);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(at.x + 20 * i, at.y + 10 * i);
  await page.waitForTimeout(500);
  const m2 = await metrics(cdp);
  await cdp.send('Profiler.start');
  await page.mouse.up();
  await page.waitForTimeout(1000);
  const dropped = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const m3 = await metrics(cdp);
  printDelta('drop', m2, m3);
  summarize('drop', dropped.profile);
  keep('drop', dropped.profile);

  // A rename in the inspector and a policy edit in Monaco, as app.bench.ts makes them.
  const profileOf = async (title: string, act: () => Promise<void>, waitMs: number) => {
    const before = await metrics(cdp);
    await cdp.send('Profiler.start');
    await act();
    await page.waitForTimeout(waitMs);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    printDelta(title, before, await metrics(cdp));
    summarize(title, profile);
    keep(title, profile);
  };
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const name = inspector.getByLabel('Name', { exact: true });
  await name.fill(`${await name.inputValue()}-renamed`);
  await profileOf('rename', () => name.press('Enter'), 2000);
  const allow = inspector
    .getByTestId('policy-editor')
    .locator('.view-line span span', { hasText: /^"Allow"$/ })
    .first();
  await allow.dblclick();
  await page.waitForTimeout(500);
  await profileOf('policy-edit', () => page.keyboard.insertText('Deny'), 2000);
  await context.close();
} finally {
  await preview.close();
}
