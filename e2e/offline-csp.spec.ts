// The built app under its Content-Security-Policy, and offline once loaded (#16).
import type { Page } from '@playwright/test';
import { DesignCanvas } from './fixtures/canvas';
import { InspectorPolicies } from './fixtures/inspector';
import { expect, test } from './fixtures/simulation';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Records every `securitypolicyviolation` event of the page, from its first script on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/content security policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  return async () => ({
    events: await page.evaluate(() => window.cspViolations),
    console: consoleCsp,
  });
}

async function exportItem(page: Page, name: string) {
  const download = page.waitForEvent('download');
  await page
    .getByRole('toolbar', { name: 'Design tools' })
    .getByRole('button', { name: 'Export', exact: true })
    .click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name }).click();
  return download;
}

test.describe('Content-Security-Policy', () => {
  test('the page and the preview server carry one policy: no remote source, no eval', async ({
    app,
    page,
  }) => {
    const response = await page.goto('/');
    await expect(app.canvas.getByRole('application')).toBeVisible();
    const header = response?.headers()['content-security-policy'];
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toBeTruthy();
    expect(header).toBe(meta);
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('unsafe-eval');
    expect(meta).not.toMatch(/https?:|\*/);
    // The policy is enforced (Playwright's own evaluate is exempt, a page's script is not): an
    // injected inline script does not run, and the page hears of the violation.
    const refused = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done(e.effectiveDirective), {
            once: true,
          });
          const script = document.createElement('script');
          script.textContent = 'window.inlineScriptRan = true';
          document.head.append(script);
        }),
    );
    expect(refused).toBe('script-src-elem');
    expect(await page.evaluate(() => 'inlineScriptRan' in window)).toBe(false);
    // The browser reports that refusal as a console error; it is the one this test expects.
    await expect
      .poll(() => app.consoleErrors.some((e) => /Content Security Policy/i.test(e)))
      .toBe(true);
    app.consoleErrors.length = 0;
  });

  test('no violation through the main flows: open, edit in Monaco, assume a role, export, scenarios', async ({
    app,
    page,
    simulation,
  }) => {
    const violations = await recordViolations(page);
    const canvas = new DesignCanvas(app);
    const inspector = new InspectorPolicies(app);
    await simulation.open();

    await canvas.select(app.node('Deploy'));
    await inspector.editor.open('Trust policy');
    await inspector.replaceInEditor('rolecraft-deploy', 'rolecraft-release');
    await expect(inspector.editor.problems).toContainText('no problems');
    await inspector.editor.collapseButton.click();
    await expect(app.canvas).toContainText('rolecraft-release');

    await simulation.assume({ caller: 'alice', role: 'Developer' });
    await expect(simulation.outcome('Assume role')).toContainText('Assumed');

    const png = await exportItem(page, 'Export PNG');
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const json = await exportItem(page, 'Design file (.rolecraft.json)');
    expect(json.suggestedFilename()).toMatch(/\.rolecraft\.json$/);

    await app.toolbar.getByRole('button', { name: 'Scenarios' }).click();
    const scenarios = page.getByRole('dialog', { name: 'Scenarios' });
    await expect(scenarios).toBeVisible();
    await scenarios.getByRole('button', { name: 'Short-term access', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();

    expect(await violations()).toEqual({ events: [], console: [] });
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('once loaded, a reload offline opens the app and it still edits and assumes roles', async ({
    app,
    page,
    context,
    simulation,
  }) => {
    await app.open();
    // The worker precaches the whole build after the page has loaded.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('rolecraft-'))!);
      return (await cache.keys()).length;
    });
    expect(cached).toBeGreaterThan(100);

    await context.setOffline(true);
    await page.reload();
    await expect(app.canvas.getByRole('application')).toBeVisible();
    await expect(app.node('Deploy')).toBeVisible();

    const canvas = new DesignCanvas(app);
    const inspector = new InspectorPolicies(app);
    await canvas.select(app.node('Deploy'));
    await inspector.editor.open('Trust policy');
    await inspector.replaceInEditor('rolecraft-deploy', 'rolecraft-offline');
    await expect(inspector.editor.problems).toContainText('no problems');
    await inspector.editor.collapseButton.click();
    await expect(app.canvas).toContainText('rolecraft-offline');

    await simulation.assume({ caller: 'alice', role: 'Developer' });
    await expect(simulation.outcome('Assume role')).toContainText('Assumed');
    await context.setOffline(false);
  });
});
