import { expect, test } from './fixtures/simulation';
import { DesignCanvas } from './fixtures/canvas';
import { PolicyEditorPane } from './fixtures/editor';

// Every kind of identity provider can be added from the toolbar, set up in the inspector,
// trusted by drawing an edge (the conditions the IAM console writes), and used as a caller.

test('the Identity provider menu lists every kind of provider, by keyboard too', async ({
  app,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.newDesign();
  const button = canvas.tool('Add identity provider');
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Identity provider' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    /^SAML/,
    /^GitHub Actions/,
    /^GitLab/,
    /^HCP Terraform/,
    /^Google/,
    /^Cognito identity pool/,
    /^Login with Amazon/,
    /^Facebook/,
    /^Custom OIDC/,
  ]);
  await expect(menu.getByRole('menuitem', { name: /^SAML/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /^GitLab/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(app.node('GitLab')).toBeVisible();
  await expect(canvas.field('Provider')).toHaveValue('gitlab');
  await expect(app.inspector.getByLabel('Issuer')).toHaveText('gitlab.com');

  await button.click();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('a SAML provider from an empty design: trust written as the console does, assumed with SAML', async ({
  app,
  page,
  simulation,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.newDesign();
  await canvas.tool('Add role').click();
  await canvas.setField('Name', 'DirectoryAdmins');
  await canvas.tool('Add identity provider').click();
  await page.getByRole('menuitem', { name: /^SAML/ }).click();
  await expect(app.node('CorporateSSO')).toBeVisible();
  await expect(canvas.field('Protocol')).toHaveValue('saml');
  await canvas.setField('SAML provider name', 'bad name!');
  await expect(app.inspector.getByRole('alert')).toContainText('is not a SAML provider name');
  await canvas.setField('SAML provider name', 'Okta');
  await expect(app.inspector.getByLabel('ARN')).toHaveText(
    'arn:aws:iam::111111111111:saml-provider/Okta',
  );

  await canvas.connect(app.node('Okta'), app.node('DirectoryAdmins'));
  await expect(canvas.edge('Okta may assume DirectoryAdmins')).toBeAttached();
  await canvas.select(app.node('DirectoryAdmins'));
  const editor = new PolicyEditorPane(page, app.inspector);
  await editor.open('Trust policy');
  await expect(editor.line('"sts:AssumeRoleWithSAML"')).toBeVisible();
  await expect(editor.line('"SAML:aud": "https://signin.aws.amazon.com/saml"')).toBeVisible();

  await editor.collapseButton.click();
  await simulation.assume({ caller: 'Okta (SAML identity)', role: 'DirectoryAdmins' });
  await expect(simulation.outcome('Assume role')).toContainText('Assumed', { timeout: 20_000 });
  await expect(simulation.outcome('Assume role')).not.toContainText('ValidationError');
});

test('a Cognito identity pool: pool id checked, amr and aud written, assumed with its preset claims', async ({
  app,
  page,
  simulation,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.newDesign();
  await canvas.tool('Add role').click();
  await canvas.setField('Name', 'RidersAuthenticated');
  await canvas.tool('Add identity provider').click();
  await page.getByRole('menuitem', { name: /^Cognito identity pool/ }).click();
  await expect(app.node('Cognito identity pool')).toBeVisible();
  await canvas.setField('Identity pool ID', 'my-pool');
  await expect(app.inspector.getByRole('alert')).toContainText(
    '`my-pool` is not an identity pool ID',
  );
  await canvas.setField('Identity pool ID', 'eu-west-1:12345678-1234-1234-1234-123456789012');
  await expect(app.inspector.getByRole('alert')).toHaveCount(0);

  await canvas.connect(app.node('Cognito identity pool'), app.node('RidersAuthenticated'));
  await canvas.select(app.node('RidersAuthenticated'));
  const editor = new PolicyEditorPane(page, app.inspector);
  await editor.open('Trust policy');
  await expect(editor.line('"Federated": "cognito-identity.amazonaws.com"')).toBeVisible();
  await expect(
    editor.line(
      '"cognito-identity.amazonaws.com:aud": "eu-west-1:12345678-1234-1234-1234-123456789012"',
    ),
  ).toBeVisible();
  await expect(editor.line('"cognito-identity.amazonaws.com:amr": "authenticated"')).toBeVisible();

  await editor.collapseButton.click();
  await simulation.assume({
    caller: 'Cognito identity pool (OIDC identity)',
    role: 'RidersAuthenticated',
  });
  await expect(simulation.outcome('Assume role')).toContainText('Assumed', { timeout: 20_000 });
});

test('GitHub Actions: the trust pins a sub placeholder, the caller starts with claims that pass', async ({
  app,
  page,
  simulation,
}) => {
  const canvas = new DesignCanvas(app);
  await app.open();
  await canvas.newDesign();
  await canvas.tool('Add role').click();
  await canvas.setField('Name', 'Deployer');
  await canvas.tool('Add identity provider').click();
  await page.getByRole('menuitem', { name: /^GitHub Actions/ }).click();
  await canvas.connect(app.node('GitHub Actions'), app.node('Deployer'));
  await canvas.select(app.node('Deployer'));
  const editor = new PolicyEditorPane(page, app.inspector);
  await editor.open('Trust policy');
  await expect(
    editor.line('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"'),
  ).toBeVisible();
  await expect(
    editor.line(
      '"token.actions.githubusercontent.com:sub": "repo:REPLACE-ME-OWNER/REPLACE-ME-REPO:*"',
    ),
  ).toBeVisible();
  await expect(editor.problems).toContainText('replace the placeholder');
  await editor.collapseButton.click();
  await simulation.assume({ caller: 'GitHub Actions (OIDC identity)', role: 'Deployer' });
  await expect(simulation.outcome('Assume role')).toContainText('Assumed', { timeout: 20_000 });
});

test('every OpenID Connect kind from the menu: drawn, trusted, and assumed with its preset claims', async ({
  app,
  page,
  simulation,
}) => {
  test.setTimeout(180_000);
  const canvas = new DesignCanvas(app);
  await app.open();
  const kinds = [
    /^GitLab/,
    /^HCP Terraform/,
    /^Google/,
    /^Login with Amazon/,
    /^Facebook/,
    /^Custom OIDC/,
  ];
  for (const kind of kinds) {
    await canvas.newDesign();
    await canvas.tool('Add role').click();
    await canvas.setField('Name', 'Federated');
    await canvas.tool('Add identity provider').click();
    await page.getByRole('menuitem', { name: kind }).click();
    await expect(canvas.field('Protocol')).toHaveValue('oidc');
    if (String(kind) === String(/^Custom OIDC/)) {
      await canvas.setField('Issuer', 'https://oidc.example.com/tenant');
      await expect(canvas.field('Issuer')).toHaveValue('oidc.example.com/tenant');
      await canvas.setField('Audiences', 'my-client');
    }
    const name = await canvas.field('Name').inputValue();
    await canvas.connect(app.node(name), app.node('Federated'));
    await expect(canvas.edge(`${name} may assume Federated`)).toBeAttached();
    await simulation.assume({ caller: `${name} (OIDC identity)`, role: 'Federated' });
    await expect(simulation.outcome('Assume role'), String(kind)).toContainText('Assumed', {
      timeout: 20_000,
    });
  }
});
