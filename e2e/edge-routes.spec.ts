import { lookAt, type RolecraftApp } from './fixtures/app';
import { expect, expectNothingCovered, test } from './fixtures/simulation';
import type { Page } from '@playwright/test';

// The canvas as a reader sees it, on the sample and on a 40-node design, at a laptop's and a
// projector's size: names whole in their nodes, labels readable and clear of nodes and of each
// other, trust edges that run around the nodes they do not connect, nothing under the minimap.
// Screenshots go to .reports/edge-routes (Playwright wipes test-results) to be looked at.

const sizes = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
// The minimap is judged where the design fits the view: a design larger than the view runs
// under it by nature (the overview control folds it away).
const designs = [
  { name: 'sample', path: '/', first: 'alice', minimap: true },
  { name: '40 nodes', path: '/?generate=40&seed=3', first: undefined, minimap: false },
];

interface Looked {
  zoom: number;
  names: { text: string; px: number; fits: boolean }[];
  labels: { text: string; px: number }[];
  edges: number;
  /** The conditions of the trust edges in view (each checked to be in view too). */
  conditions: string[];
  problems: string[];
}

/** Everything the reader could trip on, measured in the page. */
function look(page: Page, minimapToo = true): Promise<Looked> {
  return page.evaluate((minimapToo) => {
    type Box = { x: number; y: number; width: number; height: number };
    const rect = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.width - 0.5 &&
      b.x < a.x + a.width - 0.5 &&
      a.y < b.y + b.height - 0.5 &&
      b.y < a.y + a.height - 0.5;
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const problems: string[] = [];

    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const name = el.querySelector('[data-node-name]')?.textContent ?? el.dataset.id!;
      // An account is a frame: only its header is solid.
      const solid = el.classList.contains('react-flow__node-account')
        ? rect(el.firstElementChild!.firstElementChild!)
        : rect(el);
      return { id: el.dataset.id!, name, box: solid };
    });

    const names = [...document.querySelectorAll<HTMLElement>('[data-node-name]')].map((el) => {
      const node = el.closest<HTMLElement>('.react-flow__node')!;
      const box = el.getBoundingClientRect();
      const nodeBox = node.getBoundingClientRect();
      // The name and the kind line below it inside the node's box.
      const lines = [el, node.querySelector('[data-node-detail]')].map((d) =>
        d ? d.getBoundingClientRect() : box,
      );
      return {
        text: el.textContent ?? '',
        px: parseFloat(getComputedStyle(el).fontSize) * zoom,
        fits:
          el.scrollWidth <= el.clientWidth + 1 &&
          box.right <= nodeBox.right + 0.5 &&
          lines.every((l) => l.height === 0 || l.bottom <= nodeBox.bottom + 0.5),
      };
    });

    const labels = [...document.querySelectorAll<HTMLElement>('[data-edge-label]')].map((el) => ({
      text: el.textContent ?? '',
      px: parseFloat(getComputedStyle(el).fontSize) * zoom,
      box: rect(el),
    }));
    for (const [i, label] of labels.entries()) {
      for (const node of nodes)
        if (overlap(label.box, node.box))
          problems.push(`label "${label.text}" covers ${node.name}`);
      for (const other of labels.slice(i + 1))
        if (overlap(label.box, other.box))
          problems.push(`label "${label.text}" covers label "${other.text}"`);
    }

    // Trust edges, sampled along their drawn path, against the boxes of the nodes they do not join.
    const trust = [...document.querySelectorAll<SVGGElement>('g[data-trust-edge]')];
    for (const edge of trust) {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const ends = new Set([edge.dataset.source, edge.dataset.target]);
      const others = nodes.filter((n) => !ends.has(n.id));
      const crossed = new Set<string>();
      for (let at = 0; at <= length; at += 3) {
        const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y);
        const { x, y } = p.matrixTransform(matrix);
        for (const node of others) {
          const b = node.box;
          if (x > b.x + 1 && x < b.x + b.width - 1 && y > b.y + 1 && y < b.y + b.height - 1)
            crossed.add(node.name);
        }
      }
      const name = edge.closest('[aria-label]')?.getAttribute('aria-label') ?? edge.dataset.source;
      for (const node of crossed) problems.push(`edge "${name}" crosses ${node}`);
    }

    // A trust condition stays in view where its edge is: each conditional trust edge drawn
    // mostly inside the canvas has its label (whole, or its chip) inside the canvas too.
    const frame = document.querySelector('.react-flow')!.getBoundingClientRect();
    const within = (b: Box) =>
      b.x >= frame.left - 0.5 &&
      b.y >= frame.top - 0.5 &&
      b.x + b.width <= frame.right + 0.5 &&
      b.y + b.height <= frame.bottom + 0.5;
    const shown = [...document.querySelectorAll<HTMLElement>('[data-edge-label]')]
      .filter((el) => within(rect(el)))
      .map((el) => el.getAttribute('aria-label')?.replace(/^Condition: /, '') ?? el.textContent);
    const conditions: string[] = [];
    for (const edge of trust) {
      const name = edge.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
      const gate = / when (.+?)(, blocked: .+)?$/.exec(name);
      const blocked = / blocked: (.+)$/.exec(name)?.[1];
      const text = blocked ? `blocked: ${blocked}` : gate?.[1];
      if (!text) continue;
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      let inside = 0;
      for (let i = 0; i <= 40; i++) {
        const p = path.getPointAtLength((length * i) / 40);
        const { x, y } = new DOMPoint(p.x, p.y).matrixTransform(matrix);
        if (x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom) inside++;
      }
      if (inside <= 20) continue;
      conditions.push(text);
      if (!shown.includes(text)) problems.push(`the condition of "${name}" is out of view`);
    }

    // Nothing the reader needs under the overview.
    const minimap = document.querySelector('.react-flow__minimap');
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    if (minimap && minimapToo) {
      const under = rect(minimap);
      for (const node of nodes) {
        const b = node.box;
        const inView =
          b.x >= pane.x &&
          b.y >= pane.y &&
          b.x + b.width <= pane.right &&
          b.y + b.height <= pane.bottom;
        if (inView && overlap(b, under)) problems.push(`the minimap covers ${node.name}`);
      }
    }
    return {
      zoom,
      names,
      labels: labels.map(({ text, px }) => ({ text, px })),
      edges: trust.length,
      conditions,
      problems,
    };
  }, minimapToo);
}

async function openDesign(app: RolecraftApp, page: Page, path: string, first?: string) {
  await app.open(path);
  if (first) await expect(app.node(first)).toBeVisible();
  else await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The opening view settles (fit, then measured labels placed).
  await app.settled();
}

for (const design of designs) {
  for (const size of sizes) {
    test(`the ${design.name} reads whole at ${size.width}x${size.height}: names, labels, edges around nodes`, async ({
      app,
      page,
    }) => {
      await page.setViewportSize(size);
      await openDesign(app, page, design.path, design.first);
      const slug = design.name.replace(/\W+/g, '-');
      await lookAt(page, `.reports/edge-routes/${slug}-${size.width}.png`);
      const looked = await look(page, design.minimap);
      expect(looked.names.length).toBeGreaterThan(5);
      expect(looked.edges).toBeGreaterThan(3);
      for (const name of looked.names) {
        expect(name.px, `${name.text} renders at ${name.px} px`).toBeGreaterThanOrEqual(12);
        expect(name.fits, `${name.text} fits its node`).toBe(true);
      }
      for (const label of looked.labels)
        expect(label.px, `label ${label.text}`).toBeGreaterThanOrEqual(11);
      // The account's ExternalId trust, in the opening view, shows its condition there too.
      expect(looked.conditions).toContain(
        design.name === 'sample' ? 'ExternalId "rolecraft-deploy"' : 'ExternalId "ext-role-3"',
      );
      expect(looked.problems).toEqual([]);
    });
  }
}

test('an edge re-routes around a node dropped on it, and its label follows', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDesign(app, page, '/', 'alice');
  const before = await look(page);
  expect(before.problems).toEqual([]);
  // Drop a node onto the middle of a trust edge.
  const edge = page.locator('g[data-trust-edge]').first();
  const path = edge.locator('path.react-flow__edge-path');
  const middle = await path.evaluate((el: SVGPathElement) => {
    const p = el.getPointAtLength(el.getTotalLength() / 2);
    const { x, y } = new DOMPoint(p.x, p.y).matrixTransform(el.getScreenCTM()!);
    return { x, y };
  });
  const ends = await edge.evaluate((g: SVGGElement) => [g.dataset.source!, g.dataset.target!]);
  const candidate = await page
    .locator('.react-flow__node-entity')
    .evaluateAll(
      (els, skip) =>
        els.map((e) => (e as HTMLElement).dataset.id!).find((id) => !skip.includes(id)),
      ends,
    );
  const node = page.locator(`.react-flow__node[data-id="${candidate}"]`);
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(middle.x, middle.y, { steps: 8 });
  await page.mouse.up();
  await app.settled();
  await lookAt(page, '.reports/edge-routes/after-drop.png');
  const after = await look(page);
  expect(after.problems.filter((p) => p.startsWith('edge'))).toEqual([]);
});

test('at 1280x720 the overview starts folded, and the choice is remembered', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDesign(app, page, '/', 'alice');
  const overview = app.canvas.getByRole('button', { name: 'Overview' });
  await expect(overview).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('img', { name: 'Overview of the design' })).toHaveCount(0);
  await overview.click();
  await expect(page.getByRole('img', { name: 'Overview of the design' })).toBeVisible();
  await page.reload();
  await expect(app.node('alice')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Overview of the design' })).toBeVisible();
});

// After Assume role on the 40-node design (nodes 40 px apart, no free space inside the grid):
// the STS badge, the request and the credentials cover no node and no label at either size.
for (const size of sizes) {
  test(`on the 40 nodes at ${size.width}x${size.height} no simulation overlay covers a node after Assume role`, async ({
    app,
    page,
    simulation,
  }) => {
    await page.setViewportSize(size);
    await openDesign(app, page, '/?generate=40&seed=3');
    // Trusts of the generated design: a user with MFA, and an account root with an ExternalId.
    await simulation.assume({ caller: 'user37 (user', role: 'Role4 (', mfa: true });
    await expect(simulation.outcome('Assume role')).toContainText('Assumed');
    // Room for them in the pane (above the account): on the canvas, not in the panel.
    await expect(
      app.canvas.getByRole('article', { name: 'Credentials for Role4/user37' }),
    ).toBeVisible();
    await expectNothingCovered(page, 'user37 -> Role4');
    await simulation.assume({ caller: 'user2 (user', role: 'Role26 (', mfa: true });
    await expect(simulation.outcome('Assume role')).toContainText('Assumed');
    await expectNothingCovered(page, 'user2 -> Role26');
    await simulation.assume({ caller: 'user2 (user', role: 'Role26 (', mfa: false });
    await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');
    await expectNothingCovered(page, 'user2 -> Role26 without MFA (denied)');
    await lookAt(page, `.reports/edge-routes/40-nodes-simulation-${size.width}.png`);
  });
}
