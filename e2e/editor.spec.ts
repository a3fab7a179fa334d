import { expect, test } from './fixtures/app';
import { PolicyEditorPane, trustEdge } from './fixtures/editor';

// The sample design: alice (Development) may assume Developer with MFA. Developer's trust
// policy line 9 is `      "Action": "sts:AssumeRole",`.

test.describe('policy editor', () => {
  let pane: PolicyEditorPane;

  test.beforeEach(async ({ app, page }) => {
    await app.open();
    await app.node('Developer').click();
    pane = new PolicyEditorPane(page, app.inspector);
    await expect(pane.tab('Trust policy')).toHaveAttribute('aria-selected', 'true');
    await pane.open('Trust policy');
  });

  test('an unknown action gets a warning marker on its range; the quick fix puts it right', async ({
    page,
  }) => {
    const edge = trustEdge(page, 'alice may assume Developer');
    await expect(edge).toHaveCount(1);

    await pane.cursorAtEndOf('"Action": "sts:AssumeRole"');
    await pane.press('ArrowLeft', 'ArrowLeft', 'Backspace');

    await expect(
      pane.problem(/^Warning: unknown action `sts:AssumeRol` \(line 9, column 17\)$/),
    ).toBeVisible();
    const squiggle = pane.squiggles('warning');
    await expect(squiggle).toHaveCount(1);
    const marked = (await squiggle.boundingBox())!;
    const token = (await pane.token('"sts:AssumeRol"').boundingBox())!;
    expect(Math.abs(marked.x - token.x)).toBeLessThan(2);
    expect(Math.abs(marked.width - token.width)).toBeLessThan(2);
    // The text is valid JSON, so the model takes it: no action assumes the role any more.
    await expect(edge).toHaveCount(0);

    await pane.press('Control+.');
    await pane.quickFix('Replace with `sts:AssumeRole`').click();
    await expect(pane.problems).toContainText('no problems');
    await expect(edge).toHaveCount(1);
  });

  test('Ctrl+. opens the quick fix at once, even while the catalogue it reads is still loading', async ({
    page,
  }) => {
    // On a slow machine the service's catalogue chunk takes a while: Ctrl+. pressed just after
    // the warning shows, with Monaco's own lightbulb request arriving while it loads, still
    // opens the menu (it used to lose it: the two requests settled together and the
    // lightbulb's answer replaced the menu's).
    await page.route(/\/assets\/group-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await pane.cursorAtEndOf('"Action": "sts:AssumeRole"');
    await pane.press('ArrowLeft', 'ArrowLeft', 'Backspace');
    await expect(pane.problem(/^Warning: unknown action `sts:AssumeRol`/)).toBeVisible();
    await pane.press('Control+.');
    await pane.quickFix('Replace with `sts:AssumeRole`').click({ timeout: 10_000 });
    await expect(pane.problems).toContainText('no problems');
  });

  test('choosing a problem selects exactly its range in the editor', async ({ page }) => {
    await pane.cursorAtEndOf('"Action": "sts:AssumeRole"');
    await pane.press('ArrowLeft', 'ArrowLeft', 'Backspace');
    const problem = pane.problem(/^Warning: unknown action `sts:AssumeRol`/);
    await pane.press('Control+Home');

    await problem.click();
    await expect(pane.editor('Trust policy')).toBeFocused();
    // The selection is the marked string: deleting it and typing replaces exactly that.
    await pane.press('Delete');
    await pane.type('"sts:AssumeRole"');
    await expect(pane.problems).toContainText('no problems');
    await expect(trustEdge(page, 'alice may assume Developer')).toHaveCount(1);
  });

  test('broken JSON gets an error, keeps the edges and the typed text; fixing it updates the edge', async ({
    app,
    page,
  }) => {
    const edge = trustEdge(page, 'alice may assume Developer');
    await expect(edge).toHaveAccessibleName('alice may assume Developer when MFA');

    // After the Bool block, start an IpAddress block and stop halfway.
    await pane.cursorAtEndOf('"aws:MultiFactorAuthPresent": "true"');
    await pane.press('ArrowDown', 'End');
    await pane.type(',');
    await pane.press('Enter');
    await pane.type('"IpAddress": ');
    await pane.press('Escape');

    await expect(pane.problem(/^Error: invalid JSON/).first()).toBeVisible();
    await expect(pane.squiggles('error')).not.toHaveCount(0);
    await expect(edge).toHaveAccessibleName('alice may assume Developer when MFA');

    // The typed text is kept as a draft: look at another node and come back.
    await pane.collapseButton.click();
    await app.node('Deploy').click();
    await expect(pane.line('"IpAddress"')).toHaveCount(0);
    await app.node('Developer').click();
    await pane.expandButton.click();
    await expect(pane.line('"IpAddress":')).toBeVisible();
    await expect(pane.problem(/^Error: invalid JSON/).first()).toBeVisible();

    await pane.cursorAtEndOf('"IpAddress":');
    await pane.type('{"aws:SourceIp": "203.0.113.0/24"}');
    await pane.press('Escape');
    await expect(pane.problems).toContainText('no problems');
    await expect(edge).toHaveAccessibleName(
      /^alice may assume Developer when MFA.*from IP "203\.0\.113\.0\/24"/,
    );
  });

  test('text that is not valid yet is saved with the design as a draft and comes back after a reload', async ({
    app,
    page,
  }) => {
    await pane.cursorAtEndOf('"Action": "sts:AssumeRole"');
    await pane.type(' "sts:TagSession"');
    // Leaving the editor sends what was typed at once; then wait for the autosave.
    await pane.press('Escape');
    await pane.tab('Trust policy').click();
    await expect(pane.problem(/^Error: invalid JSON/).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

    await page.reload();
    await expect(app.canvas).toBeVisible();
    await app.node('Developer').click();
    await pane.open('Trust policy');
    await expect(pane.line('"sts:AssumeRole", "sts:TagSession"')).toBeVisible();
    await expect(pane.problem(/^Error: invalid JSON/).first()).toBeVisible();
    await expect(trustEdge(page, 'alice may assume Developer')).toHaveCount(1);
  });

  test('Ctrl+Z in the editor undoes typing there; Ctrl+Z elsewhere undoes the app and the editor follows', async ({
    app,
    page,
  }) => {
    const edge = trustEdge(page, 'alice may assume Developer');
    await pane.cursorAtEndOf('"Action": "sts:AssumeRole"');
    await pane.press('ArrowLeft', 'ArrowLeft', 'Backspace');
    await expect(edge).toHaveCount(0);

    const redo = app.toolbar.getByRole('button', { name: 'Redo' });
    await pane.press('Control+z');
    await expect(pane.token('"sts:AssumeRole"')).toBeVisible();
    await expect(edge).toHaveCount(1);
    // Only the editor undid: the app recorded the restored text as a new change, nothing to redo.
    await expect(redo).toBeDisabled();

    await pane.press('Backspace');
    await expect(pane.token('"sts:AssumeRol"')).toBeVisible();
    await expect(edge).toHaveCount(0);

    // Focus leaves the editor (a tab is no text field): the app's undo takes the key.
    await pane.tab('Trust policy').focus();
    await pane.press('Control+z');
    await expect(pane.token('"sts:AssumeRole"')).toBeVisible();
    await expect(pane.problems).toContainText('no problems');
    await expect(edge).toHaveCount(1);
    await expect(redo).toBeEnabled();
  });

  test('completion writes a trust policy from an empty editor: sts:AssumeRole and a user ARN from the design', async ({
    page,
  }) => {
    await pane.line('"Version"').click();
    await pane.press('Control+a', 'Delete');
    await expect(pane.problem(/^Error: /)).toBeVisible();

    await pane.press('Control+Space');
    await pane.suggestion('Empty policy').click();
    await pane.suggestion('Allow statement').click();
    await pane.suggestion('arn:aws:iam::111111111111:user/alice').click();
    await pane.press('Tab', 'Control+Space');
    await expect(pane.suggestion('sts:AssumeRoleWithWebIdentity')).toBeVisible();
    await pane.suggestion('sts:AssumeRole').click();
    await pane.press('Escape');

    await expect(pane.problems).toContainText('no problems');
    await expect(trustEdge(page, 'alice may assume Developer')).toHaveAccessibleName(
      'alice may assume Developer',
    );
  });
});
