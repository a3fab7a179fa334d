import { expect, test, lookAt } from './fixtures/app';
import { openRealSample } from './fixtures/authz-sample';
import { DesignCanvas } from './fixtures/canvas';
import { PolicyEditorPane } from './fixtures/editor';

const obama = 'arn:aws:iam::012345678901:user/obama';

test('Who can: an action picked from the catalogue, a resource from the design, the principals and a path stepped on the canvas', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await openRealSample(app);
  // biden (the user; a group has the same name) may now assume OverprivilegedEC2.
  const bidenUser = app.node('biden').filter({ hasText: 'IAM user' });
  await page.getByRole('button', { name: 'Fit View' }).click();
  await canvas.connect(bidenUser, app.node('OverprivilegedEC2'));

  await page.getByRole('tab', { name: 'Who can' }).click();
  const action = page.getByRole('combobox', { name: 'Action' });
  const resource = page.getByRole('combobox', { name: 'Resource' });
  // A typo is refused with the reason, before anything is asked.
  await action.fill('iam:CreateAccesKey');
  await resource.fill(obama);
  await page.getByRole('button', { name: 'Ask who can' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'unknown action `iam:CreateAccesKey`: AWS Identity and Access Management (IAM) has no action `CreateAccesKey`; did you mean `iam:CreateAccessKey`?',
  );
  await expect(page.getByRole('list', { name: 'Who can list' })).toHaveCount(0);

  // The catalogue's actions as the person types: first the service, then its action.
  await action.fill('');
  await action.pressSequentially('iam:CreateAcc');
  await page.getByRole('option', { name: 'iam:CreateAccessKey · Write' }).click();
  await expect(action).toHaveValue('iam:CreateAccessKey');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The design's principals by name.
  await resource.fill('');
  await resource.pressSequentially('obama');
  await page.getByRole('option', { name: `obama · user · ${obama}` }).click();
  await expect(resource).toHaveValue(obama);
  await lookAt(page, '/tmp/e2e-who-can-picked.png');
  await page.getByRole('button', { name: 'Ask who can' }).click();

  const list = page.getByRole('list', { name: 'Who can list' });
  await expect(list.getByRole('button')).toHaveText([
    'OverprivilegedEC2 through its own policies',
    'biden through an AssumeRole chain',
    'obama through its own policies',
    'userwithlotsofpermissions through its own policies',
  ]);
  await list.getByRole('button', { name: /^biden through an AssumeRole chain/ }).click();
  const path = page.getByRole('group', { name: 'Path: biden can call iam:CreateAccessKey' });
  const trust = canvas.edge('biden may assume OverprivilegedEC2');
  const call = canvas.edge('step 2 of the path: iam:CreateAccessKey');
  await expect(path.getByText('Step 2 of 2')).toBeVisible();
  await expect(trust).toHaveClass(/path-lit/);
  await expect(call).toHaveClass(/path-current/);
  await expect(app.node('obama')).toHaveClass(/path-current/);
  await lookAt(page, '/tmp/e2e-who-can-path.png');
  await path.getByRole('button', { name: 'Back' }).click();
  await expect(path.getByText('Step 1 of 2')).toBeVisible();
  await expect(trust).toHaveClass(/path-current/);
  await expect(call).toHaveCount(0);
  await expect(app.node('obama')).not.toHaveClass(/path-lit/);
  await path.press('End');
  await expect(call).toHaveClass(/path-current/);
});

test('the editor’s what-if: a trust policy edited to let biden in says what it adds before it is kept; Undo takes it out', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await openRealSample(app);
  await page.getByRole('tab', { name: 'Escalations' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByRole('button', { name: 'Run analysis again' })).toBeVisible();

  // Its name, not the middle of the node (where its finding badge may sit), once the badges
  // have settled on the canvas.
  await app.settled();
  await app.node('OverprivilegedEC2').getByText('OverprivilegedEC2', { exact: true }).click();
  await expect(app.inspector.getByLabel('ARN')).toHaveText(
    'arn:aws:iam::012345678901:role/OverprivilegedEC2',
  );
  const pane = new PolicyEditorPane(page, app.inspector);
  await pane.show('Trust policy');
  // biden beside the service in the statement's Principal, typed where a person would.
  await pane.cursorAtEndOf('"Service": "ec2.amazonaws.com"');
  await page.keyboard.insertText(',\n"AWS": "arn:aws:iam::012345678901:user/biden"');
  await expect(pane.line('"AWS": "arn:aws:iam::012345678901:user/biden"')).toBeVisible();
  const summary = page.getByRole('region', { name: 'What this edit changes' });
  const adds = summary.getByRole('list', { name: 'This adds' });
  await expect(adds).toContainText('biden can now reach OverprivilegedEC2');
  await expect(adds).toContainText('biden can escalate to obama');
  // Not kept yet: the edit is on the canvas while the summary asks.
  await expect(canvas.edge('biden may assume OverprivilegedEC2')).toBeAttached();
  await lookAt(page, '/tmp/e2e-what-if-editor.png');

  await summary.getByRole('button', { name: 'Undo the edit' }).click();
  await expect(summary).toBeHidden();
  await expect(canvas.edge('biden may assume OverprivilegedEC2')).toHaveCount(0);
  await expect(pane.line('user/biden')).toHaveCount(0);
  await expect(pane.line('ec2.amazonaws.com')).toBeVisible();
  // The analysis shown is the one before the edit: biden escalates to nobody.
  await expect(
    page
      .getByRole('list', { name: 'Escalations list' })
      .getByRole('button', { name: /^biden can escalate/ }),
  ).toHaveCount(0);
  await expect(
    page
      .getByRole('list', { name: 'Escalations list' })
      .getByRole('button', { name: /^OverprivilegedEC2 can escalate to obama/ }),
  ).toBeVisible();
});

test('an account lists its customer managed policies with their holders; one edited there changes it for its holder', async ({
  app,
  page,
}) => {
  await openRealSample(app);
  await app.node('Account 012345678901').getByText('Account 012345678901', { exact: true }).click();
  const list = app.inspector.getByRole('list', {
    name: 'Customer managed policies of Account 012345678901',
  });
  await expect(list.getByRole('listitem').filter({ hasText: 'InsecurePolicy' })).toContainText(
    'attached to 1 principal: OverprivilegedEC2',
  );
  await expect(list.getByRole('listitem').filter({ hasText: 'NotYourPolicy' })).toContainText(
    'attached to no principal',
  );
  await list.getByRole('button', { name: 'Edit managed policy InsecurePolicy' }).click();
  const pane = new PolicyEditorPane(page, app.inspector);
  await expect(pane.tab('InsecurePolicy (managed)')).toHaveAttribute('aria-selected', 'true');
  await pane.show('InsecurePolicy (managed)');
  await pane.cursorAtEndOf('"s3:PutObjectAcl"');
  await page.keyboard.insertText(',\n"s3:GetObject"');
  await lookAt(page, '/tmp/e2e-account-managed-policies.png');
  await new DesignCanvas(app).saved();

  // Its holder has the edit: one policy, edited once.
  await app.node('OverprivilegedEC2').getByText('OverprivilegedEC2', { exact: true }).click();
  await pane.tab('InsecurePolicy (managed)').click();
  await expect(pane.line('"s3:GetObject"')).toBeVisible({ timeout: 30_000 });
});
