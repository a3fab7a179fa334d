import { expect, test } from './fixtures/simulation';

const ALICE = 'alice (user';
const DEVELOPER = 'Developer (';
const DEPLOY = 'Deploy (';

test('assume a role: the request travels to STS, each check lights, and a credentials card appears', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await expect(simulation.now).toHaveText('2026-01-01 00:00:00 UTC');
  await expect(simulation.stsBadge).toBeVisible();

  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  // While it runs, the token crosses the canvas and later steps wait their turn.
  await expect(page.getByTestId('simulation-token')).toBeVisible();
  await expect(simulation.checks.locator('li[data-tone="pending"]').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/simulation-assume-running.png' });

  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.step(simulation.checks, 'Trust policy principal')).toContainText(
    'passed',
  );
  await expect(
    simulation.step(simulation.checks, 'Trust condition Bool aws:MultiFactorAuthPresent'),
  ).toContainText('passed');

  const card = simulation.card('Developer/alice');
  await expect(card).toBeVisible();
  await expect(card).toContainText(/ASIA[A-Z0-9]{16}/);
  await expect(card).toContainText('Expires in 1:00:00');
  await expect(card).toContainText('2026-01-01T01:00:00Z');
  await expect(card).not.toContainText(/[A-Za-z0-9/+]{40}/);
  await card.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(card).toContainText(/[A-Za-z0-9/+]{40}/);
  await page.screenshot({ path: '/tmp/simulation-card.png' });
});

test('run the clock past expiry: the card says Expired, a call fails with ExpiredToken, Re-assume gives new credentials', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  const card = simulation.card('Developer/alice');
  await expect(card).toBeVisible();
  const firstKey = (await card.textContent())?.match(/ASIA[A-Z0-9]{16}/)?.[0];

  await simulation.setSpeed('600×');
  await simulation.button('Play').click();
  await expect(simulation.button('Pause')).toBeEnabled();
  await expect(card).toContainText('Expired', { timeout: 20_000 });
  await simulation.button('Pause').click();
  await expect(simulation.now).not.toHaveText(/^2026-01-01 00:/);
  await page.screenshot({ path: '/tmp/simulation-expired.png' });

  await simulation.makeCall('Developer/alice', 'sts:GetCallerIdentity', '*');
  await expect(simulation.outcome('Make a call')).toContainText('ExpiredToken');
  await expect(simulation.step(simulation.evaluation, 'Session credentials')).toContainText(
    'expired at 2026-01-01T01:00:00Z',
  );

  await simulation.tab('Event log').click();
  const log = simulation.region.getByRole('list', { name: 'Events' });
  await expect(log.getByRole('listitem').first()).toContainText('ExpiredToken');

  await card.getByRole('button', { name: 'Re-assume' }).click();
  const fresh = simulation.card('Developer/alice');
  await expect(fresh).toContainText(/Expires in \d:\d\d:\d\d|Expires in \d+:\d\d/);
  await expect(fresh).not.toContainText(firstKey ?? 'no key');
});

test('a trust policy without the caller gives a red trust step with its reason and opens the statement', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEPLOY });
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');
  const trust = simulation.step(simulation.checks, 'Trust policy principal');
  await expect(trust).toHaveAttribute('data-tone', 'fail');
  await expect(trust).toContainText('failed');
  await expect(trust).toContainText(
    'no Allow statement in the trust policy of arn:aws:iam::222222222222:role/Deploy names arn:aws:iam::111111111111:user/alice',
  );
  const statement = simulation.region.getByRole('region', { name: 'Deciding statement' });
  await expect(statement).toContainText('trust policy of Deploy');
  // The role whose trust policy decided is selected, so the inspector and its editor show it.
  await expect(simulation.app.inspector).toContainText('arn:aws:iam::222222222222:role/Deploy');
  await expect(simulation.card('Deploy/alice')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/simulation-denied.png' });
});

test('a chained assume asking for two hours is refused with the one-hour cap', async ({
  simulation,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.card('Developer/alice')).toBeVisible();

  await simulation.assume({
    caller: 'Developer/alice',
    role: DEPLOY,
    sessionName: 'deploy',
    externalId: 'rolecraft-deploy',
    duration: '7200',
  });
  await expect(simulation.outcome('Assume role')).toContainText('ValidationError');
  const duration = simulation.step(simulation.checks, 'Session duration');
  await expect(duration).toHaveAttribute('data-tone', 'fail');
  await expect(duration).toContainText('role chaining limits the session to 3600 seconds');

  await simulation.assume({
    caller: 'Developer/alice',
    role: DEPLOY,
    sessionName: 'deploy',
    externalId: 'rolecraft-deploy',
    duration: '3600',
  });
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.card('Deploy/deploy')).toBeVisible();
});

test('a call walks the policy layers to its decisive statement; the event log filters and exports JSON Lines', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.card('Developer/alice')).toBeVisible();
  await simulation.assume({
    caller: 'Developer/alice',
    role: DEPLOY,
    sessionName: 'deploy',
    externalId: 'rolecraft-deploy',
  });
  await expect(simulation.card('Deploy/deploy')).toBeVisible();

  await simulation.makeCall(
    'Deploy/deploy',
    's3:GetObject',
    'arn:aws:s3:::prod-artifacts/build.zip',
  );
  await expect(simulation.outcome('Make a call')).toContainText('Allowed');
  for (const layer of [
    'Service control policies',
    'Resource control policies',
    'Resource-based policy',
    'Identity policies',
    'Permissions boundary',
    'Session policies',
  ]) {
    await expect(simulation.step(simulation.evaluation, layer)).toBeVisible();
  }
  await expect(simulation.step(simulation.evaluation, 'Identity policies')).toContainText(
    'allows s3:GetObject',
  );

  await simulation.makeCall(
    'Deploy/deploy',
    's3:DeleteObject',
    'arn:aws:s3:::prod-artifacts/build.zip',
  );
  await expect(simulation.outcome('Make a call')).toContainText('Implicitly denied');

  await simulation.tab('Event log').click();
  const log = simulation.region.getByRole('list', { name: 'Events' });
  await expect(log.getByRole('listitem')).toHaveCount(4);
  await simulation.region.getByLabel('Error').selectOption({ label: 'Any error' });
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await simulation.region.getByLabel('Error').selectOption({ label: 'With or without' });
  await simulation.region.getByLabel('Filter', { exact: true }).fill('AssumeRole deploy');
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await simulation.region.getByLabel('Filter', { exact: true }).fill('');
  await simulation.region.getByLabel('Event name').selectOption('GetObject');
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/simulation-log.png' });

  const download = page.waitForEvent('download');
  await simulation.button('Export event log').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('rolecraft-events.jsonl');
  const text = await (
    await file.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const records = text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { eventName: string; eventSource: string });
  expect(records.map((r) => r.eventName)).toEqual(['GetObject']);
  expect(records[0]?.eventSource).toBe('s3.amazonaws.com');
});

test('with reduced motion the same steps show as highlights, without a moving token', async ({
  simulation,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(page.getByTestId('simulation-highlight').first()).toBeVisible();
  await expect(page.getByTestId('simulation-token')).toHaveCount(0);
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.step(simulation.checks, 'Trust policy principal')).toContainText(
    'passed',
  );
  await expect(page.getByTestId('simulation-token')).toHaveCount(0);
});

test('the panel works from the keyboard: tabs with arrow keys, the clock with its buttons', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.tab('Assume role').focus();
  await page.keyboard.press('ArrowRight');
  await expect(simulation.tab('Make a call')).toHaveAttribute('aria-selected', 'true');
  await expect(simulation.tab('Make a call')).toBeFocused();
  await page.keyboard.press('End');
  await expect(simulation.tab('Event log')).toBeFocused();

  await simulation.setSpeed('60×');
  await simulation.region.getByRole('button', { name: /^Step/ }).focus();
  await page.keyboard.press('Enter');
  await expect(simulation.now).toHaveText('2026-01-01 00:01:00 UTC');
  const scrubber = simulation.region.getByRole('slider', { name: 'Simulated time' });
  await scrubber.focus();
  await page.keyboard.press('ArrowRight');
  await expect(simulation.now).toHaveText('2026-01-01 00:01:01 UTC');
  await simulation.button('Reset').click();
  await expect(simulation.now).toHaveText('2026-01-01 00:00:00 UTC');
});

test('a federated identity presents editable token claims; a service assumes its role with its source account', async ({
  simulation,
}) => {
  await simulation.open();
  await simulation.tab('Assume role').click();
  const form = simulation.region.getByRole('form', { name: 'Assume a role' });
  await simulation.pick(form.getByLabel('Caller'), 'GitHub Actions (OIDC identity)');
  await simulation.pick(form.getByLabel('Role', { exact: true }), 'GitHubDeploy (');
  const claims = form.getByRole('group', { name: 'Token claims' });
  await expect(claims.getByLabel('Claim 2 name')).toHaveValue(
    'token.actions.githubusercontent.com:sub',
  );
  await expect(claims.getByLabel('Claim 2 value')).toHaveValue(
    'repo:example-org/app:ref:refs/heads/main',
  );
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.card('GitHubDeploy/GitHubActions')).toBeVisible();

  await claims.getByLabel('Claim 2 value').fill('repo:example-org/app:ref:refs/heads/feature');
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');
  const sub = simulation.step(
    simulation.checks,
    'Trust condition StringEquals token.actions.githubusercontent.com:sub',
  );
  await expect(sub).toHaveAttribute('data-tone', 'fail');
  await expect(sub).toContainText('repo:example-org/app:ref:refs/heads/feature');

  await simulation.pick(form.getByLabel('Caller'), 'lambda.amazonaws.com (service)');
  await simulation.pick(form.getByLabel('Role', { exact: true }), 'OrdersFunctionRole (');
  await expect(form.getByLabel('aws:SourceAccount')).toHaveValue('222222222222');
  await simulation.button('Assume role').click();
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await form.getByLabel('aws:SourceAccount').fill('999999999999');
  await simulation.button('Assume role').click();
  await expect(
    simulation.step(simulation.checks, 'Trust condition StringEquals aws:SourceAccount'),
  ).toHaveAttribute('data-tone', 'fail');
});
