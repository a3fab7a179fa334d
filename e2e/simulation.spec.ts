import { expect, expectNothingCovered, test } from './fixtures/simulation';
import { lookAt } from './fixtures/app';

const ALICE = 'alice (user';
const DEVELOPER = 'Developer (';
const DEPLOY = 'Deploy (';

test('assume a role: the request travels to STS, each check lights, and a credentials card appears', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await expect(simulation.now).toHaveText('2026-01-01 00:00:00 UTC');
  // The badge shows where a request goes: none before the first.
  await expect(simulation.stsBadge).toHaveCount(0);

  // At a speed a person watches (the suite runs at Instant), the token crosses the canvas
  // and later steps wait their turn.
  await simulation.setAnimationSpeed('0.5×');
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.stsBadge).toBeVisible();
  await expect(page.getByTestId('simulation-token')).toBeVisible();
  await expect(simulation.checks.locator('li[data-tone="pending"]').first()).toBeVisible();
  await lookAt(page, '/tmp/simulation-assume-running.png');
  // Seen running, the rest need not be waited out: Skip animation shows the end at once.
  await simulation.region.getByRole('button', { name: 'Skip animation' }).click();
  await expect(page.getByTestId('simulation-token')).toHaveCount(0);
  await expect(simulation.checks.locator('li[data-tone="pending"]')).toHaveCount(0);

  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.step(simulation.checks, 'Trust policy principal')).toContainText(
    'passed',
  );
  await expect(
    simulation.step(simulation.checks, 'Trust condition Bool aws:MultiFactorAuthPresent'),
  ).toContainText('passed');

  const card = await simulation.openCard('Developer/alice');
  await expect(card).toContainText(/ASIA[A-Z0-9]{16}/);
  await expect(card).toContainText('Expires in 1:00:00');
  await expect(card).toContainText('2026-01-01T01:00:00Z');
  await expect(card).not.toContainText(/[A-Za-z0-9/+]{40}/);
  await card.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(card).toContainText(/[A-Za-z0-9/+]{40}/);
  await lookAt(page, '/tmp/simulation-card.png');
});

test('run the clock past expiry: the card says Expired, a call fails with ExpiredToken, Re-assume gives new credentials', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  const card = await simulation.openCard('Developer/alice');
  const firstKey = (await card.textContent())?.match(/ASIA[A-Z0-9]{16}/)?.[0];

  await simulation.setSpeed('600×');
  await simulation.button('Play').click();
  await expect(simulation.button('Pause')).toBeEnabled();
  // The clock runs (ten simulated minutes a wall second) and the card counts down; the rest
  // of the hour is the time slider moved to its end (two hours after the start), not six
  // seconds of waiting.
  await expect(simulation.now).not.toHaveText(/^2026-01-01 00:00:/);
  await expect(card).not.toContainText('Expires in 1:00:00');
  await simulation.button('Pause').click();
  await expect(simulation.button('Play')).toBeEnabled();
  const slider = simulation.region.getByRole('slider', { name: 'Simulated time' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(simulation.now).toHaveText('2026-01-01 02:00:00 UTC');
  await expect(card).toContainText('Expired');
  await lookAt(page, '/tmp/simulation-expired.png');

  await simulation.makeCall('Developer/alice', 'sts:GetCallerIdentity', '*');
  await expect(simulation.outcome('Make a call')).toContainText('ExpiredToken');
  await expect(simulation.step(simulation.evaluation, 'Session credentials')).toContainText(
    'expired at 2026-01-01T01:00:00Z',
  );

  await simulation.tab('Event log').click();
  const log = simulation.region.getByRole('list', { name: 'Events' });
  await expect(log.getByRole('listitem').first()).toContainText('ExpiredToken');

  await card.getByRole('button', { name: 'Re-assume' }).click();
  const fresh = await simulation.openCard('Developer/alice');
  await expect(fresh).toContainText(/Expires in \d:\d\d:\d\d|Expires in \d+:\d\d/);
  await expect(fresh).not.toContainText(firstKey ?? 'no key');
});

test('a trust policy without the caller gives a red trust step with its reason and opens the statement', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEPLOY });
  // AWS's own words, once, then the engine's reason as the explanation; no internal ids.
  const outcome = simulation.outcome('Assume role');
  await expect(outcome).toContainText(
    'AccessDenied: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Deploy',
  );
  // Across accounts both sides must allow, and neither does: the why names both.
  await expect(outcome).toContainText(
    'Why: Trust policy principal: no Allow statement in the trust policy of arn:aws:iam::222222222222:role/Deploy names arn:aws:iam::111111111111:user/alice',
  );
  await expect(outcome).toContainText(
    "Caller's identity policies: no identity policy allows sts:AssumeRole",
  );
  await expect(outcome).not.toContainText('AccessDenied: AccessDenied');
  await expect(outcome).not.toContainText(/check:|trust-principal|checkId/);
  await expect(simulation.checks).not.toContainText(/check:[a-z]/);
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
  await lookAt(page, '/tmp/simulation-denied.png');
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
  await lookAt(page, '/tmp/simulation-log.png');

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

test('with reduced motion every check shows at once and the lit path stays, without motion', async ({
  simulation,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await simulation.open();
  // Reduced motion wins over any speed picked.
  await simulation.setAnimationSpeed('0.5×');
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.checks.locator('li[data-tone="pending"]')).toHaveCount(0);
  await expect(simulation.step(simulation.checks, 'Credentials issued')).toHaveAttribute(
    'data-tone',
    'pass',
  );
  await expect(simulation.step(simulation.checks, 'Trust policy principal')).toContainText(
    'passed',
  );
  await expect(page.getByTestId('simulation-token')).toHaveCount(0);
  // The final highlight stays: the path lit and the two nodes outlined, nothing moving.
  const path = page.getByTestId('simulation-path');
  await expect(path).toHaveAttribute('data-lit', 'pass');
  const rings = page.getByTestId('simulation-highlight');
  await expect(rings).toHaveCount(2);
  // Nothing moves any more, and the rings stay.
  await simulation.app.settled();
  await expect(rings).toHaveCount(2);
  await expect(path).toBeAttached();
  for (const ring of await rings.all())
    expect(await ring.evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
  await expect(page.getByTestId('simulation-token')).toHaveCount(0);
});

test('the animation speed is a named control, remembered by the browser', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await expect(simulation.animationSpeed).toHaveValue('instant');
  await simulation.setAnimationSpeed('2×');
  await page.reload();
  await expect(simulation.region).toBeVisible();
  await expect(simulation.animationSpeed).toHaveValue('2x');
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.button('Skip animation')).toBeVisible();
  await simulation.button('Skip animation').click();
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
});

test('a repeated assume replaces its card; an edit marks the results stale, in words too', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.card('Developer/alice')).toHaveCount(1);
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.outcome('Assume role')).toContainText('Assumed');
  await expect(simulation.card('Developer/alice')).toHaveCount(1);
  await expect(simulation.stsBadge).not.toHaveAttribute('data-stale');

  // alice stops signing in with MFA: the answer shown was for the design before.
  await simulation.app.node('alice').click();
  await simulation.app.inspector.getByRole('checkbox', { name: 'Signs in with MFA' }).uncheck();
  await expect(simulation.stsBadge).toHaveAttribute('data-stale', 'true');
  await expect(simulation.stsBadge).toContainText('stale');
  await expect(simulation.region.getByText(/^Stale:/)).toBeVisible();
  await expect(simulation.outcome('Assume role')).toContainText('Stale (the design changed since)');
  await expect(page.getByTestId('simulation-path')).toHaveAttribute('data-lit', 'stale');
  // Running it again gives the current answer, no longer stale.
  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.stsBadge).not.toHaveAttribute('data-stale');
  await expect(simulation.region.getByText(/^Stale:/)).toHaveCount(0);
});

test('a user’s long-term keys show as a badge on the canvas, and go with the keys', async ({
  simulation,
}) => {
  await simulation.open();
  const alice = simulation.app.node('alice');
  const badge = alice.getByLabel('long-term access keys');
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('keys');
  await alice.click();
  await simulation.app.inspector
    .getByRole('checkbox', { name: 'Has long-term access keys' })
    .uncheck();
  await expect(badge).toHaveCount(0);
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}x${viewport.height} the simulation covers no node: the badge beside the trust edge, credentials docked in free space`, async ({
    simulation,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await simulation.open();
    await simulation.assume({ caller: ALICE, role: DEVELOPER });
    await expect(simulation.outcome('Assume role')).toContainText('Assumed');
    await expect(simulation.card('Developer/alice')).toBeVisible();
    await expectNothingCovered(page, 'alice -> Developer');

    // The badge sits beside the trust edge alice -> Developer, near its middle, off the line.
    const near = await page.evaluate(() => {
      const badge = document.querySelector('[data-sim-cover="badge"]')!.getBoundingClientRect();
      const path = document.querySelector<SVGPathElement>(
        '.react-flow__edge[data-id="trust:role-developer:user-alice"] path.react-flow__edge-path',
      )!;
      const middle = path.getPointAtLength(path.getTotalLength() / 2);
      const m = new DOMPoint(middle.x, middle.y).matrixTransform(path.getScreenCTM()!);
      const dx = Math.max(badge.left - m.x, 0, m.x - badge.right);
      const dy = Math.max(badge.top - m.y, 0, m.y - badge.bottom);
      return { gap: Math.hypot(dx, dy) };
    });
    expect(near.gap).toBeGreaterThan(0);
    expect(near.gap).toBeLessThan(90);

    await simulation.assume({
      caller: 'Developer/alice',
      role: DEPLOY,
      sessionName: 'deploy',
      externalId: 'rolecraft-deploy',
    });
    await expect(simulation.outcome('Assume role')).toContainText('Assumed');
    await expect(simulation.card('Deploy/deploy')).toBeVisible();
    await expectNothingCovered(page, 'Developer/alice -> Deploy');
    await simulation.assume({ caller: ALICE, role: DEPLOY });
    await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');
    await expectNothingCovered(page, 'alice -> Deploy (denied)');
    await lookAt(page, `/tmp/simulation-docked-${viewport.width}.png`);
  });
}

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
  // A web identity has no ARN: STS words the refusal without one.
  await expect(simulation.outcome('Assume role')).toContainText(
    'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
  );
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
