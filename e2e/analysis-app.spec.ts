import { expect, test, lookAt } from './fixtures/app';
import { openRealSample } from './fixtures/authz-sample';
import { DesignCanvas } from './fixtures/canvas';

test('the analysis in the app: badges on nodes, an edit with its what-if, an escalation stepped on the canvas', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await openRealSample(app);

  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByRole('list', { name: 'Findings list' })).toContainText('role-unused');

  // Badges: MyRole has unrestricted PassRole (high), a service trust without source, and is unused.
  const badge = app
    .node('MyRole')
    .getByRole('button', { name: '3 findings on MyRole, worst high' });
  await expect(badge).toBeVisible();
  await lookAt(page, '/tmp/e2e-analysis-badges.png');
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await badge.click();
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const rows = page.getByRole('list', { name: 'Findings list' }).getByRole('button');
  await expect(rows).toHaveCount(3);
  await expect(page.getByText('About MyRole')).toBeVisible();

  // The user (a group has the same name).
  const bidenUser = app.node('biden').filter({ hasText: 'IAM user' });
  // The whole account in view, to draw on it.
  await page.getByRole('button', { name: 'Fit View' }).click();
  // An edit: biden may now assume OverprivilegedEC2 (a trust edge drawn on the canvas).
  await canvas.connect(bidenUser, app.node('OverprivilegedEC2'));
  const summary = page.getByRole('region', { name: 'What this edit changes' });
  const adds = summary.getByRole('list', { name: 'This adds' });
  await expect(adds).toContainText('biden can now reach OverprivilegedEC2');
  await expect(adds).toContainText('biden can escalate to obama');
  // Docked beside the bottom panel's views: over no node, and outside the canvas altogether.
  const docked = (await summary.boundingBox())!;
  const canvasBox = (await app.canvas.boundingBox())!;
  const overlaps = (
    a: { x: number; y: number; width: number; height: number },
    b: { x: number; y: number; width: number; height: number },
  ) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps(docked, canvasBox)).toBe(false);
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = await node.boundingBox();
    // A node scrolled out of the canvas is clipped by it: only what shows can be covered.
    if (box && overlaps(box, canvasBox)) expect(overlaps(docked, box)).toBe(false);
  }
  await lookAt(page, '/tmp/e2e-analysis-what-if.png');
  await summary.getByRole('button', { name: 'Keep' }).click();
  await expect(summary).toBeHidden();

  // The escalation that edit made: two hops, stepped one at a time.
  await page.getByRole('tab', { name: 'Escalations' }).click();
  await page.getByRole('button', { name: /^biden can escalate to obama/ }).click();
  const path = page.getByRole('group', { name: 'Path: biden can escalate to obama' });
  const trust = canvas.edge('biden may assume OverprivilegedEC2');
  const accessKey = canvas.edge(/^step 2 of the path: iam-create-access-key/);
  await expect(path.getByText('Step 2 of 2')).toBeVisible();
  await expect(trust).toHaveClass(/path-lit/);
  await expect(accessKey).toHaveClass(/path-current/);
  await expect(app.node('obama')).toHaveClass(/path-current/);
  await lookAt(page, '/tmp/e2e-analysis-path.png');
  await path.getByRole('button', { name: 'Back' }).click();
  await expect(path.getByText('Step 1 of 2')).toBeVisible();
  await expect(trust).toHaveClass(/path-current/);
  await expect(accessKey).toHaveCount(0);
  await expect(app.node('obama')).not.toHaveClass(/path-lit/);
  await path.press('ArrowLeft');
  await expect(trust).not.toHaveClass(/path-lit/);
  await expect(bidenUser).toHaveClass(/path-current/);
  await path.press('ArrowRight');
  await path.press('ArrowRight');
  await expect(accessKey).toHaveClass(/path-current/);
});

test('with reduced motion the whole path is lit at once', async ({ app, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const canvas = new DesignCanvas(app);
  await openRealSample(app);
  await page.getByRole('tab', { name: 'Escalations' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByRole('button', { name: /^OverprivilegedEC2 can escalate to obama/ }).click();
  const path = page.getByRole('group', { name: 'Path: OverprivilegedEC2 can escalate to obama' });
  await expect(path.getByText('Step 1 of 1')).toBeVisible();
  await expect(canvas.edge(/^step 1 of the path: iam-create-access-key/)).toHaveClass(
    /path-current/,
  );
});
