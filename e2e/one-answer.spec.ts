// The two reproductions of issue #10: the canvas and the simulator ask the same question the
// same way, so what the canvas draws is what the simulator answers.
import type { Page } from '@playwright/test';
import { DesignCanvas } from './fixtures/canvas';
import { trustEdge } from './fixtures/editor';
import { InspectorPolicies, permissionEdge } from './fixtures/inspector';
import { expect, test } from './fixtures/simulation';
import { lookAt } from './fixtures/app';

const ALICE = 'alice';
const DEVELOPER = 'Developer';
const DEPLOY = 'Deploy';

/** Every accessible name of the edges whose names start with `prefix`. */
async function edgeNames(page: Page, prefix: string) {
  return page
    .getByRole('main', { name: 'Canvas' })
    .locator('[aria-roledescription="edge"]')
    .evaluateAll(
      (edges, start) =>
        edges
          .map((e) => e.getAttribute('aria-label') ?? '')
          .filter((name) => name.startsWith(start)),
      prefix,
    );
}

test('alice without policies, named in Deploy’s trust: the canvas draws no unconditional edge and the simulator denies', async ({
  app,
  page,
  simulation,
}) => {
  const canvas = new DesignCanvas(app);
  const inspector = new InspectorPolicies(app);
  await simulation.open();

  await canvas.select(app.node(ALICE));
  await inspector.removeAndConfirm(
    'Remove policy AssumeDeveloper',
    'Remove policy AssumeDeveloper?',
  );
  await canvas.select(app.node(DEPLOY));
  const picker = app.inspector.getByRole('combobox', { name: 'Principal to trust' });
  await picker.fill('alice');
  await page.getByRole('option', { name: 'alice (IAM user)' }).click();
  await app.inspector.getByRole('button', { name: 'Add to trust policy' }).click();
  await expect(app.inspector).toContainText('arn:aws:iam::111111111111:user/alice');

  // The trust names alice, so an edge may be drawn, but only as blocked: across accounts the
  // caller needs an identity Allow too, and alice has none.
  await expect(trustEdge(page, 'alice may assume Deploy')).toHaveCount(1);
  const names = await edgeNames(page, 'alice may assume Deploy');
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/, blocked: /);
  expect(names[0]).toMatch(/identity/i);

  await simulation.assume({ caller: ALICE, role: DEPLOY });
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');
  await expect(simulation.card('Deploy/alice')).toHaveCount(0);
  await lookAt(page, '/tmp/one-answer-alice.png');
});

const secureOnlyBucketPolicy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DeployReadsOverTls',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::222222222222:role/Deploy' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::prod-artifacts/*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
    ],
  },
  null,
  2,
);

test('a bucket policy that allows Deploy only over TLS: the edge says so and a fresh Deploy session is denied', async ({
  app,
  page,
  simulation,
  baseURL,
}) => {
  const canvas = new DesignCanvas(app);
  const inspector = new InspectorPolicies(app);
  await simulation.open();

  // Deploy's own ReadArtifacts grants s3:GetObject in its account: without it, only the
  // bucket policy (and its condition) can grant.
  await canvas.select(app.node(DEPLOY));
  await inspector.removeAndConfirm('Remove policy ReadArtifacts', 'Remove policy ReadArtifacts?');
  await expect(permissionEdge(page, 'Deploy may use prod-artifacts')).toHaveCount(0);

  await canvas.select(app.node('prod-artifacts'));
  await inspector.editor.open('Bucket policy');
  // Pasted, as a person would bring a policy in (typed text gets Monaco's closing brackets).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: baseURL,
  });
  await page.evaluate((text) => navigator.clipboard.writeText(text), secureOnlyBucketPolicy);
  await inspector.editor.editor('Bucket policy').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(inspector.editor.line('DeployReadsOverTls')).toBeVisible();
  await expect(inspector.editor.problems).toContainText('no problems');
  await inspector.editor.collapseButton.click();

  // Conditional on SecureTransport, not drawn as if it held.
  const edge = permissionEdge(page, 'Deploy may use prod-artifacts');
  await expect(edge).toHaveCount(1);
  const [name] = await edgeNames(page, 'Deploy may use prod-artifacts');
  expect(name).toMatch(/s3:GetObject if [^,]*TLS/);
  expect(name).not.toMatch(/s3:GetObject(,|$)/);

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
  await expect(simulation.outcome('Make a call')).toContainText('Implicitly denied');
  await lookAt(page, '/tmp/one-answer-tls.png');
});
