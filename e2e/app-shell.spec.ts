import { expect, test } from './fixtures/app';
import { DesignCanvas } from './fixtures/canvas';

test('opens on the sample design with its nodes visible by name', async ({ app, page }) => {
  // Roomy enough for the README screenshot to show the canvas beside the panels.
  await page.setViewportSize({ width: 1600, height: 1000 });
  await app.open();
  for (const name of [
    'Development',
    'Production',
    'alice',
    'Developer',
    'Deploy',
    'GitHubDeploy',
  ]) {
    await expect(app.node(name)).toBeVisible();
  }
  await expect(app.inspector).toBeVisible();
  await expect(app.toolbar).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bottom panel' })).toBeVisible();
  await expect(page.getByRole('button', { name: /zoom in/i })).toBeVisible();
  // A canvas this tall has room for the overview; its control folds it away and back.
  const overview = app.canvas.getByRole('button', { name: 'Overview' });
  await expect(page.getByRole('img', { name: 'Overview of the design' })).toBeVisible();
  await expect(overview).toHaveAttribute('aria-pressed', 'true');
  await overview.click();
  await expect(page.getByRole('img', { name: 'Overview of the design' })).toBeHidden();
  await overview.click();
  await expect(page.getByRole('img', { name: 'Overview of the design' })).toBeVisible();

  // The README screenshot: the sample with the cross-account role selected.
  const canvas = new DesignCanvas(app);
  await canvas.select(app.node('Deploy'));
  await expect(app.inspector.getByLabel('ARN')).toHaveText('arn:aws:iam::222222222222:role/Deploy');
  await canvas.saved();
  // `npm run screenshot` writes it to docs/; a test run keeps it as an artifact only, so
  // `npm test` leaves the working tree clean.
  await page.screenshot({ path: process.env.README_SCREENSHOT ?? '.reports/screenshot.png' });
});

test('selecting a node shows its ARN in the inspector', async ({ app }) => {
  await app.open();
  await new DesignCanvas(app).select(app.node('Developer'));
  await expect(app.inspector.getByLabel('ARN')).toHaveText(
    'arn:aws:iam::111111111111:role/Developer',
  );
});

test('every toolbar control has the name the docs use', async ({ app }) => {
  await app.open();
  for (const name of [
    'Add account',
    'Add user',
    'Add group',
    'Add role',
    'Add service',
    'Add identity provider',
    'Add resource',
    'Undo',
    'Redo',
    'Auto layout',
    'Export',
    'Import',
  ]) {
    await expect(app.toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  }
});
