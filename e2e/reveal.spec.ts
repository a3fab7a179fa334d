import { exportDesign, importDesign, statementSpan } from './fixtures/design-file';
import { PolicyEditorPane } from './fixtures/editor';
import { expect, test } from './fixtures/simulation';
import { lookAt } from './fixtures/app';

// A failed check opens the statement that decided it in the inspector's policy editor: the
// right tab, the statement selected, scrolled into view and highlighted until it is edited.

const ALICE = 'alice (user';
const DEVELOPER = 'Developer (';
const DEPLOY = 'Deploy (';

const span = ({ start, end }: { start: number; end: number }) => `${start}-${end}`;

test('a trust policy without the caller: the refused assume opens Deploy’s trust policy with its statement picked out', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  const file = await exportDesign(simulation.app, page);
  const trust = file.design.roles.find((r) => r.name === 'Deploy')!.trustPolicy;
  const statement = span(statementSpan(trust, '"Effect": "Allow"'));

  // Nothing is selected yet: the inspector and its (lazily loaded) editor appear for the failure.
  await expect(simulation.app.inspector).toContainText('Select a node');
  await simulation.assume({ caller: ALICE, role: DEPLOY });
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');

  const pane = new PolicyEditorPane(page, simulation.app.inspector);
  await expect(pane.tab('Trust policy')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.editor('Trust policy')).toBeAttached({ timeout: 30_000 });
  await expect(pane.host).toHaveAttribute('data-revealed-range', statement);
  await expect(pane.host).toHaveAttribute('data-selection', statement);
  // The inspector scrolls to show the tab and the statement; the app around it stays put.
  await expect(pane.tab('Trust policy')).toBeInViewport();
  await expect(pane.revealedLines.first()).toBeInViewport();
  await expect(pane.revealedLines.last()).toBeInViewport();
  await expect(simulation.app.toolbar).toBeInViewport({ ratio: 1 });
  // The deciding check keeps the focus in the panel: a failure does not take the keyboard.
  await expect(pane.editor('Trust policy')).not.toBeFocused();
  await lookAt(page, '/tmp/reveal-trust.png');

  // Editing the policy ends the highlight; asking again brings it back, with the keyboard.
  await pane.cursorAtEndOf('"Version": "2012-10-17"');
  await pane.type(' ');
  await expect(pane.host).not.toHaveAttribute('data-revealed-range', /.*/);
  await expect(pane.revealedLines).toHaveCount(0);
  await pane.press('Backspace');

  const trustStep = simulation.step(simulation.checks, 'Trust policy principal');
  await trustStep
    .getByRole('button', { name: 'Show in editor for Trust policy principal' })
    .click();
  await expect(pane.host).toHaveAttribute('data-revealed-range', statement);
  await expect(pane.host).toHaveAttribute('data-selection', statement);
  await expect(pane.editor('Trust policy')).toBeFocused();
});

test('an identity policy Deny opens that permission policy’s tab, at the denying statement', async ({
  simulation,
  page,
}) => {
  await simulation.open();
  const file = await exportDesign(simulation.app, page);
  const deny = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ListBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
        {
          Sid: 'NoDeveloper',
          Effect: 'Deny',
          Action: 'sts:AssumeRole',
          Resource: 'arn:aws:iam::111111111111:role/Developer',
        },
      ],
    },
    null,
    2,
  );
  file.design.name = 'Alice may not';
  file.design.users
    .find((u) => u.name === 'alice')!
    .policies.push({
      id: 'policy-alice-deny',
      name: 'NoDeveloper',
      attachment: 'inline',
      text: deny,
    });
  await importDesign(simulation.app, page, file);
  await expect(page.getByRole('button', { name: 'Designs: Alice may not' })).toBeVisible();

  // The inspector already shows alice, on her first policy, when the call is refused.
  await simulation.app.node('alice').click();
  const pane = new PolicyEditorPane(page, simulation.app.inspector);
  await expect(pane.tab('AssumeDeveloper (inline)')).toHaveAttribute('aria-selected', 'true');
  await pane.show('AssumeDeveloper (inline)');

  await simulation.assume({ caller: ALICE, role: DEVELOPER });
  await expect(simulation.outcome('Assume role')).toContainText('AccessDenied');
  const identity = simulation.step(simulation.checks, "Caller's identity policies");
  await expect(identity).toHaveAttribute('data-tone', 'fail');

  await expect(pane.tab('NoDeveloper (inline)')).toHaveAttribute('aria-selected', 'true');
  await expect(pane.editor('NoDeveloper (inline)')).toBeAttached();
  const statement = span(statementSpan(deny, '"Sid": "NoDeveloper"'));
  await expect(pane.host).toHaveAttribute('data-revealed-range', statement);
  await expect(pane.host).toHaveAttribute('data-selection', statement);
  await expect(pane.revealedLines.first()).toBeInViewport();
  await expect(simulation.app.toolbar).toBeInViewport({ ratio: 1 });
  await lookAt(page, '/tmp/reveal-deny.png');

  // Another tab and back: the highlight stays with its policy until it is edited.
  await pane.tab('AssumeDeveloper (inline)').click();
  await expect(pane.host).not.toHaveAttribute('data-revealed-range', /.*/);
  await pane.tab('NoDeveloper (inline)').click();
  await expect(pane.host).toHaveAttribute('data-revealed-range', statement);
});
