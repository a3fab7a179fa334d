import type { Locator } from '@playwright/test';
import { expect, test, lookAt } from './fixtures/app';

// Room for the canvas at 1280x720: the bottom panel and the inspector resize (mouse and
// keyboard, as the WAI-ARIA window splitter) and collapse, kept per browser; the policy
// editor shows 15 lines or more, or opens large; Present enlarges text for a projector.
test.use({ viewport: { width: 1280, height: 720 } });

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;
const width = async (locator: Locator) => (await locator.boundingBox())?.width ?? 0;

/** Lines of policy text the editor has room for: its height over its line height. */
async function editorLines(scope: Locator) {
  const editor = scope.locator('.monaco-editor').first();
  await expect(editor.locator('.view-line').first()).toBeVisible();
  return editor.evaluate((e) => {
    const line = e.querySelector<HTMLElement>('.view-line');
    const lineHeight = line ? parseFloat(getComputedStyle(line).height) : 0;
    // What shows on screen: the editor's box cut by the viewport and the inspector's scroll.
    const box = e.getBoundingClientRect();
    const clip = e.closest('section[aria-label="Inspector"]')?.getBoundingClientRect();
    const top = Math.max(box.top, clip?.top ?? 0, 0);
    const bottom = Math.min(box.bottom, clip?.bottom ?? Infinity, window.innerHeight);
    return lineHeight > 0 ? Math.floor((bottom - top) / lineHeight) : 0;
  });
}

test('at 1280x720 the canvas keeps 55% of the height with the simulation open', async ({
  app,
  page,
}) => {
  await app.open();
  const simulation = page.getByRole('region', { name: 'Simulation' });
  await expect(simulation.getByRole('button', { name: 'Assume role' })).toBeVisible();
  expect(await height(app.canvas)).toBeGreaterThanOrEqual(0.55 * 720);
  await lookAt(page, 'test-results/room-1280x720.png');
});

test('the bottom panel and the inspector resize from the keyboard and stay so', async ({
  app,
  page,
}) => {
  await app.open();
  const bottom = page.getByRole('region', { name: 'Bottom panel' });
  const bar = page.getByRole('separator', { name: 'Resize the bottom panel' });
  const before = Number(await bar.getAttribute('aria-valuenow'));
  const canvasBefore = await height(app.canvas);
  await bar.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(bar).toHaveAttribute('aria-valuenow', String(before - 32));
  expect(await height(bottom)).toBeCloseTo(before - 32, 0);
  expect(await height(app.canvas)).toBeCloseTo(canvasBefore + 32, 0);
  // It cannot take the canvas's share: End stops at the largest size that keeps 55%.
  await page.keyboard.press('End');
  expect(await height(app.canvas)).toBeGreaterThanOrEqual(0.55 * 720 - 1);
  await page.keyboard.press('Home');
  await expect(bar).toHaveAttribute('aria-valuenow', '120');

  const side = page.getByRole('separator', { name: 'Resize the inspector' });
  await expect(side).toHaveAttribute('aria-orientation', 'vertical');
  const inspectorBefore = await width(app.inspector);
  await side.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await width(app.inspector)).toBeCloseTo(inspectorBefore + 64, 0);
  await expect(side).toHaveAttribute('aria-valuenow', String(Math.round(inspectorBefore + 64)));

  // Enter collapses the inspector and brings it back.
  await page.keyboard.press('Enter');
  await expect(app.inspector).toBeHidden();
  await expect(side).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Enter');
  await expect(app.inspector).toBeVisible();

  // Kept per browser.
  await page.reload();
  await expect(app.canvas.getByRole('application')).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '120');
  expect(await width(app.inspector)).toBeCloseTo(inspectorBefore + 64, 0);
});

test('a separator drags with the mouse; the panels collapse from the View buttons', async ({
  app,
  page,
}) => {
  await app.open();
  const bar = page.getByRole('separator', { name: 'Resize the bottom panel' });
  const box = (await bar.boundingBox())!;
  const before = Number(await bar.getAttribute('aria-valuenow'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  await expect(bar).toHaveAttribute('aria-valuenow', String(before - 40));

  const view = page.getByRole('group', { name: 'View' });
  await view.getByRole('button', { name: 'Bottom panel' }).click();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeHidden();
  await expect(bar).toHaveAttribute('aria-valuetext', 'collapsed');
  const canvasTall = await height(app.canvas);
  expect(canvasTall).toBeGreaterThan(0.75 * 720);
  await view.getByRole('button', { name: 'Inspector panel' }).click();
  await expect(app.inspector).toBeHidden();
  await page.reload();
  await expect(app.canvas.getByRole('application')).toBeVisible();
  await expect(app.inspector).toBeHidden();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeHidden();
  // A tab of the collapsed panel opens it again.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeVisible();
});

test('the inspector’s policy editor shows 15 lines, and opens large; Escape closes it', async ({
  app,
  page,
}) => {
  await app.open();
  await app.node('Deploy').click();
  const policies = app.inspector.getByRole('region', { name: 'Policies' });
  await policies.scrollIntoViewIfNeeded();
  await policies.getByRole('button', { name: 'Expand editor' }).click();
  const pane = page.getByRole('dialog', { name: /^Policy editor/ });
  await expect(pane).toBeVisible();
  expect(await editorLines(pane)).toBeGreaterThanOrEqual(15);
  await lookAt(page, 'test-results/room-editor-expanded.png');
  await pane.getByRole('tab').first().focus();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(policies.getByRole('button', { name: 'Expand editor' })).toBeVisible();
});

test('Present enlarges the panels’ text and the canvas, and is remembered', async ({
  app,
  page,
}) => {
  await app.open();
  const label = page.getByRole('region', { name: 'Simulation' }).getByText('Session name');
  const fontOf = (l: Locator) =>
    l.evaluate((e) => {
      // The size on screen: the computed size times the zoom of the element and its parents.
      let zoom = 1;
      for (let n: Element | null = e; n; n = n.parentElement)
        zoom *= parseFloat(getComputedStyle(n).zoom || '1');
      return parseFloat(getComputedStyle(e).fontSize) * zoom;
    });
  const small = await fontOf(label);
  const nodeName = app.node('Deploy');
  const nodeHeight = await height(nodeName);
  const present = page.getByRole('group', { name: 'View' }).getByRole('button', {
    name: 'Present',
  });
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  expect(await fontOf(label)).toBeGreaterThanOrEqual(small * 1.2);
  expect(await height(nodeName)).toBeGreaterThanOrEqual(nodeHeight * 1.2);
  // The canvas keeps its share in Present too.
  expect(await height(app.canvas)).toBeGreaterThanOrEqual(0.55 * 720);
  await lookAt(page, 'test-results/room-present.png');
  await page.reload();
  await expect(app.canvas.getByRole('application')).toBeVisible();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  expect(await fontOf(label)).toBeGreaterThanOrEqual(small * 1.2);
  // The canvas opens at its fit times Present's factor again (it opened at the plain fit).
  await expect.poll(() => height(nodeName)).toBeGreaterThanOrEqual(nodeHeight * 1.2);
  await lookAt(page, 'test-results/room-present-reloaded.png');
  await present.click();
  expect(await fontOf(label)).toBeCloseTo(small, 0);
  await expect.poll(() => height(nodeName)).toBeCloseTo(nodeHeight, 0);
});

test('the inspector’s header opens the policy editor large, with no scrolling past the fields', async ({
  app,
  page,
}) => {
  await app.open();
  await app.node('Deploy').locator('[data-node-name]').first().click();
  const policies = app.inspector.getByRole('region', { name: 'Policies' });
  // A role's fields and trust list come first: at 1280x720 its inline editor is out of view.
  await expect(policies.getByRole('button', { name: 'Expand editor' })).not.toBeInViewport();
  const open = app.inspector.getByRole('button', { name: 'Edit policies' });
  await expect(open).toBeInViewport();
  await open.click();
  const pane = page.getByRole('dialog', { name: /^Policy editor/ });
  await expect(pane).toBeVisible();
  await expect(pane.getByRole('tab', { selected: true })).toBeFocused();
  expect(await editorLines(pane)).toBeGreaterThanOrEqual(15);
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  // Not for an entity without policies.
  await app.canvas.getByRole('button', { name: 'Fit View' }).click();
  await app.node('lambda.amazonaws.com').locator('[data-node-name]').first().click();
  await expect(app.inspector.getByRole('button', { name: 'Edit policies' })).toHaveCount(0);
});
