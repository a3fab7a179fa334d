// @vitest-environment happy-dom
// The inspector's forms, used as a person does (labels, roles, typing), against a fresh store:
// each case asserts the design the store ends with, so a broken wiring fails it.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addManagedPolicy,
  attachManagedPolicy,
  deriveTrustGraph,
  findEntity,
  makeManagedPolicy,
  NEW_PERMISSION_POLICY_TEXT,
  sampleDesign,
  updatePermissionPolicy,
  type Design,
} from '../../model';
import { createRolecraftStore, RolecraftProvider } from '../../store';
import { Inspector } from './Inspector';

afterEach(cleanup);

function renderInspector(selected: string, design: Design = sampleDesign()) {
  const store = createRolecraftStore(design);
  store.getState().select([selected]);
  render(
    <RolecraftProvider store={store}>
      <Inspector />
    </RolecraftProvider>,
  );
  const entity = () => findEntity(store.getState().design, selected);
  return { store, entity, user: userEvent.setup() };
}

const trusted = (design: Design, roleId: string) =>
  deriveTrustGraph(design)
    .edges.filter((e) => e.target === roleId)
    .map((e) => e.source)
    .sort();

describe('the inspector’s fields', () => {
  it('renames a role on Enter, as one undo step', async () => {
    const { store, entity, user } = renderInspector('role-developer');
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Engineer{Enter}');
    expect(entity()?.name).toBe('Engineer');
    store.temporal.getState().undo();
    expect(entity()?.name).toBe('Developer');
  });

  it('refuses an empty name with the reason and keeps the old one', async () => {
    const { entity, user } = renderInspector('role-developer');
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('a name cannot be empty');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(entity()?.name).toBe('Developer');
  });

  it('Escape puts the stored value back without committing', async () => {
    const { entity, user } = renderInspector('role-developer');
    const stored = sampleDesign().roles.find((r) => r.id === 'role-developer')?.description;
    const description = screen.getByLabelText('Description') as HTMLInputElement;
    await user.clear(description);
    await user.type(description, 'scratch{Escape}');
    expect(description.value).toBe(stored);
    await user.tab();
    expect(entity()).toMatchObject({ description: stored });
  });

  it('commits description and MaxSessionDuration when focus leaves', async () => {
    const { entity, user } = renderInspector('role-deploy');
    await user.clear(screen.getByLabelText('Description'));
    await user.type(screen.getByLabelText('Description'), 'Deploys to production');
    await user.clear(screen.getByLabelText('MaxSessionDuration (seconds)'));
    await user.type(screen.getByLabelText('MaxSessionDuration (seconds)'), '7200');
    await user.tab();
    expect(entity()).toMatchObject({
      description: 'Deploys to production',
      maxSessionDuration: 7200,
    });
  });

  it.each([
    ['1800', 'MaxSessionDuration must be 3600 to 43200 seconds (1 to 12 hours), got `1800`'],
    ['3599', 'MaxSessionDuration must be 3600 to 43200 seconds (1 to 12 hours), got `3599`'],
    ['43201', 'MaxSessionDuration must be 3600 to 43200 seconds (1 to 12 hours), got `43201`'],
    ['1.5', '`1.5` is not a whole number of seconds'],
  ])('refuses MaxSessionDuration %s with the reason, keeping the role’s', async (typed, why) => {
    const { entity, user } = renderInspector('role-deploy');
    const field = screen.getByLabelText('MaxSessionDuration (seconds)');
    await user.clear(field);
    await user.type(field, `${typed}{Enter}`);
    expect(screen.getByRole('alert').textContent).toBe(why);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(entity()).toMatchObject({ maxSessionDuration: 3600 });
  });

  it('changes an account’s AWS account ID, and ignores one that is not 12 digits', async () => {
    const { entity, user } = renderInspector('acct-prod');
    const field = screen.getByLabelText('AWS account ID');
    await user.clear(field);
    await user.type(field, '1234{Enter}');
    expect(entity()).toMatchObject({ awsAccountId: '222222222222' });
    await user.clear(field);
    await user.type(field, '333333333333{Enter}');
    expect(entity()).toMatchObject({ awsAccountId: '333333333333' });
  });

  it('moves a role to another account with the Account picker', async () => {
    const { entity, user } = renderInspector('role-developer');
    const picker = screen.getByRole('combobox', { name: 'Account' }) as HTMLInputElement;
    expect(picker.value).toBe('Development (111111111111)');
    await user.click(picker);
    await user.keyboard('Prod');
    await user.click(screen.getByRole('option', { name: 'Production (222222222222)' }));
    expect(entity()).toMatchObject({ account: 'acct-prod' });
    expect(picker.value).toBe('Production (222222222222)');
  });

  it('turns a user’s MFA and long-term keys off with their checkboxes', async () => {
    const { entity, user } = renderInspector('user-alice');
    await user.click(screen.getByRole('checkbox', { name: 'Signs in with MFA' }));
    await user.click(screen.getByRole('checkbox', { name: 'Has long-term access keys' }));
    expect(entity()).toMatchObject({ hasMfa: false, hasLongTermKeys: false });
  });

  it('adds, edits and removes tags', async () => {
    const { entity, user } = renderInspector('user-alice');
    await user.type(screen.getByRole('textbox', { name: 'New tag key' }), 'cost-centre');
    await user.type(screen.getByRole('textbox', { name: 'New tag value' }), '42{Enter}');
    expect(entity()).toMatchObject({ tags: { team: 'platform', 'cost-centre': '42' } });
    const team = screen.getByRole('textbox', { name: 'Value of tag team' });
    await user.clear(team);
    await user.type(team, 'security');
    await user.tab();
    expect(entity()).toMatchObject({ tags: { team: 'security', 'cost-centre': '42' } });
    await user.click(screen.getByRole('button', { name: 'Remove tag cost-centre' }));
    expect(entity()).toMatchObject({ tags: { team: 'security' } });
  });

  it('sets an OIDC provider’s audiences from a comma-separated list', async () => {
    const { entity, user } = renderInspector('idp-github');
    const audiences = screen.getByLabelText(/audience/i);
    await user.clear(audiences);
    await user.type(audiences, 'sts.amazonaws.com, https://github.com/acme{Enter}');
    expect(entity()).toMatchObject({
      audiences: ['sts.amazonaws.com', 'https://github.com/acme'],
    });
  });
});

describe('who can assume a role', () => {
  it('adds a principal to the trust policy from the picker', async () => {
    const { store, user } = renderInspector('role-deploy');
    const section = screen.getByRole('region', { name: 'Who can assume this role' });
    const add = within(section).getByRole('button', { name: 'Add to trust policy' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(section).getByRole('combobox', { name: 'Principal to trust' }));
    await user.keyboard('alice');
    await user.click(screen.getByRole('option', { name: 'alice (IAM user)' }));
    await user.click(add);
    expect(trusted(store.getState().design, 'role-deploy')).toContain('user-alice');
    expect(within(section).getByText('alice')).toBeTruthy();
  });

  it('removes a principal from the trust policy', async () => {
    const { store, user } = renderInspector('role-developer');
    expect(trusted(store.getState().design, 'role-developer')).toEqual(['user-alice']);
    await user.click(screen.getByRole('button', { name: 'Remove alice from the trust policy' }));
    expect(trusted(store.getState().design, 'role-developer')).toEqual([]);
    expect(screen.getByText('Nobody: the trust policy names no principal.')).toBeTruthy();
  });
});

describe('permission policies', () => {
  it('adds an inline policy, renames it and makes it customer managed', async () => {
    const { entity, store, user } = renderInspector('role-deploy');
    const policies = () =>
      (entity() as { policies: { name: string; attachment: string }[] }).policies;
    const before = policies().length;
    await user.click(screen.getByRole('button', { name: 'Add inline policy' }));
    expect(policies()).toHaveLength(before + 1);
    const added = policies()[before];
    expect(added).toMatchObject({ name: 'InlinePolicy', attachment: 'inline' });
    const name = screen.getByRole('textbox', { name: 'Name of policy InlinePolicy' });
    await user.clear(name);
    await user.type(name, 'WriteLogs{Enter}');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Attachment of policy WriteLogs' }),
      'Customer managed policy',
    );
    // It becomes one managed policy of the account, attached by id.
    const attached = policies()[before] as unknown as { attachment: string; id: string };
    expect(attached.attachment).toBe('managed');
    expect(store.getState().design.managedPolicies.find((p) => p.id === attached.id)).toMatchObject(
      { name: 'WriteLogs', type: 'customer-managed', account: 'acct-prod' },
    );
    expect(screen.getByText(/Customer managed, attached to 1 principal:/)).toBeTruthy();
  });

  it('refuses a policy name IAM would refuse', async () => {
    const { entity, user } = renderInspector('role-deploy');
    const name = screen.getByRole('textbox', { name: 'Name of policy ReadArtifacts' });
    await user.clear(name);
    await user.type(name, 'no spaces allowed{Enter}');
    expect(screen.getByRole('alert').textContent).toMatch(/a policy name must use 1 to 128/);
    expect(entity()).toMatchObject({ policies: [{ name: 'ReadArtifacts' }] });
  });

  it('removes a policy only once the dialog is confirmed', async () => {
    const { entity, user } = renderInspector('role-deploy');
    await user.click(screen.getByRole('button', { name: 'Remove policy ReadArtifacts' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove policy ReadArtifacts?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(entity()).toMatchObject({ policies: [{ name: 'ReadArtifacts' }] });
    await user.click(screen.getByRole('button', { name: 'Remove policy ReadArtifacts' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }),
    );
    expect(entity()).toMatchObject({ policies: [] });
  });
});

describe('an account’s organization', () => {
  it('joins an organization, adds an OU and leaves again', async () => {
    const { entity, user } = renderInspector('acct-prod');
    const levels = () => (entity() as { organization?: { name: string }[] }).organization;
    expect(levels()).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Add to organization' }));
    expect(levels()?.length).toBe(2);
    await user.type(screen.getByLabelText('Name of the new OU'), 'Workloads');
    await user.click(screen.getByRole('button', { name: 'Add OU' }));
    expect(levels()?.map((l) => l.name)).toContain('Workloads');
    await user.click(screen.getByRole('button', { name: 'Remove from organization' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }),
    );
    expect(levels()).toBeUndefined();
  });
});

describe('an account’s managed policies', () => {
  /** ReadArtifacts made customer managed and attached to OrdersFunctionRole too; and an unused one. */
  function sharedInProduction(): Design {
    let design = updatePermissionPolicy(sampleDesign(), {
      entityId: 'role-deploy',
      policyId: 'policy-deploy-artifacts',
      patch: { attachment: 'customer-managed' },
    });
    const record = design.managedPolicies.find((p) => p.name === 'ReadArtifacts')!;
    design = attachManagedPolicy(design, { entityId: 'role-orders-fn', policyId: record.id });
    return addManagedPolicy(design, {
      policy: makeManagedPolicy({
        type: 'customer-managed',
        account: 'acct-prod',
        name: 'Unused',
        path: '/team/',
        text: NEW_PERMISSION_POLICY_TEXT,
      }),
    });
  }

  it('lists them with how many principals attach each; Edit opens one as a tab of the account', async () => {
    const { store, user } = renderInspector('acct-prod', sharedInProduction());
    const list = screen.getByRole('list', { name: 'Customer managed policies of Production' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'ReadArtifactsattached to 2 principals: Deploy, OrdersFunctionRoleEdit',
      '/team/Unusedattached to no principalEdit',
    ]);
    const tabs = () =>
      within(screen.getByRole('tablist', { name: 'Policies of Production' }))
        .queryAllByRole('tab')
        .map((t) => t.textContent);
    // Not every managed policy is a tab: only the ones opened.
    expect(screen.queryByRole('tablist', { name: 'Policies of Production' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Edit managed policy ReadArtifacts' }));
    expect(tabs()).toEqual(['ReadArtifacts (managed)']);
    expect(
      screen.getByRole('tab', { name: 'ReadArtifacts (managed)' }).getAttribute('aria-selected'),
    ).toBe('true');
    const id = store.getState().design.managedPolicies.find((p) => p.name === 'ReadArtifacts')!.id;
    expect(store.getState().policyReveal).toMatchObject({
      entityId: 'acct-prod',
      slot: { kind: 'permission', policyId: id },
      focus: true,
    });
    await user.click(screen.getByRole('button', { name: 'Edit managed policy Unused' }));
    expect(tabs()).toEqual(['ReadArtifacts (managed)', 'Unused (managed)']);
  });

  it('an account without one says how to add one; a long list can be searched', async () => {
    renderInspector('acct-dev');
    expect(
      screen.getByText(/None yet: a user, group or role of this account adds one/),
    ).toBeTruthy();
    cleanup();
    let design = sampleDesign();
    for (let i = 0; i < 12; i++)
      design = addManagedPolicy(design, {
        policy: makeManagedPolicy({
          type: 'customer-managed',
          account: 'acct-prod',
          name: `Team${i}Access`,
          text: NEW_PERMISSION_POLICY_TEXT,
        }),
      });
    const { user } = renderInspector('acct-prod', design);
    await user.type(screen.getByRole('searchbox', { name: 'Find a managed policy' }), 'team1');
    const list = screen.getByRole('list', { name: 'Customer managed policies of Production' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'Edit managed policy Team1Access',
      'Edit managed policy Team10Access',
      'Edit managed policy Team11Access',
    ]);
  });
});

describe('without a selection', () => {
  it('says how to start, and shows the entity once the store selects one', async () => {
    const store = createRolecraftStore(sampleDesign());
    render(
      <RolecraftProvider store={store}>
        <Inspector />
      </RolecraftProvider>,
    );
    expect(screen.getByText(/Select a node to see its details/)).toBeTruthy();
    act(() => store.getState().select(['user-alice']));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('alice');
  });
});
