import { expect, test, lookAt } from './fixtures/app';
import { DesignCanvas } from './fixtures/canvas';
import { InspectorPolicies, permissionEdge } from './fixtures/inspector';

// The sample design: Deploy (Production) may read the prod-artifacts bucket through its inline
// policy ReadArtifacts; OrdersFunctionRole (Production) has no permission policy.

test.describe('policies in the inspector', () => {
  let inspector: InspectorPolicies;
  let canvas: DesignCanvas;

  test.beforeEach(async ({ app }) => {
    await app.open();
    inspector = new InspectorPolicies(app);
    canvas = new DesignCanvas(app);
  });

  test('add an inline policy to a role, write an action into it, rename it, make it managed, remove it and undo', async ({
    app,
    page,
  }) => {
    await canvas.select(app.node('OrdersFunctionRole'));
    await expect(inspector.policies).toContainText('No permission policy');
    const edge = permissionEdge(page, 'OrdersFunctionRole may use prod-artifacts');
    await expect(edge).toHaveCount(0);

    await inspector.button('Add inline policy').click();
    await expect(inspector.tab('InlinePolicy (inline)')).toHaveAttribute('aria-selected', 'true');
    await inspector.editor.open('InlinePolicy (inline)');
    await expect(inspector.editor.problems).toContainText('no problems');

    await inspector.replaceInEditor('sts:GetCallerIdentity', 's3:GetObject');
    await expect(inspector.editor.problems).toContainText('no problems');
    await expect(edge).toHaveAccessibleName(
      'OrdersFunctionRole may use prod-artifacts: s3:GetObject',
    );
    await inspector.editor.collapseButton.click();

    await inspector.rename('Name of policy InlinePolicy', 'ReadOrders');
    await expect(inspector.tab('ReadOrders (inline)')).toHaveAttribute('aria-selected', 'true');
    await inspector
      .field('Attachment of policy ReadOrders')
      .selectOption('Customer managed policy');
    await expect(inspector.tab('ReadOrders (managed)')).toBeVisible();

    // A managed policy is detached; it stays in the design, ready to attach again.
    await inspector.removeAndConfirm(
      'Detach policy ReadOrders',
      'Detach policy ReadOrders?',
      'Detach',
    );
    await expect(inspector.tab('ReadOrders (managed)')).toHaveCount(0);
    await expect(edge).toHaveCount(0);
    await expect(inspector.button('Add inline policy')).toBeFocused();
    await inspector.field('Attach an existing managed policy to OrdersFunctionRole').click();
    await expect(page.getByRole('option', { name: 'ReadOrders (0 attached)' })).toBeVisible();
    await page.keyboard.press('Escape');

    await canvas.tool('Undo').click();
    await expect(inspector.tab('ReadOrders (managed)')).toBeVisible();
    await expect(inspector.field('Name of policy ReadOrders')).toHaveValue('ReadOrders');
    await expect(edge).toHaveCount(1);
  });

  test('a managed policy is shared: edited through one role, it changes what the other may do', async ({
    app,
    page,
  }) => {
    await canvas.select(app.node('GitHubDeploy'));
    await inspector.button('Add managed policy').click();
    await expect(inspector.tab('ManagedPolicy (managed)')).toHaveAttribute('aria-selected', 'true');

    await canvas.select(app.node('OrdersFunctionRole'));
    await inspector.field('Attach an existing managed policy to OrdersFunctionRole').click();
    await page.getByRole('option', { name: 'ManagedPolicy (1 attached)' }).click();
    await expect(inspector.policies).toContainText('Customer managed, attached to 2 principals');
    const edge = permissionEdge(page, 'OrdersFunctionRole may use prod-artifacts');
    await expect(edge).toHaveCount(0);

    // Edit the policy where GitHubDeploy shows it: OrdersFunctionRole gains the access too.
    await canvas.select(app.node('GitHubDeploy'));
    await expect(inspector.policies).toContainText('Customer managed, attached to 2 principals');
    await inspector.editor.open('ManagedPolicy (managed)');
    await inspector.replaceInEditor('sts:GetCallerIdentity', 's3:GetObject');
    await expect(inspector.editor.problems).toContainText('no problems');
    await expect(edge).toHaveAccessibleName(
      'OrdersFunctionRole may use prod-artifacts: s3:GetObject',
    );
    await lookAt(page, 'test-results/shared-policy.png');

    // Detached from one, it stays attached to the other; undo attaches it again.
    await inspector.editor.collapseButton.click();
    await canvas.select(app.node('OrdersFunctionRole'));
    await inspector.removeAndConfirm(
      'Detach policy ManagedPolicy',
      'Detach policy ManagedPolicy?',
      'Detach',
    );
    await expect(edge).toHaveCount(0);
    await canvas.tool('Undo').click();
    await expect(edge).toHaveCount(1);
  });

  test('a permissions boundary narrows what a role may do; removing it and undoing', async ({
    app,
    page,
  }) => {
    await canvas.select(app.node('Deploy'));
    const edge = permissionEdge(page, 'Deploy may use prod-artifacts');
    await expect(edge).toHaveCount(1);

    await inspector.button('Add permissions boundary').click();
    await expect(inspector.tab('Permissions boundary')).toHaveAttribute('aria-selected', 'true');
    await inspector.editor.open('Permissions boundary');
    await expect(inspector.editor.problems).toContainText('no problems');
    // An open boundary takes nothing away.
    await expect(edge).toHaveCount(1);

    await inspector.replaceInEditor('*', 'sts:*', '"Action": "*"');
    await expect(inspector.editor.problems).toContainText('no problems');
    await expect(edge).toHaveCount(0);
    await inspector.editor.collapseButton.click();

    await inspector.removeAndConfirm('Remove permissions boundary', 'Remove permissions boundary?');
    await expect(inspector.tab('Permissions boundary')).toHaveCount(0);
    await expect(edge).toHaveCount(1);

    // The focus is back on a control of the inspector, so Ctrl+Z undoes the removal.
    await expect(inspector.button('Add inline policy')).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(inspector.tab('Permissions boundary')).toBeVisible();
    await expect(edge).toHaveCount(0);
  });

  test('keyboard alone: add a managed policy, then remove it through the confirm dialog', async ({
    app,
    page,
  }) => {
    await canvas.select(app.node('alice'));
    await inspector.button('Add managed policy').focus();
    await page.keyboard.press('Enter');
    await expect(inspector.tab('ManagedPolicy (managed)')).toHaveAttribute('aria-selected', 'true');

    await inspector.button('Detach policy ManagedPolicy').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Detach policy ManagedPolicy?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(inspector.button('Detach policy ManagedPolicy')).toBeFocused();

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Detach' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inspector.tab('ManagedPolicy (managed)')).toHaveCount(0);

    // Edit opens the policy in the editor and puts the keyboard there.
    await inspector.button('Edit policy AssumeDeveloper').focus();
    await page.keyboard.press('Enter');
    await expect(inspector.tab('AssumeDeveloper (inline)')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(inspector.editor.editor('AssumeDeveloper (inline)')).toBeFocused({
      timeout: 30_000,
    });
  });

  test('a policy name IAM would refuse is not taken, and says why', async ({ app }) => {
    await canvas.select(app.node('Deploy'));
    await inspector.rename('Name of policy ReadArtifacts', 'read artifacts');
    await expect(inspector.policies.getByRole('alert')).toContainText(
      'a policy name must use 1 to 128 letters, digits or +=,.@_-',
    );
    await expect(inspector.tab('ReadArtifacts (inline)')).toBeVisible();
    await inspector.field('Name of policy ReadArtifacts').press('Escape');
    await expect(inspector.field('Name of policy ReadArtifacts')).toHaveValue('ReadArtifacts');
    await expect(inspector.policies.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('organization of an account', () => {
  test('join, add an OU, an SCP that denies s3:* takes the bucket away; remove it, undo, leave', async ({
    app,
    page,
  }) => {
    await app.open();
    const inspector = new InspectorPolicies(app);
    const canvas = new DesignCanvas(app);
    await canvas.select(app.node('Production'));
    const edge = permissionEdge(page, 'Deploy may use prod-artifacts');
    await expect(edge).toHaveCount(1);

    await inspector.button('Add to organization').click();
    await expect(inspector.tab('SCP Root: FullAWSAccess')).toBeVisible();
    await expect(inspector.tab('SCP Production: FullAWSAccess')).toBeVisible();
    await expect(edge).toHaveCount(1);

    await inspector.field('Name of the new OU').fill('Workloads');
    await inspector.button('Add OU').click();
    await expect(inspector.level('OU Workloads')).toBeVisible();
    await expect
      .poll(() => inspector.levels('Production'))
      .toEqual(['Root', 'OU Workloads', 'Account Production']);
    await expect(inspector.tab('SCP Workloads: FullAWSAccess')).toBeVisible();

    await inspector.button('Add SCP to Workloads').click();
    await expect(inspector.tab('SCP Workloads: DenyLeaveOrganization')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await inspector.rename('Name of SCP DenyLeaveOrganization at Workloads', 'DenyS3');
    await expect(inspector.tab('SCP Workloads: DenyS3')).toHaveAttribute('aria-selected', 'true');
    await inspector.editor.open('SCP Workloads: DenyS3');
    await expect(inspector.editor.problems).toContainText('no problems');
    await inspector.replaceInEditor('organizations:LeaveOrganization', 's3:*');
    await expect(inspector.editor.problems).toContainText('no problems');
    await expect(edge).toHaveCount(0);
    await inspector.editor.collapseButton.click();

    await inspector.removeAndConfirm(
      'Remove SCP DenyS3 from Workloads',
      'Remove SCP DenyS3 from Workloads?',
    );
    await expect(inspector.tab('SCP Workloads: DenyS3')).toHaveCount(0);
    await expect(edge).toHaveCount(1);
    await canvas.tool('Undo').click();
    await expect(inspector.tab('SCP Workloads: DenyS3')).toBeVisible();
    await expect(edge).toHaveCount(0);

    await inspector.button('Add RCP to Root').click();
    await expect(inspector.tab('RCP Root: EnforceSecureTransport')).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await inspector.removeAndConfirm(
      'Remove from organization',
      'Remove Production from the organization?',
    );
    await expect(inspector.button('Add to organization')).toBeVisible();
    await expect(inspector.tab('SCP Root: FullAWSAccess')).toHaveCount(0);
    await expect(edge).toHaveCount(1);
  });
});
