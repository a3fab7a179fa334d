import { readFileSync } from 'node:fs';
import { expect, test, lookAt } from './fixtures/app';
import { DesignCanvas } from './fixtures/canvas';

test('draws a trust edge from an empty canvas, deletes it, undoes, and finds it after a reload', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.newDesign();

  await canvas.tool('Add account').click();
  await expect(app.node('Account')).toBeVisible();
  await canvas.tool('Add user').click();
  await canvas.setField('Name', 'carol');
  await canvas.tool('Add role').click();
  await canvas.setField('Name', 'Auditor');
  await expect(app.node('carol')).toBeVisible();
  await expect(app.node('Auditor')).toBeVisible();

  await canvas.connect(app.node('carol'), app.node('Auditor'));
  const trust = canvas.edge('carol may assume Auditor');
  await expect(trust).toBeAttached();

  await canvas.select(app.node('Auditor'));
  await expect(app.inspector.getByLabel('ARN')).toHaveText(
    'arn:aws:iam::111111111111:role/Auditor',
  );
  await expect(app.inspector).toContainText('arn:aws:iam::111111111111:user/carol');

  await canvas.clickEdge(trust);
  await page.keyboard.press('Delete');
  await expect(trust).toHaveCount(0);
  await canvas.select(app.node('Auditor'));
  await expect(app.inspector.getByLabel('ARN')).toHaveText(
    'arn:aws:iam::111111111111:role/Auditor',
  );
  await expect(app.inspector).not.toContainText('arn:aws:iam::111111111111:user/carol');

  await canvas.tool('Undo').click();
  await expect(trust).toBeAttached();
  await expect(app.inspector).toContainText('arn:aws:iam::111111111111:user/carol');

  await canvas.saved();
  await page.reload();
  await expect(app.node('carol')).toBeVisible();
  await expect(app.node('Auditor')).toBeVisible();
  await expect(canvas.edge('carol may assume Auditor')).toBeAttached();
  await lookAt(page, '/tmp/e2e-drawn.png');
});

test('import of a file that is not a design shows why and keeps the open design', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  const chooser = page.waitForEvent('filechooser');
  await canvas.tool('Import').click();
  await (
    await chooser
  ).setFiles({
    name: 'notes.rolecraft.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "drawio", "pages": []}'),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('notes.rolecraft.json was not imported');
  await expect(alert).toContainText('not a Rolecraft design file');
  await expect(alert).toContainText('drawio');
  await expect(app.node('alice')).toBeVisible();
  await lookAt(page, '/tmp/e2e-import-error.png');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('export writes a design file that import opens again', async ({ app, page }) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  const download = page.waitForEvent('download');
  await canvas.tool('Export').click();
  await page.getByRole('menuitem', { name: 'Design file (.rolecraft.json)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cross-account-example.rolecraft.json');
  const path = await file.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({
    format: 'rolecraft',
    design: { name: 'Cross-account example' },
  });

  await canvas.newDesign();
  const chooser = page.waitForEvent('filechooser');
  await canvas.tool('Import').click();
  await (
    await chooser
  ).setFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(app.node('alice')).toBeVisible();
  await expect(canvas.edge('Developer may assume Deploy')).toBeAttached();
});

test('moving a role into another account changes its ARN and the policies naming it', async ({
  app,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  // Into the free space at the foot of Development, clear of its nodes.
  const development = (await app.node('Development').boundingBox())!;
  await canvas.dragNodeTo(app.node('Deploy'), {
    x: development.x + development.width / 2,
    y: development.y + development.height - 40,
  });
  await canvas.select(app.node('Deploy'));
  await expect(app.inspector.getByLabel('ARN')).toHaveText('arn:aws:iam::111111111111:role/Deploy');
  await expect(canvas.field('Account')).toHaveValue('Development (111111111111)');
  // Developer's permission to assume it follows the move.
  await canvas.select(app.node('Developer'));
  await app.inspector.getByRole('tab', { name: 'AssumeDeploy' }).click();
  await expect(app.inspector).toContainText('arn:aws:iam::111111111111:role/Deploy');
  await canvas.tool('Undo').click();
  await expect(app.inspector).toContainText('arn:aws:iam::222222222222:role/Deploy');
});

test('a delete that would break references asks first', async ({ app, page }) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.select(app.node('alice'));
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Confirm delete' });
  await expect(dialog).toContainText('trust policy of Developer names alice');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.node('alice')).toBeVisible();

  await canvas.select(app.node('alice'));
  await page.keyboard.press('Delete');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(app.node('alice')).toHaveCount(0);
  await expect(canvas.edge('alice may assume Developer')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(app.node('alice')).toBeVisible();
  await expect(canvas.edge('alice may assume Developer')).toBeAttached();
});

test('copy and paste, keyboard moves, and Ctrl+K search', async ({ app, page }) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.select(app.node('Developer'));
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(app.node('Developer-copy')).toBeVisible();
  await expect(canvas.field('Name')).toHaveValue('Developer-copy');

  // A focused node moves with the arrow keys; Ctrl+Z puts it back.
  const node = app.node('Developer-copy');
  const before = await node.boundingBox();
  await node.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(before!.x + 5);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await node.boundingBox())!.x).toBeCloseTo(before!.x, 0);

  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Find a node' });
  await search.getByRole('combobox', { name: 'Node name' }).fill('orders');
  await expect(search.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(search).toHaveCount(0);
  await expect(app.node('OrdersFunctionRole')).toBeFocused();
  await expect(canvas.field('Name')).toHaveValue('OrdersFunctionRole');
});

test('every kind can be added from the toolbar, and auto layout arranges them', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.newDesign();
  const added: [string, string][] = [
    ['Add account', 'Account'],
    ['Add user', 'new-user'],
    ['Add group', 'NewGroup'],
    ['Add role', 'NewRole'],
    ['Add service', 'lambda.amazonaws.com'],
    ['Add identity provider', 'GitHub Actions'],
    ['Add resource', 'new-bucket'],
  ];
  for (const [button, name] of added) {
    await canvas.tool(button).click();
    if (button === 'Add identity provider')
      await page.getByRole('menuitem', { name: /^GitHub Actions/ }).click();
    await expect(app.node(name)).toBeVisible();
  }
  // Seven new nodes do not all fit the view: show everything first, as a person would.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await canvas.connect(app.node('lambda.amazonaws.com'), app.node('NewRole'));
  await expect(canvas.edge('lambda.amazonaws.com may assume NewRole')).toBeAttached();
  await canvas.connect(app.node('new-user'), app.node('NewGroup'));
  await expect(canvas.edge('new-user is a member of NewGroup')).toBeAttached();

  const before = await app.node('NewRole').boundingBox();
  await canvas.tool('Auto layout').click();
  await expect
    .poll(async () => JSON.stringify(await app.node('NewRole').boundingBox()))
    .not.toBe(JSON.stringify(before));
  for (const [, name] of added) await expect(app.node(name)).toBeVisible();
});

test('edits in the inspector are document changes: rename, MaxSessionDuration, tags', async ({
  app,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.select(app.node('Deploy'));
  await canvas.setField('MaxSessionDuration (seconds)', '7200');
  await canvas.setField('Name', 'Release');
  await expect(app.node('Release')).toBeVisible();
  await expect(canvas.edge('Developer may assume Release')).toBeAttached();
  await canvas.field('New tag key').fill('owner');
  await canvas.field('New tag value').fill('platform');
  await app.inspector.getByRole('button', { name: 'Add tag' }).click();
  await expect(canvas.field('Value of tag owner')).toHaveValue('platform');

  await canvas.tool('Undo').click();
  await canvas.tool('Undo').click();
  await expect(app.node('Deploy')).toBeVisible();
  await expect(canvas.field('MaxSessionDuration (seconds)')).toHaveValue('7200');
  await canvas.tool('Redo').click();
  await expect(app.node('Release')).toBeVisible();
});

test('draws the cross-account example with the keyboard alone', async ({ app, page }) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.designsButton.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New design' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.canvas.locator('[aria-roledescription="node"]')).toHaveCount(0);

  const press = async (button: string) => {
    await canvas.tool(button).focus();
    await page.keyboard.press('Enter');
  };
  const rename = async (name: string) => {
    await canvas.field('Name').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(app.node(name)).toBeVisible();
  };
  const find = async (name: string) => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(app.node(name)).toBeFocused();
  };
  const trust = async (principal: string) => {
    const picker = app.inspector.getByRole('combobox', { name: 'Principal to trust' });
    await picker.focus();
    await page.keyboard.type(principal);
    // Typing makes the first match the active option; Enter picks it.
    await expect(page.getByRole('option', { name: principal, exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue(principal);
    await app.inspector.getByRole('button', { name: 'Add to trust policy' }).focus();
    await page.keyboard.press('Enter');
  };

  await press('Add account');
  await rename('Development');
  await press('Add account');
  await rename('Production');
  await find('Development');
  await press('Add user');
  await rename('alice');
  await press('Add role');
  await rename('Developer');
  await find('Production');
  await press('Add role');
  await rename('Deploy');
  await trust('Developer (IAM role)');
  await find('Developer');
  await trust('alice (IAM user)');

  await expect(canvas.edge('alice may assume Developer')).toBeAttached();
  await expect(canvas.edge('Developer may assume Deploy')).toBeAttached();
  await find('Deploy');
  await expect(app.inspector.getByLabel('ARN')).toHaveText('arn:aws:iam::222222222222:role/Deploy');
  await expect(app.inspector).toContainText('arn:aws:iam::111111111111:role/Developer');
  await lookAt(page, '/tmp/e2e-keyboard.png');
});

test('deleting an account asks first, naming what goes with it', async ({ app, page }) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await app.node('Production').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Confirm delete' });
  await expect(dialog).toContainText('This deletes Production, Deploy');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.node('Deploy')).toBeVisible();
  await expect(canvas.tool('Undo')).toBeDisabled();
});

test('several designs: rename, duplicate, open, delete, each kept across reloads', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  let menu = await canvas.designsMenu();
  const name = menu.getByLabel('Design name');
  await name.fill('Payments');
  await name.press('Enter');
  await expect(canvas.designsButton).toHaveAccessibleName('Designs: Payments');

  await menu.getByRole('button', { name: 'Duplicate design' }).click();
  await expect(canvas.designsButton).toHaveAccessibleName('Designs: Payments copy');
  await canvas.select(app.node('alice'));
  await canvas.setField('Name', 'bob');
  await canvas.saved();

  menu = await canvas.designsMenu();
  const saved = menu.getByRole('region', { name: 'Saved designs' });
  await expect(saved.getByRole('button')).toHaveText(['Payments copy', 'Payments']);
  await saved.getByRole('button', { name: 'Payments', exact: true }).click();
  await expect(app.node('alice')).toBeVisible();
  await expect(app.node('bob')).toHaveCount(0);

  await page.reload();
  await expect(canvas.designsButton).toHaveAccessibleName('Designs: Payments');
  menu = await canvas.designsMenu();
  await menu.getByRole('button', { name: 'Delete design' }).click();
  await page
    .getByRole('alertdialog', { name: 'Delete design' })
    .getByRole('button', { name: 'Delete design' })
    .click();
  await expect(canvas.designsButton).toHaveAccessibleName('Designs: Payments copy');
  await expect(app.node('bob')).toBeVisible();
  menu = await canvas.designsMenu();
  await expect(menu.getByRole('region', { name: 'Saved designs' }).getByRole('button')).toHaveText([
    'Payments copy',
  ]);
});
