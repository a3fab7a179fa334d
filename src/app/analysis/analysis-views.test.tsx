// @vitest-environment happy-dom
// The analysis's views, with the real worker jobs (run a task after each message): the
// Escalations and Who can views light a path on the canvas hop by hop; finding badges open the
// Findings tab on their node; an edit shows what it adds and removes, with Keep and Undo.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_DOC, allow, arn, build, doc, trustStatement } from '../../analysis/test-accounts';
import { addTrustPrincipal, removeTrustPrincipal, type Design } from '../../model';
import { createRolecraftStore, RolecraftProvider, type RolecraftStore } from '../../store';
import { BottomPanel } from '../BottomPanel';
import { cancelAnalysis, runAnalysis } from './analysis-status';
import { FakeWorker } from './fake-worker';
import { AnalysisSync } from './AnalysisSync';
import { keepEdits } from './what-if-status';
import { WhatIfSummary } from './WhatIfSummary';

const NOW = '2026-06-01T00:00:00Z';

/**
 * alice may assume Deploy; Deploy may create access keys for any user, so alice and Deploy
 * escalate to ops (an admin user). prod-admin (admin) trusts nobody yet.
 */
function account() {
  return build((b) => {
    b.user('alice', [doc(allow('sts:AssumeRole'))]);
    b.user('ops', [ADMIN_DOC]);
    b.role(
      'Deploy',
      [trustStatement({ AWS: arn('user', 'alice') })],
      [doc(allow(['iam:CreateAccessKey', 'sts:AssumeRole', 's3:GetObject']))],
    );
    b.role('prod-admin', [], [ADMIN_DOC]);
  });
}

const idOf = (design: Design, name: string) =>
  [...design.users, ...design.roles].find((e) => e.name === name)!.id;

function renderApp(design: Design, extra?: ReactNode) {
  const store = createRolecraftStore(design);
  render(
    <RolecraftProvider store={store}>
      <ReactFlowProvider>
        <AnalysisSync />
        <WhatIfSummary />
        <BottomPanel simulation={<p>simulation</p>} />
        {extra}
      </ReactFlowProvider>
    </RolecraftProvider>,
  );
  return { store, user: userEvent.setup() };
}

async function analysed(store: RolecraftStore) {
  act(() => runAnalysis(store.getState().design, NOW));
  await waitFor(() => expect(store.getState().findingBadges.size).toBeGreaterThan(0), {
    timeout: 5000,
  });
}

let reduced = true;
beforeEach(() => {
  FakeWorker.made = [];
  FakeWorker.real = true;
  reduced = true;
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('reduce') && reduced,
    addEventListener() {},
    removeEventListener() {},
  }));
});
afterEach(() => {
  act(() => {
    keepEdits();
    cancelAnalysis();
  });
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('Escalations: a path lit hop by hop', () => {
  it('opens an escalation with its whole path lit (reduced motion), then steps back and forward, by button and key', async () => {
    const b = account();
    const { store, user } = renderApp(b.design);
    await user.click(screen.getByRole('tab', { name: 'Escalations' }));
    await analysed(store);
    const list = screen.getByRole('list', { name: 'Escalations list' });
    await user.click(within(list).getByRole('button', { name: /^alice can escalate to ops/ }));
    const path = screen.getByRole('group', { name: 'Path: alice can escalate to ops' });
    const d = b.design;
    expect(store.getState().pathHighlight).toEqual({
      hops: [
        {
          from: idOf(d, 'alice'),
          to: idOf(d, 'Deploy'),
          label: 'sts-assume-role (sts:AssumeRole)',
          needs: [],
        },
        {
          from: idOf(d, 'Deploy'),
          to: idOf(d, 'ops'),
          label: 'iam-create-access-key (iam:CreateAccessKey)',
          needs: ['`arn:aws:iam::111122223333:user/ops` has fewer than two access keys'],
        },
      ],
      lit: 2,
    });
    expect(within(path).getByText('Step 2 of 2')).toBeTruthy();
    await user.click(within(path).getByRole('button', { name: 'Back' }));
    expect(store.getState().pathHighlight?.lit).toBe(1);
    path.focus();
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().pathHighlight?.lit).toBe(0);
    expect((within(path).getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.keyboard('{End}');
    expect(store.getState().pathHighlight?.lit).toBe(2);
    // Leaving the view takes the path off the canvas.
    await user.click(screen.getByRole('tab', { name: 'Findings' }));
    expect(store.getState().pathHighlight).toBeNull();
  });

  it('without reduced motion plays the path from the start, one hop at a time', async () => {
    reduced = false;
    const { store, user } = renderApp(account().design);
    await user.click(screen.getByRole('tab', { name: 'Escalations' }));
    await analysed(store);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const list = screen.getByRole('list', { name: 'Escalations list' });
    act(() =>
      within(list)
        .getByRole('button', { name: /^alice can escalate to ops/ })
        .click(),
    );
    expect(store.getState().pathHighlight?.lit).toBe(0);
    act(() => vi.advanceTimersByTime(900));
    expect(store.getState().pathHighlight?.lit).toBe(1);
    act(() => vi.advanceTimersByTime(900));
    expect(store.getState().pathHighlight?.lit).toBe(2);
    act(() => vi.advanceTimersByTime(5000));
    expect(store.getState().pathHighlight?.lit).toBe(2);
  });
});

describe('Who can...', () => {
  it('answers through the worker with each principal path, and lights it up to the call', async () => {
    const b = account();
    const { store, user } = renderApp(b.design);
    await user.click(screen.getByRole('tab', { name: 'Who can' }));
    await user.type(screen.getByLabelText('Action'), 'iam:CreateAccessKey');
    await user.type(screen.getByLabelText('Resource'), arn('user', 'ops'));
    await user.click(screen.getByRole('button', { name: 'Ask who can' }));
    const list = await screen.findByRole('list', { name: 'Who can list' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((x) => x.textContent),
    ).toEqual([
      'Deploy through its own policies',
      'prod-admin through its own policies',
      'alice through an AssumeRole chain',
      'ops through its own policies',
    ]);
    await user.click(within(list).getByRole('button', { name: /^alice/ }));
    const d = b.design;
    expect(store.getState().pathHighlight?.hops.map((h) => [h.from, h.to, h.label])).toEqual([
      [idOf(d, 'alice'), idOf(d, 'Deploy'), 'sts:AssumeRole'],
      [idOf(d, 'Deploy'), idOf(d, 'ops'), 'iam:CreateAccessKey'],
    ]);
  });
  it('picks the action from the catalogue as it is typed and the resource from the design', async () => {
    const b = account();
    const { user } = renderApp(b.design);
    await user.click(screen.getByRole('tab', { name: 'Who can' }));
    const action = screen.getByRole('combobox', { name: 'Action' });
    // Services first: typing a service's name finds its prefix.
    await user.type(action, 'identity and access');
    await user.click(
      await screen.findByRole('option', {
        name: 'iam: · AWS Identity and Access Management (IAM)',
      }),
    );
    expect((action as HTMLInputElement).value).toBe('iam:');
    // Then that service's actions, with their access level.
    await user.type(action, 'CreateAcc');
    await user.click(await screen.findByRole('option', { name: 'iam:CreateAccessKey · Write' }));
    expect((action as HTMLInputElement).value).toBe('iam:CreateAccessKey');
    // The resource: the design's resources, roles and users, by name.
    const resource = screen.getByRole('combobox', { name: 'Resource' });
    await user.type(resource, 'ops');
    await user.click(
      await screen.findByRole('option', { name: `ops · user · ${arn('user', 'ops')}` }),
    );
    expect((resource as HTMLInputElement).value).toBe(arn('user', 'ops'));
    await user.click(screen.getByRole('button', { name: 'Ask who can' }));
    const list = await screen.findByRole('list', { name: 'Who can list' });
    expect(within(list).getAllByRole('button')).toHaveLength(4);
  });

  it('refuses an action the catalogue does not know, with the nearest one, and asks nothing', async () => {
    const { user } = renderApp(account().design);
    await user.click(screen.getByRole('tab', { name: 'Who can' }));
    await user.type(screen.getByRole('combobox', { name: 'Action' }), 'iam:CreateAccesKey');
    await user.type(screen.getByRole('combobox', { name: 'Resource' }), arn('user', 'ops'));
    await user.click(screen.getByRole('button', { name: 'Ask who can' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'unknown action `iam:CreateAccesKey`: AWS Identity and Access Management (IAM) has no action `CreateAccesKey`; did you mean `iam:CreateAccessKey`?',
    );
    expect(FakeWorker.made.flatMap((w) => w.sent)).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Who can list' })).toBeNull();
    // Correcting it takes the refusal away; a differently cased action is asked as AWS spells it.
    await user.clear(screen.getByRole('combobox', { name: 'Action' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(screen.getByRole('combobox', { name: 'Action' }), 'IAM:createaccesskey');
    await user.click(screen.getByRole('button', { name: 'Ask who can' }));
    await screen.findByRole('list', { name: 'Who can list' });
    expect(FakeWorker.made.flatMap((w) => w.sent).map((r) => r.ask)).toContainEqual(
      expect.objectContaining({ type: 'who-can', action: 'iam:CreateAccessKey' }),
    );
    expect((screen.getByRole('combobox', { name: 'Action' }) as HTMLInputElement).value).toBe(
      'iam:CreateAccessKey',
    );
  });
});

describe('the Findings tab on one node (a badge was clicked)', () => {
  it('shows only the findings about that node until asked for all', async () => {
    const b = account();
    const prodAdmin = idOf(b.design, 'prod-admin');
    const { store, user } = renderApp(b.design);
    await analysed(store);
    const badge = store.getState().findingBadges.get(prodAdmin)!;
    act(() => store.getState().showFindingsOf(prodAdmin));
    const rows = within(screen.getByRole('list', { name: 'Findings list' })).getAllByRole('button');
    expect(rows).toHaveLength(badge.count);
    for (const row of rows) expect(row.textContent).toContain('prod-admin');
    expect(screen.getByText('About prod-admin')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show all nodes' }));
    expect(
      within(screen.getByRole('list', { name: 'Findings list' })).getAllByRole('button').length,
    ).toBeGreaterThan(badge.count);
  });
});

describe('what-if before an edit is kept', () => {
  it('a new trust edge: what it adds; Undo takes it back and shows the first analysis again', async () => {
    const b = account();
    const { store, user } = renderApp(b.design);
    await analysed(store);
    const before = store.getState().design;
    const prodAdmin = idOf(before, 'prod-admin');
    act(() => store.getState().apply(addTrustPrincipal, prodAdmin, idOf(before, 'Deploy')));
    const summary = screen.getByRole('region', { name: 'What this edit changes' });
    const adds = await within(summary).findByRole('list', { name: 'This adds' });
    expect(
      within(adds)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Deploy can now reach prod-admin',
      'alice can now reach prod-admin',
      'Deploy can escalate to prod-admin',
      'alice can escalate to prod-admin',
      // alice, a person, now reaches the admin role through Deploy with no MFA on any hop.
      'finding admin-assumable-without-mfa on prod-admin',
    ]);
    expect(
      within(within(summary).getByRole('list', { name: 'This removes' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['finding role-unassumable on prod-admin']);
    await user.click(within(summary).getByRole('button', { name: 'Undo the edit' }));
    expect(screen.queryByRole('region', { name: 'What this edit changes' })).toBeNull();
    expect(store.getState().design.roles.find((r) => r.id === prodAdmin)!.trustPolicy).toBe(
      before.roles.find((r) => r.id === prodAdmin)!.trustPolicy,
    );
    // The analysis shown is the first one again, for the design as it is.
    await user.click(screen.getByRole('tab', { name: 'Findings' }));
    expect(screen.getByText(/escalations/).textContent).not.toContain('the design changed');
  });

  it('deleting a trust edge: what it removes; Keep keeps it and the analysis of the edit stays', async () => {
    const b = account();
    const { store, user } = renderApp(b.design);
    await analysed(store);
    const d = store.getState().design;
    act(() => store.getState().apply(removeTrustPrincipal, idOf(d, 'Deploy'), idOf(d, 'alice')));
    const summary = screen.getByRole('region', { name: 'What this edit changes' });
    const removes = await within(summary).findByRole('list', { name: 'This removes' });
    expect(
      within(removes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['alice can no longer reach Deploy', 'alice can no longer escalate to ops']);
    const edited = store.getState().design;
    await user.click(within(summary).getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('region', { name: 'What this edit changes' })).toBeNull();
    expect(store.getState().design).toBe(edited);
    await user.click(screen.getByRole('tab', { name: 'Escalations' }));
    expect(screen.queryByRole('button', { name: /^alice can escalate/ })).toBeNull();
  });

  it('an undo of its own (Ctrl+Z) takes the summary away; redo starts no what-if', async () => {
    const b = account();
    const { store } = renderApp(b.design);
    await analysed(store);
    const d = store.getState().design;
    act(() => store.getState().apply(addTrustPrincipal, idOf(d, 'prod-admin'), idOf(d, 'Deploy')));
    const summary = screen.getByRole('region', { name: 'What this edit changes' });
    await within(summary).findByRole('list', { name: 'This adds' });
    const sent = FakeWorker.made.at(-1)!.sent.length;
    act(() => store.temporal.getState().undo());
    expect(screen.queryByRole('region', { name: 'What this edit changes' })).toBeNull();
    act(() => store.temporal.getState().redo());
    expect(screen.queryByRole('region', { name: 'What this edit changes' })).toBeNull();
    expect(FakeWorker.made.at(-1)!.sent.length).toBe(sent);
  });

  it('Cancel while it works keeps the edit and takes the summary away', async () => {
    const b = account();
    const { store, user } = renderApp(b.design);
    await analysed(store);
    const d = store.getState().design;
    FakeWorker.real = false;
    act(() => store.getState().apply(addTrustPrincipal, idOf(d, 'prod-admin'), idOf(d, 'Deploy')));
    const edited = store.getState().design;
    const summary = screen.getByRole('region', { name: 'What this edit changes' });
    expect(within(summary).getByText('Working out what this edit changes…')).toBeTruthy();
    await user.click(within(summary).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'What this edit changes' })).toBeNull(),
    );
    expect(store.getState().design).toBe(edited);
  });

  it('says so when an edit changes no access, and starts nothing for a move', async () => {
    const b = account();
    const { store } = renderApp(b.design);
    await analysed(store);
    const sent = FakeWorker.made[0]!.sent.length;
    act(() =>
      store.getState().apply((d) => ({ ...d, layout: { ...d.layout, x: { x: 5, y: 5 } } })),
    );
    expect(screen.queryByRole('region', { name: 'What this edit changes' })).toBeNull();
    expect(FakeWorker.made[0]!.sent.length).toBe(sent);
    const deploy = idOf(store.getState().design, 'Deploy');
    // The same principal once more in the trust: a new text, the same access.
    act(() =>
      store.getState().apply((d) => ({
        ...d,
        roles: d.roles.map((r) =>
          r.id === deploy ? { ...r, trustPolicy: `${r.trustPolicy}\n` } : r,
        ),
      })),
    );
    const summary = screen.getByRole('region', { name: 'What this edit changes' });
    expect(
      await within(summary).findByText('This edit changes no access, escalation or finding.'),
    ).toBeTruthy();
  });
});
