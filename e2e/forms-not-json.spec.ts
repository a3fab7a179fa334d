import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/lessons';
import { DesignCanvas } from './fixtures/canvas';
import type { SimulationPage } from './fixtures/simulation';
import { lookAt } from './fixtures/app';

// Every lesson step a learner can do with the forms, no JSON typed: the SAML group in the
// assertion, the call's action and resource picked from lists; and from an empty design the
// SAML group condition of a trust and a role's permission set from the inspector.
test.use({ viewport: { width: 1280, height: 720 } });

const ENGINEERING = 'urn:acme:groups:engineering';

/** The value field of the SAML attribute whose name ends with `suffix`. */
async function attribute(form: Locator, suffix: string): Promise<Locator> {
  const group = form.getByRole('group', { name: 'SAML assertion attributes' });
  const names = group.getByLabel(/^Claim \d+ name$/);
  const count = await names.count();
  for (let i = 0; i < count; i++)
    if ((await names.nth(i).inputValue()).endsWith(suffix))
      return group.getByLabel(`Claim ${i + 1} value`, { exact: true });
  throw new Error(`no attribute ending with ${suffix}`);
}

/** Picks an option of a combobox by its name, as a person clicks it in the open list. */
async function choose(simulation: SimulationPage, picker: Locator, option: string | RegExp) {
  await picker.click();
  await simulation.page.getByRole('option', { name: option }).first().click();
}

/** Makes a call with the forms only: the session, the action and the resource picked from their lists. */
async function callByPicking(
  simulation: SimulationPage,
  session: string,
  action: string,
  resource: RegExp,
) {
  await simulation.tab('Make a call').click();
  const form = simulation.region.getByRole('form', { name: 'Make a call with a session' });
  await simulation.pick(form.getByLabel('Session or user'), session);
  const actionField = form.getByRole('combobox', { name: 'Action' });
  await actionField.fill('');
  await choose(simulation, actionField, action);
  await expect(actionField).toHaveValue(action);
  await choose(simulation, form.getByRole('combobox', { name: 'Resource ARN' }), resource);
  await simulation.button('Make a call').click();
}

test('the SAML lesson played by hand: the group picked in the assertion, the call picked from lists', async ({
  lessons,
  simulation,
  page,
}) => {
  await lessons.open('Corporate directory (SAML)');
  for (let i = 0; i < 2; i++) await lessons.button('Next').click();
  await expect(lessons.stepCounter).toHaveText('Step 3 of 7');
  const form = simulation.region.getByRole('form', { name: 'Assume a role' });

  // An engineer signs in: the attributes start as the Engineers trust wants them.
  await simulation.pick(form.getByLabel('Caller'), 'CorpDirectory');
  await simulation.pick(form.getByLabel('Role', { exact: true }), 'Engineers');
  await expect(await attribute(form, ':edupersonentitlement')).toHaveValue(ENGINEERING);
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('Assumed', { timeout: 20_000 });

  // Her group decides her role: Finance, with her engineering group in the assertion.
  await lessons.button('Next').click();
  await simulation.pick(form.getByLabel('Role', { exact: true }), 'Finance');
  const group = await attribute(form, ':edupersonentitlement');
  await expect(group).toHaveValue('urn:acme:groups:finance');
  await group.fill(ENGINEERING);
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied', {
    timeout: 20_000,
  });

  // A wrong audience: the same group, an assertion meant for another service provider.
  await lessons.button('Next').click();
  await simulation.pick(form.getByLabel('Role', { exact: true }), 'Engineers');
  await (await attribute(form, 'SAML:aud')).fill('https://wiki.acme.example/saml/acs');
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied', {
    timeout: 20_000,
  });

  // Work with the session: read a build log, everything picked.
  await lessons.button('Next').click();
  await callByPicking(simulation, 'Engineers/', 's3:GetObject', /^an object in acme-build-logs/);
  await expect(simulation.outcome('Make a call')).toContainText('Allowed', { timeout: 20_000 });
  await lookAt(page, '.reports/forms-not-json/saml-lesson-call-1280.png');
  // No policy editor was typed in.
  await expect(lessons.notice).toHaveCount(0);
});

test('from an empty design: the SAML group condition and the role’s permission set in the inspector', async ({
  app,
  simulation,
  page,
}) => {
  const canvas = new DesignCanvas(app);
  await simulation.open();
  await canvas.newDesign();
  await canvas.tool('Add role').click();
  await canvas.setField('Name', 'Engineers');
  await canvas.tool('Add identity provider').click();
  await page.getByRole('menuitem', { name: /^SAML/ }).click();
  await canvas.setField('SAML provider name', 'CorpDirectory');
  await canvas.tool('Add resource').click();
  await canvas.setField('Name', 'acme-build-logs');
  await canvas.connect(app.node('CorpDirectory'), app.node('Engineers'));

  // The trust: only assertions naming the engineering group.
  const edge = canvas.edge('CorpDirectory may assume Engineers');
  await expect(edge).toBeAttached();
  await edge.focus();
  await page.keyboard.press('Enter');
  const conditions = app.inspector.getByRole('region', { name: 'Trust conditions' });
  const required = conditions.getByLabel('Required group (SAML:edupersonentitlement)');
  await required.fill(ENGINEERING);
  await required.press('Enter');
  await expect(required).toHaveValue(ENGINEERING);

  // The permission: s3:GetObject on every object of the bucket, both picked from lists.
  await canvas.select(app.node('Engineers'));
  const grant = app.inspector.getByRole('form', { name: 'Allow Engineers an action' });
  await choose(
    simulation,
    grant.getByRole('combobox', { name: 'Action to allow' }),
    's3:GetObject',
  );
  await choose(
    simulation,
    grant.getByRole('combobox', { name: 'On resource' }),
    'every object in acme-build-logs',
  );
  await grant.getByRole('button', { name: 'Allow' }).click();
  await expect(grant.getByRole('status')).toHaveText(
    'Allowed s3:GetObject on arn:aws:s3:::acme-build-logs/* in AllowedActions.',
  );
  await expect(
    app.inspector
      .getByRole('list', { name: 'Permission policies of Engineers' })
      .getByLabel('Name of policy AllowedActions'),
  ).toHaveValue('AllowedActions');

  // Assumed with the group the trust asks for; refused with another.
  await simulation.tab('Assume role').click();
  const form = simulation.region.getByRole('form', { name: 'Assume a role' });
  await simulation.pick(form.getByLabel('Caller'), 'CorpDirectory');
  await simulation.pick(form.getByLabel('Role', { exact: true }), 'Engineers');
  const group = await attribute(form, ':edupersonentitlement');
  await expect(group).toHaveValue(ENGINEERING);
  await group.fill('urn:acme:groups:finance');
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied', {
    timeout: 20_000,
  });
  await group.fill(ENGINEERING);
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('Assumed', { timeout: 20_000 });

  await callByPicking(simulation, 'Engineers/', 's3:GetObject', /^an object in acme-build-logs/);
  await expect(simulation.outcome('Make a call')).toContainText('Allowed', { timeout: 20_000 });
  await lookAt(page, '.reports/forms-not-json/empty-design-call-1280.png');
});
