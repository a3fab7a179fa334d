import { expect, test, lookAt } from './fixtures/app';
import { importFiles, openRealSample, realSample } from './fixtures/authz-sample';

test('imports real authorization details with a design file refused beside it, and shows the summary', async ({
  app,
  page,
}) => {
  await app.open();
  const dialog = await importFiles(app, [
    { name: 'account.json', buffer: realSample },
    { name: 'notes.json', buffer: Buffer.from('{"pages": []}') },
  ]);
  await expect(dialog).toContainText('Opened Account 012345678901');
  const counts = dialog.getByRole('list', { name: 'What came in' });
  await expect(counts).toContainText('3 users');
  await expect(counts).toContainText('2 groups');
  await expect(counts).toContainText('3 roles');
  await expect(dialog.getByRole('list', { name: 'Skipped and why' })).toContainText(
    'notes.json: not authorization details: no RoleDetailList, UserDetailList, GroupDetailList or Policies',
  );
  await lookAt(page, '/tmp/e2e-import-authz.png');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.node('OverprivilegedEC2')).toBeVisible();
  await expect(app.node('obama')).toBeVisible();
  await expect(app.node('ec2.amazonaws.com')).toBeVisible();
  await lookAt(page, '/tmp/e2e-import-authz-canvas.png');
});

test('analyses the imported account in a worker and opens a finding at its statement', async ({
  app,
  page,
}) => {
  await openRealSample(app);
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const list = page.getByRole('list', { name: 'Findings list' });
  await expect(list).toContainText('service-trust-without-source');
  await page.getByLabel('Kind').selectOption('service-trust-without-source');
  await expect(list.getByRole('button')).toHaveCount(2);
  await list.getByRole('button', { name: /MyRole. trusts .ssm\.amazonaws\.com/ }).click();
  await expect(app.inspector.getByLabel('ARN')).toHaveText('arn:aws:iam::012345678901:role/MyRole');
  await expect(app.inspector.getByRole('tab', { name: /Trust/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await lookAt(page, '/tmp/e2e-findings.png');
});
