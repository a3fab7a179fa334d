// Each lesson played to its end with "Do it for me", its promised outcome checked on screen
// (the lesson panel and the simulation's event log); and a lesson broken on purpose.
import { expect, test } from './fixtures/lessons';
import { PolicyEditorPane } from './fixtures/editor';
import { lookAt } from './fixtures/app';

test('the gallery lists the lessons with a picture and a line; one opens as a new design', async ({
  lessons,
  page,
}) => {
  await lessons.simulation.open();
  await lessons.simulation.app.toolbar.getByRole('button', { name: 'Scenarios' }).click();
  const cards = lessons.gallery.getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  await expect(cards).toHaveCount(9);
  await expect(
    lessons.gallery.getByRole('button', { name: 'Break glass' }),
  ).toHaveAccessibleDescription(/help desk/);
  await expect(cards.first().locator('svg rect').first()).toBeVisible();
  await lookAt(page, '/tmp/lessons-gallery.png');
  await page.keyboard.press('Escape');
  await expect(lessons.gallery).toBeHidden();

  await lessons.open('Short-term access');
  const designs = page.getByRole('button', { name: /^Designs: / });
  await expect(designs).toHaveAccessibleName('Designs: Short-term access (lesson)');
  // The user's own design is still there, beside the lesson's, in the designs menu.
  await designs.click();
  const saved = page.getByRole('region', { name: 'Saved designs' });
  await expect(saved).toContainText('Cross-account example');
  await expect(saved).toContainText('Short-term access (lesson)');
});

test('Many principals, one role: three callers assume Support; its permissions are edited once', async ({
  lessons,
}) => {
  await lessons.open('Many principals, one role');
  await lessons.playToEnd();
  const rows = await lessons.eventRows();
  expect(rows.filter((r) => /AssumeRole .* OK$/.test(r))).toEqual([
    expect.stringContaining('user/alice'),
    expect.stringContaining('user/bob'),
    expect.stringContaining('user/carol'),
  ]);
  expect(rows.slice(3)).toEqual([
    expect.stringMatching(/PutObject .*assumed-role\/Support\/carol AccessDenied$/),
    expect.stringMatching(/PutObject .*assumed-role\/Support\/carol OK$/),
  ]);
});

test('Short-term access: a 900 s session expires (ExpiredToken at 15 minutes); re-assuming works', async ({
  lessons,
}) => {
  await lessons.open('Short-term access');
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/^00:00:00 AssumeRole .*batch-scheduler OK$/),
    expect.stringMatching(/^00:00:00 PutObject .*NightlyBatch.* OK$/),
    expect.stringMatching(/^00:15:00 PutObject .*NightlyBatch.* ExpiredToken$/),
    expect.stringMatching(/^00:15:00 AssumeRole .*batch-scheduler OK$/),
    expect.stringMatching(/^00:15:00 PutObject .*NightlyBatch.* OK$/),
  ]);
});

test('No long-term keys: the same call by the keyed user and by the EC2 instance role session', async ({
  lessons,
}) => {
  await lessons.open('No long-term keys');
  await expect(
    lessons.simulation.app.inspector.getByRole('checkbox', { name: 'Has long-term access keys' }),
  ).toBeChecked();
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/GetObject arn:aws:iam::111111111111:user\/orders-app OK$/),
    expect.stringMatching(/AssumeRole ec2\.amazonaws\.com OK$/),
    expect.stringMatching(/GetObject .*assumed-role\/OrdersInstanceRole\/.* OK$/),
  ]);
  // The instance's temporary credentials (a card, or a chip that opens into one).
  const card = await lessons.simulation.openCard('OrdersInstanceRole/i-0abc1234def567890');
  await expect(card).toContainText(/ASIA/);
});

test('Lambda execution role: the orders function gets it; another account’s function is AccessDenied', async ({
  lessons,
}) => {
  await lessons.open('Lambda execution role');
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/AssumeRole lambda\.amazonaws\.com OK$/),
    expect.stringMatching(/AssumeRole lambda\.amazonaws\.com AccessDenied$/),
  ]);
});

test('Break glass: read-only is denied, no MFA is denied, MFA gives 15 minutes of admin, all in the log', async ({
  lessons,
  page,
}) => {
  await lessons.open('Break glass');
  await expect(lessons.stepCounter).toHaveText('Step 1 of 8');
  await lookAt(page, '/tmp/lesson-break-glass-start.png');
  await lessons.playToEnd();
  await lookAt(page, '/tmp/lesson-break-glass-end.png');
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/DeleteObject .*user\/ana-helpdesk AccessDenied$/),
    expect.stringMatching(/AssumeRole .*user\/ana-helpdesk AccessDenied$/),
    expect.stringMatching(/AssumeRole .*user\/ana-helpdesk OK$/),
    expect.stringMatching(
      /00:00:00 DeleteObject .*assumed-role\/BreakGlassAdmin\/ana-emergency OK$/,
    ),
    expect.stringMatching(
      /00:15:00 DeleteObject .*assumed-role\/BreakGlassAdmin\/ana-emergency ExpiredToken$/,
    ),
  ]);
});

test('Cross-account access: AccessDenied without the ExternalId, a session with it, both sides’ policies shown', async ({
  lessons,
  page,
}) => {
  await lessons.open('Cross-account access');
  const editor = new PolicyEditorPane(page, lessons.simulation.app.inspector);
  await expect(editor.editor('Trust policy')).toBeAttached({ timeout: 30_000 });
  await expect(editor.host).toHaveAttribute('data-revealed-range', /\d+-\d+/);
  await expect(editor.line('"sts:ExternalId": "acme-partner-7f3k"')).toBeVisible();
  await lessons.button('Next').click();
  await expect(editor.editor('AssumeAcmePartnerUpload (inline)')).toBeAttached();
  await expect(editor.host).toHaveAttribute('data-revealed-range', /\d+-\d+/);
  await expect(editor.line('arn:aws:iam::111111111111:role/PartnerUpload')).toBeVisible();
  await lessons.button('Back').click();
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/AssumeRole .*222222222222:user\/uploader AccessDenied$/),
    expect.stringMatching(/AssumeRole .*222222222222:user\/uploader OK$/),
    expect.stringMatching(/PutObject .*111111111111:assumed-role\/PartnerUpload\/.* OK$/),
  ]);
});

test('Corporate directory (SAML): the engineering group reaches Engineers; a wrong audience is AccessDenied', async ({
  lessons,
}) => {
  await lessons.open('Corporate directory (SAML)');
  await lessons.button('Next').click();
  await lessons.button('Next').click();
  await lessons.button('Do it for me').click();
  // "Do it for me" filled the form as a person would: the assertion's attributes are in it.
  const form = lessons.simulation.region.getByRole('form', { name: 'Assume a role' });
  await expect(form.getByLabel(/^Claim \d+ value$/).first()).toBeVisible();
  await expect(form).toContainText('SAML assertion attributes');
  await lessons.button('Back').click();
  await lessons.button('Back').click();
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/AssumeRoleWithSAML alice@acme\.example OK$/),
    expect.stringMatching(/AssumeRoleWithSAML alice@acme\.example OK$/),
    expect.stringMatching(/AssumeRoleWithSAML alice@acme\.example AccessDenied$/),
    expect.stringMatching(/AssumeRoleWithSAML alice@acme\.example AccessDenied$/),
    expect.stringMatching(/GetObject .*assumed-role\/Engineers\/alice@acme\.example OK$/),
  ]);
});

test('Web identity at scale: an authenticated Cognito identity gets a session; an unauthenticated one is AccessDenied', async ({
  lessons,
}) => {
  await lessons.open('Web identity at scale');
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(
      /AssumeRoleWithWebIdentity us-east-1:11111111-1111-1111-1111-111111111111 OK$/,
    ),
    expect.stringMatching(
      /AssumeRoleWithWebIdentity us-east-1:22222222-2222-2222-2222-222222222222 AccessDenied$/,
    ),
    expect.stringMatching(/GetObject .*assumed-role\/RiderAppAuthenticated\/rider-11111111 OK$/),
  ]);
  // No AWS keys in the app: the design has no IAM user at all.
  await expect(lessons.simulation.app.canvas.getByText('IAM user', { exact: false })).toHaveCount(
    0,
  );
});

test('GitHub Actions deploys: main of acme/storefront deploys, another repository is refused until sub is widened to repo:*', async ({
  lessons,
  page,
}) => {
  await lessons.open('GitHub Actions deploys');
  await lessons.playToEnd();
  expect(await lessons.eventRows()).toEqual([
    expect.stringMatching(/AssumeRoleWithWebIdentity .* OK$/),
    expect.stringMatching(/PutObject .*GitHubDeploy\/acme-storefront OK$/),
    expect.stringMatching(/AssumeRoleWithWebIdentity .* AccessDenied$/),
    expect.stringMatching(/AssumeRoleWithWebIdentity .* OK$/),
    expect.stringMatching(/PutObject .*GitHubDeploy\/mallory-fork OK$/),
  ]);
  const editor = new PolicyEditorPane(page, lessons.simulation.app.inspector);
  await lessons.button('Back').click();
  await lessons.button('Back').click();
  await expect(lessons.stepCounter).toHaveText('Step 5 of 7');
  await expect(editor.line('"repo:*"')).toBeVisible();
  await lookAt(page, '/tmp/lesson-github-widened.png');
});

test('breaking Break glass: without MFA in the trust, the step says the call now succeeds; Reset lesson restores it', async ({
  lessons,
  page,
}) => {
  await lessons.open('Break glass');
  await lessons.button('Next').click();
  await lessons.button('Next').click();
  await expect(lessons.stepCounter).toHaveText('Step 3 of 8');
  // The learner deletes the MFA condition in the editor: its five lines, then the comma before it.
  const editor = new PolicyEditorPane(page, lessons.simulation.app.inspector);
  await expect(editor.editor('Trust policy')).toBeAttached({ timeout: 30_000 });
  await editor.line('"Condition"').click();
  for (let i = 0; i < 5; i++) await editor.press('ControlOrMeta+Shift+K');
  await editor.cursorAtEndOf('"Action": "sts:AssumeRole",');
  await editor.press('Backspace');
  await lookAt(page, '/tmp/lesson-breaking.png');
  // The trust edge no longer shows the condition, neither in its label nor in its name.
  const trustEdge = (name: RegExp) => lessons.simulation.app.canvas.getByRole('group', { name });
  const mfaLabel = lessons.simulation.app.canvas.getByText('MFA', { exact: true });
  await expect(trustEdge(/^ana-helpdesk may assume BreakGlassAdmin$/)).toHaveCount(1);
  await expect(trustEdge(/^ana-helpdesk may assume BreakGlassAdmin when MFA$/)).toHaveCount(0);
  await expect(mfaLabel).toHaveCount(0);

  await lessons.button('Next').click();
  await expect(lessons.stepCounter).toHaveText('Step 4 of 8');
  await lessons.button('Do it for me').click();
  await expect(lessons.notice).toContainText(
    'the trust no longer requires MFA: the call now succeeds without it',
  );
  await expect(lessons.happened).toContainText('OK');
  await lookAt(page, '/tmp/lesson-broken.png');
  const rows = await lessons.eventRows();
  expect(rows[rows.length - 1]).toMatch(/AssumeRole .*user\/ana-helpdesk OK$/);

  await lessons.button('Reset lesson').click();
  await expect(lessons.stepCounter).toHaveText('Step 1 of 8');
  // The MFA condition is back on the trust edge, drawn where a reader sees it (the edge is
  // 20 px long between two nodes: the label sits beside them, tied to the edge by a leader).
  await expect(trustEdge(/^ana-helpdesk may assume BreakGlassAdmin when MFA$/)).toHaveCount(1);
  await expect(mfaLabel).toBeVisible();
  await expect(mfaLabel).toBeInViewport();
  await lookAt(page, '/tmp/lesson-reset.png');
  await expect(lessons.simulation.tab('Event log')).toHaveText('Event log');
  // The reset lesson is saved over this tab's own record of it, not taken for another tab's.
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await expect(page.getByText('This design was changed in another tab')).toHaveCount(0);
});

test('at 1280x720 the step controls stay in view however long the step', async ({
  lessons,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lessons.open('Break glass');
  const panel = page.getByRole('region', { name: 'Lesson' });
  for (const name of ['Back', 'Next', 'Reset lesson']) {
    await expect(panel.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
  }
  // Further on, with more text and outcomes above them, they are still in view.
  await panel.getByRole('button', { name: 'Next', exact: true }).click();
  await panel.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(panel).toContainText('Step 3 of');
  await expect(panel.getByRole('button', { name: 'Back', exact: true })).toBeInViewport({
    ratio: 1,
  });
  await lookAt(page, '.reports/lesson-1280x720.png');
});
