import type { Locator, Page } from '@playwright/test';
import { expect, test, type SimulationPage } from './fixtures/simulation';
import { DesignCanvas } from './fixtures/canvas';
import { lookAt, type RolecraftApp } from './fixtures/app';

// The classic reasons to use a role (the app's nine lessons, and role chaining), each built
// from an empty design as a person does: toolbar, drags, inspector fields and the simulation
// form, no JSON typed. Each then assumes its role, and a broken variant is refused.
test.use({ viewport: { width: 1280, height: 720 } });

/** The drawing tools and the simulation, with the few steps every scenario takes. */
class Builder {
  readonly canvas: DesignCanvas;
  readonly page: Page;

  constructor(
    readonly app: RolecraftApp,
    readonly simulation: SimulationPage,
  ) {
    this.canvas = new DesignCanvas(app);
    this.page = app.page;
  }

  async start() {
    await this.app.open();
    await this.canvas.newDesign();
  }

  /** Adds a node with a toolbar button and names it in the inspector. */
  async add(tool: 'User' | 'Role' | 'Service' | 'Account', name: string) {
    await this.canvas.tool(`Add ${tool.toLowerCase()}`).click();
    const label = tool === 'Service' ? 'Service principal' : 'Name';
    await this.canvas.setField(label, name);
    await expect(this.app.node(name)).toBeVisible();
  }

  async addProvider(menuItem: RegExp) {
    await this.canvas.tool('Add identity provider').click();
    await this.page.getByRole('menuitem', { name: menuItem }).click();
  }

  /** Draws a trust edge by dragging, and checks the canvas shows it. */
  async trust(source: string, role: string) {
    await this.canvas.connect(this.app.node(source), this.app.node(role));
    await expect(this.canvas.edge(`${source} may assume ${role}`)).toBeAttached();
  }

  /** Selects a trust edge from the keyboard, as the edge details open. */
  async selectEdge(source: string, role: string) {
    const edge = this.canvas.edge(`${source} may assume ${role}`);
    await edge.focus();
    await this.page.keyboard.press('Enter');
    await expect(
      this.app.inspector.getByRole('heading', { name: `${source} → ${role}` }),
    ).toBeVisible();
    return this.app.inspector.getByRole('region', { name: 'Trust conditions' });
  }

  get form() {
    return this.simulation.region.getByRole('form', { name: 'Assume a role' });
  }

  /** Picks caller and role in the assume form, leaving every other field as it defaults. */
  async pick(caller: string, role: string) {
    await this.simulation.tab('Assume role').click();
    await this.simulation.pick(this.form.getByLabel('Caller'), caller);
    await this.simulation.pick(this.form.getByLabel('Role', { exact: true }), role);
  }

  /** The value field of the token claim (or SAML attribute) whose name ends with `suffix`. */
  async claim(suffix: string): Promise<Locator> {
    const claims = this.form.getByRole('group', {
      name: /^(Token claims|SAML assertion attributes)$/,
    });
    const names = claims.getByLabel(/^Claim \d+ name$/);
    const count = await names.count();
    for (let i = 0; i < count; i++)
      if ((await names.nth(i).inputValue()).endsWith(suffix))
        return claims.getByLabel(`Claim ${i + 1} value`, { exact: true });
    throw new Error(`no claim ending with ${suffix}`);
  }

  async submit() {
    await this.simulation.button('Assume role').click();
  }

  async expectAssumed() {
    const outcome = this.simulation.outcome('Assume role');
    await expect(outcome).toContainText('Assumed', { timeout: 20_000 });
    await expect(outcome).not.toContainText('ValidationError');
  }

  async expectRefused(words: string | RegExp = 'AccessDenied') {
    await expect(this.simulation.outcome('Assume role')).toContainText(words, {
      timeout: 20_000,
    });
  }
}

const scenario = test.extend<{ build: Builder }>({
  build: async ({ app, simulation }, use) => {
    const build = new Builder(app, simulation);
    await build.start();
    await use(build);
  },
});

scenario(
  'many principals, one role: users of the account assume it; one not trusted is refused',
  async ({ build }) => {
    await build.add('Role', 'Support');
    await build.add('User', 'alice');
    await build.add('User', 'bob');
    await build.add('User', 'carol');
    await build.trust('alice', 'Support');
    await build.trust('bob', 'Support');

    await build.pick('alice', 'Support');
    await build.submit();
    await build.expectAssumed();
    await build.pick('bob', 'Support');
    await build.submit();
    await build.expectAssumed();
    await build.pick('carol', 'Support');
    await build.submit();
    await build.expectRefused(/User: arn:aws:iam::111111111111:user\/carol is not authorized/);
  },
);

scenario(
  'short-term access: 15 minutes within MaxSessionDuration; longer is refused until raised',
  async ({ build }) => {
    await build.add('Role', 'NightlyBatch');
    await build.add('User', 'batch-scheduler');
    await build.trust('batch-scheduler', 'NightlyBatch');

    await build.pick('batch-scheduler', 'NightlyBatch');
    await build.form.getByLabel('Duration (seconds)').fill('900');
    await build.submit();
    await build.expectAssumed();

    await build.form.getByLabel('Duration (seconds)').fill('7200');
    await build.submit();
    await build.expectRefused('ValidationError');

    await build.canvas.select(build.app.node('NightlyBatch'));
    await build.canvas.setField('MaxSessionDuration (seconds)', '7200');
    await build.pick('batch-scheduler', 'NightlyBatch');
    await build.form.getByLabel('Duration (seconds)').fill('7200');
    await build.submit();
    await build.expectAssumed();
  },
);

scenario(
  'no long-term keys: EC2 assumes its instance role; a service not trusted is refused',
  async ({ build }) => {
    await build.add('Role', 'OrdersInstanceRole');
    await build.add('Service', 'ec2.amazonaws.com');
    await build.add('Service', 'lambda.amazonaws.com');
    await build.trust('ec2.amazonaws.com', 'OrdersInstanceRole');

    await build.pick('ec2.amazonaws.com', 'OrdersInstanceRole');
    await build.submit();
    await build.expectAssumed();
    await build.pick('lambda.amazonaws.com', 'OrdersInstanceRole');
    await build.submit();
    await build.expectRefused();
  },
);

scenario(
  'Lambda execution role: the trust pins the source; another account’s function is refused',
  async ({ build }) => {
    await build.add('Role', 'OrdersFunctionRole');
    await build.add('Service', 'lambda.amazonaws.com');
    await build.trust('lambda.amazonaws.com', 'OrdersFunctionRole');
    const conditions = await build.selectEdge('lambda.amazonaws.com', 'OrdersFunctionRole');
    const fn = 'arn:aws:lambda:us-east-1:111111111111:function:orders';
    await conditions.getByLabel('Source account').fill('111111111111');
    await conditions.getByLabel('Source account').press('Enter');
    await conditions.getByLabel('Source ARN').fill(fn);
    await conditions.getByLabel('Source ARN').press('Enter');
    await expect(
      build.canvas.edge(
        `lambda.amazonaws.com may assume OrdersFunctionRole when source account "111111111111", source ARN "${fn}"`,
      ),
    ).toBeAttached();

    await build.pick('lambda.amazonaws.com', 'OrdersFunctionRole');
    await expect(build.form.getByLabel('aws:SourceAccount')).toHaveValue('111111111111');
    await build.submit();
    await build.expectAssumed();
    await build.form.getByLabel('aws:SourceAccount').fill('999999999999');
    await build.form.getByLabel('aws:SourceArn').fill(fn.replace('111111111111', '999999999999'));
    await build.submit();
    await build.expectRefused();
  },
);

scenario('break glass: admin only with MFA; without MFA refused', async ({ build }) => {
  await build.add('Role', 'BreakGlassAdmin');
  await build.add('User', 'ana-helpdesk');
  await build.app.inspector.getByLabel('Signs in with MFA').check();
  await build.trust('ana-helpdesk', 'BreakGlassAdmin');
  const conditions = await build.selectEdge('ana-helpdesk', 'BreakGlassAdmin');
  await conditions.getByLabel('Require MFA').check();
  await expect(conditions.getByLabel('Require MFA')).toBeChecked();

  await build.pick('ana-helpdesk', 'BreakGlassAdmin');
  await expect(build.form.getByLabel('Sign with MFA')).toBeChecked();
  await build.form.getByLabel('Duration (seconds)').fill('900');
  await build.submit();
  await build.expectAssumed();
  await build.form.getByLabel('Sign with MFA').uncheck();
  await build.submit();
  await build.expectRefused(/ana-helpdesk is not authorized to perform: sts:AssumeRole/);
});

scenario(
  'corporate directory (SAML): the console’s audience; an assertion for another app refused',
  async ({ build }) => {
    await build.add('Role', 'Engineers');
    await build.addProvider(/^SAML/);
    await build.canvas.setField('SAML provider name', 'CorpDirectory');
    await build.trust('CorpDirectory', 'Engineers');

    await build.pick('CorpDirectory (SAML identity)', 'Engineers');
    await build.submit();
    await build.expectAssumed();
    await (await build.claim('SAML:aud')).fill('https://wiki.acme.example/saml/acs');
    await build.submit();
    await build.expectRefused();
  },
);

scenario(
  'web identity at scale (Cognito): signed-in riders get in; unauthenticated refused',
  async ({ build }) => {
    await build.add('Role', 'RiderAppAuthenticated');
    await build.addProvider(/^Cognito identity pool/);
    await build.canvas.setField(
      'Identity pool ID',
      'us-east-1:4a2c9f3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    );
    await build.trust('Cognito identity pool', 'RiderAppAuthenticated');

    await build.pick('Cognito identity pool (OIDC identity)', 'RiderAppAuthenticated');
    await build.submit();
    await build.expectAssumed();
    await (await build.claim(':amr')).fill('unauthenticated');
    await build.submit();
    await build.expectRefused();
  },
);

scenario(
  'cross-account access with an ExternalId: both sides allow; without it refused',
  async ({ build }) => {
    await build.add('Role', 'PartnerUpload');
    await build.add('Account', 'Partner');
    await expect(build.canvas.field('AWS account ID')).toHaveValue('222222222222');
    await build.add('User', 'uploader');
    await expect(build.app.inspector.getByLabel('ARN')).toHaveText(
      'arn:aws:iam::222222222222:user/uploader',
    );
    // Both account frames are in view, side by side, at a zoom their names are read at.
    await expect(async () => {
      const view = await build.page.evaluate(() => {
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
        const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const accounts = [...document.querySelectorAll('.react-flow__node-account')].map((el) => {
          const r = el.getBoundingClientRect();
          return (
            r.left >= pane.left &&
            r.right <= pane.right &&
            r.top >= pane.top &&
            r.bottom <= pane.bottom
          );
        });
        const names = [...document.querySelectorAll<HTMLElement>('[data-node-name]')].map(
          (el) => parseFloat(getComputedStyle(el).fontSize) * zoom,
        );
        return { zoom, accounts, smallest: Math.min(...names) };
      });
      expect(view.accounts).toEqual([true, true]);
      expect(view.smallest).toBeGreaterThanOrEqual(12);
    }).toPass({ timeout: 5_000 });
    await lookAt(build.page, '.reports/scenarios/two-accounts-1280.png');
    await build.trust('uploader', 'PartnerUpload');
    const conditions = await build.selectEdge('uploader', 'PartnerUpload');
    await conditions.getByLabel('Require ExternalId').fill('acme-partner-7f3k');
    await conditions.getByLabel('Require ExternalId').press('Enter');
    // The partner's side: its own policy must allow the assume too.
    await conditions
      .getByRole('button', { name: 'Allow uploader to assume PartnerUpload in its own policy' })
      .click();
    await expect(conditions.getByRole('button', { name: /^Allow uploader/ })).toHaveCount(0);

    await build.pick('uploader', 'PartnerUpload');
    await expect(build.form.getByLabel('ExternalId')).toHaveValue('acme-partner-7f3k');
    await build.submit();
    await build.expectAssumed();
    await build.form.getByLabel('ExternalId').fill('');
    await build.submit();
    await build.expectRefused(
      /User: arn:aws:iam::222222222222:user\/uploader is not authorized to perform: sts:AssumeRole/,
    );
  },
);

scenario(
  'GitHub Actions deploys: sub pinned in the inspector; another repository refused',
  async ({ build }) => {
    await build.add('Role', 'GitHubDeploy');
    await build.addProvider(/^GitHub Actions/);
    await build.trust('GitHub Actions', 'GitHubDeploy');
    const conditions = await build.selectEdge('GitHub Actions', 'GitHubDeploy');
    const sub = conditions.getByLabel('Subject (sub)');
    await expect(sub).toHaveValue(/REPLACE-ME/);
    await sub.fill('repo:acme/storefront:ref:refs/heads/main');
    await sub.press('Enter');
    await expect(sub).toHaveValue('repo:acme/storefront:ref:refs/heads/main');

    await build.pick('GitHub Actions (OIDC identity)', 'GitHubDeploy');
    await expect(await build.claim(':sub')).toHaveValue('repo:acme/storefront:ref:refs/heads/main');
    await build.submit();
    await build.expectAssumed();
    await (await build.claim(':sub')).fill('repo:mallory/fork:ref:refs/heads/main');
    await build.submit();
    await build.expectRefused();
  },
);

scenario(
  'role chaining: a session of one role assumes the next; skipping the hop is refused',
  async ({ build }) => {
    await build.add('Role', 'Jump');
    await build.add('Role', 'Target');
    await build.add('User', 'dev');
    await build.trust('dev', 'Jump');
    await build.trust('Jump', 'Target');

    await build.pick('dev', 'Jump');
    await build.submit();
    await build.expectAssumed();
    await build.pick('Jump', 'Target');
    await build.submit();
    await build.expectAssumed();
    await build.pick('dev', 'Target');
    await build.submit();
    await build.expectRefused(/user\/dev is not authorized to perform: sts:AssumeRole/);
  },
);
