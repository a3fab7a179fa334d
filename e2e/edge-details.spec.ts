import { expect, test } from './fixtures/app';

test('selecting a permission edge explains which actions it stands for', async ({ app, page }) => {
  await app.open();
  const edge = app.canvas
    .getByRole('group', { name: /^Deploy may use prod-artifacts/ })
    .and(page.locator('[aria-roledescription="edge"]'));
  await edge.focus();
  await page.keyboard.press('Enter');
  await expect(
    app.inspector.getByRole('heading', { name: 'Deploy → prod-artifacts' }),
  ).toBeVisible();
  await expect(app.inspector).toContainText('s3:GetObject');
});
