import { expect, test } from './fixtures/app';

test('opens on the sample design with its nodes visible by name', async ({ app, page }) => {
  await app.open();
  for (const name of ['alice', 'Ops', 'Deploy']) {
    await expect(app.node(name)).toBeVisible();
  }
  await expect(app.inspector).toBeVisible();
  await expect(page.getByRole('button', { name: /zoom in/i })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('selecting a node shows its ARN in the inspector', async ({ app }) => {
  await app.open();
  await app.node('Ops').click();
  await expect(app.inspector).toContainText('arn:aws:iam::111111111111:role/Ops');
});
