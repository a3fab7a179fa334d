import { expect, lookAt, test } from './fixtures/app';

// The canvas as it opens, measured the way a reader sees it: rendered text sizes at the
// opening zoom, names whole inside their nodes, room for the canvas with the simulation open.
// Screenshots go to .reports/legibility (Playwright wipes test-results) to be looked at.

const sizes = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

for (const size of sizes) {
  test(`the sample opens legible at ${size.width}x${size.height}`, async ({ app, page }) => {
    await page.setViewportSize(size);
    await app.open();
    await expect(app.node('alice')).toBeVisible();
    await app.settled();
    await lookAt(page, `.reports/legibility/sample-${size.width}.png`);

    const measured = await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
      const names = [...document.querySelectorAll<HTMLElement>('[data-node-name]')].map((el) => {
        const node = el.closest<HTMLElement>('.react-flow__node')!;
        const box = el.getBoundingClientRect();
        const nodeBox = node.getBoundingClientRect();
        return {
          text: el.textContent,
          px: parseFloat(getComputedStyle(el).fontSize) * zoom,
          fits:
            el.scrollWidth <= el.clientWidth + 1 &&
            box.bottom <= nodeBox.bottom + 0.5 &&
            box.right <= nodeBox.right + 0.5,
        };
      });
      const labels = [...document.querySelectorAll<HTMLElement>('[data-edge-label]')].map((el) => ({
        text: el.textContent,
        px: parseFloat(getComputedStyle(el).fontSize) * zoom,
        clipped: el.scrollWidth > el.clientWidth + 1,
      }));
      const canvas = document.querySelector('main[aria-label="Canvas"]')!.getBoundingClientRect();
      return { zoom, names, labels, canvasShare: canvas.height / window.innerHeight };
    });
    expect(measured.names.length).toBeGreaterThan(5);
    for (const name of measured.names) {
      expect(name.px, `${name.text} renders at ${name.px} px`).toBeGreaterThanOrEqual(12);
      expect(name.fits, `${name.text} fits its node`).toBe(true);
    }
    for (const label of measured.labels) {
      expect(label.px, `label ${label.text}`).toBeGreaterThanOrEqual(11);
      expect(label.clipped, `label ${label.text} is clipped`).toBe(false);
    }
    expect(measured.canvasShare).toBeGreaterThanOrEqual(0.55);
  });
}

for (const size of sizes) {
  test(`condition labels on the sample cover no node and no other label at ${size.width}x${size.height}`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    await app.open();
    await expect(app.node('alice')).toBeVisible();
    await app.settled();
    const found = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      type Box = ReturnType<typeof box>;
      const overlap = (a: Box, b: Box) =>
        a.x < b.x + b.width - 0.5 &&
        b.x < a.x + a.width - 0.5 &&
        a.y < b.y + b.height - 0.5 &&
        b.y < a.y + a.height - 0.5;
      const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => {
        const b = box(el);
        const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
        // An account is a frame: only its header is solid.
        return el.classList.contains('react-flow__node-account')
          ? {
              name,
              box: {
                ...b,
                height: el.firstElementChild!.firstElementChild!.getBoundingClientRect().height,
              },
            }
          : { name, box: b };
      });
      const labels = [...document.querySelectorAll('[data-edge-label]')].map((el) => ({
        text: el.textContent ?? '',
        box: box(el),
      }));
      const problems: string[] = [];
      for (const [i, label] of labels.entries()) {
        for (const node of nodes)
          if (overlap(label.box, node.box)) problems.push(`"${label.text}" covers ${node.name}`);
        for (const other of labels.slice(i + 1))
          if (overlap(label.box, other.box))
            problems.push(`"${label.text}" covers "${other.text}"`);
      }
      return { count: labels.length, problems };
    });
    expect(found.count).toBeGreaterThan(3);
    expect(found.problems).toEqual([]);
  });
}

test('long names wrap at word boundaries instead of being cut', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  const name = app.node('OrdersFunctionRole').locator('[data-node-name]');
  await expect(name).toHaveText('OrdersFunctionRole');
  const lines = await name.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBeLessThanOrEqual(2);
  // The full ARN is on hover.
  await expect(app.node('OrdersFunctionRole').locator('[title^="arn:aws:iam::"]')).toHaveAttribute(
    'title',
    'arn:aws:iam::222222222222:role/service-role/OrdersFunctionRole',
  );
});

test('a label with no free place is a chip that shows its words on hover and on focus', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open();
  // The sample's crowded middle leaves one label only a chip (trust conditions are placed
  // first, so it is a permission summary's).
  const chip = app.canvas.getByRole('button', { name: /^Condition: / }).first();
  await expect(chip).toBeVisible();
  const text = (await chip.getAttribute('aria-label'))!.replace(/^Condition: /, '');
  expect(text.length).toBeGreaterThan(3);
  const words = chip.locator('xpath=following-sibling::div[1]');
  await expect(words).toBeHidden();
  await chip.hover();
  await expect(words).toBeVisible();
  await expect(words).toHaveText(text);
  await page.mouse.move(5, 5);
  await expect(words).toBeHidden();
  await chip.focus();
  await expect(words).toBeVisible();
});
