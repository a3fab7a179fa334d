// @vitest-environment happy-dom
// The simulation panel's forms, used as a person does, against a fresh design store and a
// simulation built on it: each case asserts what the simulator recorded (sessions, events).
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renameEntity, sampleDesign, setTrustCondition, trustConditionKeys } from '../model';
import { createRolecraftStore, RolecraftProvider } from '../store';
import { SimulationProvider } from './hooks/SimulationProvider';
import { createSimulationStore } from './state/simulation-store';
import SimulationPanel from './SimulationPanel';

afterEach(cleanup);

function renderPanel() {
  const design = createRolecraftStore(sampleDesign());
  const simulation = createSimulationStore(design);
  render(
    <RolecraftProvider store={design}>
      <SimulationProvider store={simulation}>
        <SimulationPanel />
      </SimulationProvider>
    </RolecraftProvider>,
  );
  const user = userEvent.setup();
  const assumeForm = () => screen.getByRole('form', { name: 'Assume a role' });
  const callForm = () => screen.getByRole('form', { name: 'Make a call with a session' });
  const events = () => simulation.getState().events.map((e) => [e.eventName, e.errorCode ?? 'OK']);
  const sessions = () => simulation.getState().sessions;
  /** Opens a picker and clicks the option of that name, as a person does. */
  const pick = async (field: HTMLElement, name: RegExp | string) => {
    await user.click(field);
    await user.click(screen.getByRole('option', { name }));
  };
  /** Fills the Assume role form: pick options by their visible text, type into fields. */
  const assume = async (fields: {
    caller?: RegExp;
    role?: string;
    type?: Record<string, string>;
  }) => {
    const form = assumeForm();
    if (fields.caller) await pick(within(form).getByLabelText('Caller'), fields.caller);
    if (fields.role) await pick(within(form).getByLabelText('Role'), fields.role);
    for (const [label, text] of Object.entries(fields.type ?? {})) {
      const input = within(form).getByLabelText(label);
      await user.clear(input);
      if (text) await user.type(input, text);
    }
    await user.click(within(form).getByRole('button', { name: 'Assume role' }));
  };
  return { design, simulation, user, assumeForm, callForm, events, sessions, assume, pick };
}

describe('Assume role', () => {
  it('issues a session with the session name and duration typed in the form', async () => {
    const { sessions, events, assume } = renderPanel();
    await assume({
      role: 'Developer (Development)',
      type: { 'Session name': 'alice-review', 'Duration (seconds)': '900' },
    });
    expect(events()).toEqual([['AssumeRole', 'OK']]);
    const [session] = sessions();
    expect(session?.assumedRoleArn).toBe(
      'arn:aws:sts::111111111111:assumed-role/Developer/alice-review',
    );
    expect(session && session.expiration - session.issuedAt).toBe(900_000);
    expect(session?.mfaAuthenticatedAt).toBeDefined();
  });

  it('is refused when the caller does not sign with MFA, and the checks say where', async () => {
    const { sessions, events, assumeForm, user } = renderPanel();
    await user.click(within(assumeForm()).getByRole('checkbox', { name: 'Sign with MFA' }));
    expect(within(assumeForm()).queryByLabelText('MFA code')).toBeNull();
    await user.click(within(assumeForm()).getByRole('button', { name: 'Assume role' }));
    expect(events()).toEqual([['AssumeRole', 'AccessDenied']]);
    expect(sessions()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Skip animation' }));
    const checks = screen.getByRole('list', { name: 'Checks' });
    expect(within(checks.parentElement as HTMLElement).getByRole('status').textContent).toMatch(
      /AccessDenied/,
    );
  });

  it('chains from a live session to Deploy only with the agreed ExternalId', async () => {
    const { sessions, events, assume, assumeForm } = renderPanel();
    await assume({ role: 'Developer (Development)' });
    await assume({
      caller: /^Developer\/alice/,
      role: 'Deploy (Production)',
      type: { ExternalId: 'not-agreed' },
    });
    expect(events()).toEqual([
      ['AssumeRole', 'OK'],
      ['AssumeRole', 'AccessDenied'],
    ]);
    await assume({ caller: /^Developer\/alice/, type: { ExternalId: 'rolecraft-deploy' } });
    expect(events().at(-1)).toEqual(['AssumeRole', 'OK']);
    // Untouched, the form starts with the ExternalId the trust asks for, and succeeds.
    await assume({ caller: /^Developer\/alice/, role: 'Developer (Development)' });
    await assume({ caller: /^Developer\/alice/, role: 'Deploy (Production)' });
    expect(within(assumeForm()).getByLabelText('ExternalId')).toHaveProperty(
      'value',
      'rolecraft-deploy',
    );
    expect(events().at(-1)).toEqual(['AssumeRole', 'OK']);
    const deploy = sessions().find((s) => s.roleArn === 'arn:aws:iam::222222222222:role/Deploy');
    expect(deploy?.chained).toBe(true);
  });

  it('passes the aws:SourceAccount typed for a service caller to the trust condition', async () => {
    const { assume, events, sessions } = renderPanel();
    await assume({
      caller: /lambda\.amazonaws\.com/,
      role: 'OrdersFunctionRole (Production)',
      type: { 'aws:SourceAccount': '999999999999' },
    });
    expect(events()).toEqual([['AssumeRole', 'AccessDenied']]);
    await assume({ type: { 'aws:SourceAccount': '222222222222' } });
    expect(events().at(-1)).toEqual(['AssumeRole', 'OK']);
    expect(sessions()[0]?.roleArn).toBe(
      'arn:aws:iam::222222222222:role/service-role/OrdersFunctionRole',
    );
  });
  it('re-derives its untouched defaults when the design changes under the open form', async () => {
    const { design, assumeForm, assume, events } = renderPanel();
    const field = (label: string) => within(assumeForm()).getByLabelText(label);
    expect(field('Session name')).toHaveProperty('value', 'alice');
    expect(field('ExternalId')).toHaveProperty('value', '');
    // The trust now asks for an ExternalId, and alice is renamed: the form follows both.
    design.getState().apply(setTrustCondition, {
      roleId: 'role-developer',
      principal: { type: 'AWS', value: 'arn:aws:iam::111111111111:user/alice' },
      field: trustConditionKeys.externalId,
      value: 'fresh-id',
    });
    design.getState().apply(renameEntity, { id: 'user-alice', name: 'alicia' });
    await screen.findByDisplayValue('fresh-id');
    expect(field('Session name')).toHaveProperty('value', 'alicia');
    await assume({});
    expect(events()).toEqual([['AssumeRole', 'OK']]);
  });
});

describe('Make a call', () => {
  it('calls with a Deploy session and reads the artifacts bucket', async () => {
    const { events, assume, callForm, user, pick } = renderPanel();
    await assume({ role: 'Developer (Development)' });
    await assume({
      caller: /^Developer\/alice/,
      role: 'Deploy (Production)',
      type: { ExternalId: 'rolecraft-deploy' },
    });
    // The tabs work from the keyboard, as a tablist does.
    screen.getByRole('tab', { name: 'Assume role' }).focus();
    await user.keyboard('{ArrowRight}');
    const callTab = screen.getByRole('tab', { name: 'Make a call' });
    expect(callTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(callTab);
    const form = callForm();
    await pick(within(form).getByLabelText('Session or user'), /^Deploy\//);
    await user.clear(within(form).getByLabelText('Action'));
    await user.type(within(form).getByLabelText('Action'), 's3:GetObject');
    await user.type(
      within(form).getByLabelText('Resource ARN'),
      'arn:aws:s3:::prod-artifacts/build.zip',
    );
    await user.click(within(form).getByRole('button', { name: 'Make a call' }));
    expect(events().at(-1)).toEqual(['GetObject', 'OK']);
  });

  it('calls as a user with long-term keys, refused where no policy allows it', async () => {
    const { events, simulation, callForm, user, pick } = renderPanel();
    await user.click(screen.getByRole('tab', { name: 'Make a call' }));
    const form = callForm();
    await pick(within(form).getByLabelText('Session or user'), 'alice (user)');
    await user.clear(within(form).getByLabelText('Action'));
    await user.type(within(form).getByLabelText('Action'), 's3:DeleteBucket');
    await user.type(within(form).getByLabelText('Resource ARN'), 'arn:aws:s3:::prod-artifacts');
    await user.click(within(form).getByRole('button', { name: 'Make a call' }));
    expect(events()).toEqual([['DeleteBucket', 'AccessDenied']]);
    expect(simulation.getState().events[0]?.userIdentity.arn).toBe(
      'arn:aws:iam::111111111111:user/alice',
    );
  });
});

describe('the event log', () => {
  it('counts the calls in its tab and lists them', async () => {
    const { assume, user } = renderPanel();
    expect(screen.getByRole('tab', { name: 'Event log' })).toBeTruthy();
    await assume({ role: 'Developer (Development)' });
    await user.click(screen.getByRole('tab', { name: 'Event log (1)' }));
    const log = screen.getByRole('tabpanel', { name: 'Event log (1)' });
    expect(within(log).getByText('1 record')).toBeTruthy();
    expect(within(log).getAllByText('AssumeRole').length).toBeGreaterThan(0);
  });
});
