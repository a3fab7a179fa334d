import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { RolecraftApp, expect, test, lookAt } from './fixtures/app';
import { DesignCanvas } from './fixtures/canvas';
import { exportDesign } from './fixtures/design-file';

/** Picks an item of the toolbar's Export menu, as a person does. */
async function exportItem(app: RolecraftApp, name: string): Promise<Download> {
  const download = app.page.waitForEvent('download');
  await app.toolbar.getByRole('button', { name: 'Export', exact: true }).click();
  await app.page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name }).click();
  return download;
}

/** The size the whole design has at zoom 1, from the nodes on screen and the canvas zoom. */
async function designSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const rects = [...document.querySelectorAll('.react-flow__node')].map((n) =>
      n.getBoundingClientRect(),
    );
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return { width: (right - left) / zoom, height: (bottom - top) / zoom };
  });
}

/** Decodes a PNG in the browser: its size, the colour of a corner, and how much is not background. */
async function decodePng(page: Page, bytes: Buffer) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const corner = [data[0]!, data[1]!, data[2]!];
    let differing = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d =
        Math.abs(data[i]! - corner[0]!) +
        Math.abs(data[i + 1]! - corner[1]!) +
        Math.abs(data[i + 2]! - corner[2]!);
      if (d > 30) differing++;
    }
    return {
      width: image.naturalWidth,
      height: image.naturalHeight,
      corner,
      inked: differing / (data.length / 4),
    };
  }, bytes.toString('base64'));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`Export PNG draws the whole design at 2x, ${scheme} as on screen`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await expect(app.node('GitHubDeploy')).toBeVisible();
    const size = await designSize(page);
    const download = await exportItem(app, 'Export PNG');
    expect(download.suggestedFilename()).toBe('cross-account-example.png');
    const bytes = readFileSync(await download.path());
    writeFileSync(`/tmp/e2e-export-${scheme}.png`, bytes);
    const png = await decodePng(page, bytes);
    // 2x of the design at natural size plus a 32 px margin each side: the design's aspect.
    expect(png.width).toBeGreaterThan(2 * (size.width + 64) - 6);
    expect(png.width).toBeLessThan(2 * (size.width + 64) + 6);
    expect(png.height).toBeGreaterThan(2 * (size.height + 64) - 6);
    expect(png.height).toBeLessThan(2 * (size.height + 64) + 6);
    expect(png.width / png.height).toBeCloseTo((size.width + 64) / (size.height + 64), 1);
    // Not blank: nodes, frames, edges and labels cover a good part of it.
    expect(png.inked).toBeGreaterThan(0.03);
    const brightness = png.corner.reduce((a, b) => a + b, 0) / 3;
    if (scheme === 'dark') expect(brightness).toBeLessThan(60);
    else expect(brightness).toBeGreaterThan(200);
  });
}

test('Export SVG holds every node and the edge labels', async ({ app, page }) => {
  await app.open();
  await expect(app.node('alice')).toBeVisible();
  const download = await exportItem(app, 'Export SVG');
  expect(download.suggestedFilename()).toBe('cross-account-example.svg');
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  // Node names carry <wbr> line-break chances (GitHub<wbr>Deploy): read the text without them.
  const text = svg.replace(/<wbr\b[^>]*>(<\/wbr>)?/g, '');
  const labels = await page.locator('.react-flow__edgelabel-renderer').allInnerTexts();
  expect(labels.join(' ').trim()).not.toBe('');
  for (const name of ['alice', 'Developer', 'Deploy', 'GitHubDeploy', 'Production']) {
    expect(text).toContain(`>${name}<`);
  }
  for (const label of (await page.locator('.react-flow__edgelabel-renderer > *').allInnerTexts())
    .map((t) => t.trim())
    .filter(Boolean)) {
    expect(text).toContain(label.split('\n')[0]!.replace(/&/g, '&amp;'));
  }
});

test('the Export menu writes Terraform, CloudFormation and authorization details named after the design', async ({
  app,
}) => {
  await app.open();
  const tf = await exportItem(app, 'Terraform (.tf)');
  expect(tf.suggestedFilename()).toBe('cross-account-example.tf');
  const text = readFileSync(await tf.path(), 'utf8');
  expect(text).toContain('resource "aws_iam_role" "deploy" {');
  expect(text).toContain('AWS = aws_iam_role.developer.arn');
  const zip = await exportItem(app, 'Terraform, a file per account (.zip)');
  expect(zip.suggestedFilename()).toBe('cross-account-example-terraform.zip');
  expect(
    readFileSync(await zip.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  const cfn = await exportItem(app, 'CloudFormation, a template per account (.zip)');
  expect(cfn.suggestedFilename()).toBe('cross-account-example-cloudformation.zip');
  const authz = await exportItem(app, 'Authorization details, a file per account (.zip)');
  expect(authz.suggestedFilename()).toBe('cross-account-example-authorization-details.zip');
});

test('the Export menu works from the keyboard', async ({ app, page }) => {
  await app.open();
  const toggle = app.toolbar.getByRole('button', { name: 'Export', exact: true });
  await toggle.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem', { name: 'Design file (.rolecraft.json)' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Copy share link' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(toggle).toBeFocused();
});

test('a share link opens the same design, as a new design, in a fresh browser', async ({
  app,
  page,
  browser,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const canvas = new DesignCanvas(app);
  await app.open();
  const menu = await canvas.designsMenu();
  await menu.getByLabel('Design name').fill('Review of prod access');
  await menu.getByLabel('Design name').press('Enter');
  await canvas.saved();
  const original = await exportDesign(app, page);

  await app.toolbar.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog.getByRole('status')).toHaveText('Link copied to the clipboard.');
  const link = await dialog.getByLabel('Share link').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/#share=[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(8000);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    const otherApp = new RolecraftApp(other);
    await other.goto(link);
    const prompt = other.getByRole('dialog', { name: 'Open shared design' });
    await expect(prompt).toContainText('Review of prod access');
    await expect(prompt).toContainText('2 accounts, 4 roles, 1 user');
    await expect(prompt).toContainText('opens as a new design');
    await lookAt(other, '/tmp/e2e-share-prompt.png');
    await prompt.getByRole('button', { name: 'Open as a new design' }).click();
    await expect(otherApp.node('GitHubDeploy')).toBeVisible();
    expect(new URL(other.url()).hash).toBe('');
    const opened = await exportDesign(otherApp, other);
    const { id: openedId, ...openedDesign } = opened.design as typeof opened.design & {
      id: string;
    };
    const { id: originalId, ...originalDesign } = original.design as typeof original.design & {
      id: string;
    };
    expect(openedDesign).toEqual(originalDesign);
    expect(openedId).not.toBe(originalId);
    // The sample that opened first in that browser is still there, beside the shared design.
    const otherMenu = other.getByRole('button', { name: /^Designs: / });
    await otherMenu.click();
    await expect(
      other.getByRole('region', { name: 'Saved designs' }).getByRole('button'),
    ).toHaveText(['Review of prod access', 'Cross-account example']);
  } finally {
    await fresh.close();
  }
});

test('a share link made in a lesson opens that lesson at the same step', async ({
  app,
  page,
  browser,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await app.open();
  await app.toolbar.getByRole('button', { name: 'Scenarios' }).click();
  await page
    .getByRole('dialog', { name: 'Scenarios' })
    .getByRole('button', { name: 'Short-term access', exact: true })
    .click();
  const panel = page.getByRole('region', { name: 'Lesson' });
  await panel.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(panel.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await app.toolbar.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy share link' }).click();
  const link = await page
    .getByRole('dialog', { name: 'Share link' })
    .getByLabel('Share link')
    .inputValue();

  const fresh = await browser.newContext({ reducedMotion: 'reduce' });
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    const prompt = other.getByRole('dialog', { name: 'Open shared design' });
    await expect(prompt).toContainText('step 2 of the lesson');
    await prompt.getByRole('button', { name: 'Open as a new design' }).click();
    const otherPanel = other.getByRole('region', { name: 'Lesson' });
    await expect(otherPanel.getByRole('heading', { name: 'Short-term access' })).toBeVisible();
    await expect(otherPanel.getByText(/^Step 2 of \d+$/)).toBeVisible();
  } finally {
    await fresh.close();
  }
});

test('a design too large for a link says so and offers the file', async ({ app, page }) => {
  await app.open('/?generate=300');
  await app.toolbar.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog).toContainText('chat tools cut links longer than 8,000');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the design file' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.rolecraft\.json$/);
});

test('a damaged share link is refused with the reason, and the open design stays', async ({
  app,
  page,
}) => {
  await app.open('/#share=AAAA');
  const alert = page.getByRole('alert').filter({ hasText: 'share link' });
  await expect(alert).toContainText(
    'the share link could not be opened: the link is damaged or cut short',
  );
  await expect(app.node('alice')).toBeVisible();
});

test('a picture of a large design holds every node, not only those near the view', async ({
  app,
  page,
}) => {
  await app.open('/?generate=400');
  // A design this large draws only what is near the view on screen, once the opening view has
  // settled (it pans to the first account).
  await app.settled();
  const count = () => page.locator('.react-flow__node').count();
  const onScreen = await count();
  expect(onScreen).toBeLessThan(400);
  const download = await exportItem(app, 'Export SVG');
  const svg = readFileSync(await download.path(), 'utf8');
  const inPicture = svg.match(/class="react-flow__node /g)?.length ?? 0;
  expect(inPicture).toBeGreaterThanOrEqual(400);
  // And the canvas goes back to drawing only what is near the view.
  await expect.poll(count).toBe(onScreen);
});
