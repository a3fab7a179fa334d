import { describe, expect, it } from 'vitest';
import { StsSimulator } from '../../sts/index.ts';
import { sampleDesign } from '../../model';
import { designToWorld } from '../world/design-world';
import { callerChoice, callerDefaults, callerOptions, designRoles } from './caller-options';

const design = sampleDesign();
const roles = designRoles(design);
const role = (name: string) => roles.find((r) => r.label.startsWith(`${name} (`));

function liveSession() {
  const sim = new StsSimulator({ world: designToWorld(design).world });
  const result = sim.assume({
    by: { principal: 'arn:aws:iam::111111111111:user/alice' },
    roleArn: 'arn:aws:iam::111111111111:role/Developer',
    params: {
      RoleSessionName: 'alice',
      SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
      TokenCode: '123456',
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.session;
}

describe('callerOptions', () => {
  it('lists users, services and identity providers of the design, then live sessions', () => {
    const session = liveSession();
    const options = callerOptions(design, [session], new Set());
    expect(options.map((o) => [o.kind, o.label])).toEqual([
      ['user', 'alice (user in Development)'],
      ['service', 'lambda.amazonaws.com (service)'],
      ['federated', 'GitHub Actions (OIDC identity)'],
      ['session', `Developer/alice (ASIA…${session.accessKeyId.slice(-4)})`],
    ]);
    expect(callerOptions(design, [session], new Set([session.accessKeyId]))[3]?.label).toMatch(
      /, expired\)$/,
    );
  });
});

describe('callerDefaults', () => {
  const [alice, lambda, github] = callerOptions(design, [], new Set());

  it('signs a user who has MFA with a device of their own', () => {
    expect(callerDefaults(design, alice, role('Developer')).form).toEqual({
      sessionName: 'alice',
      externalId: '',
      mfa: true,
      serialNumber: 'arn:aws:iam::111111111111:mfa/alice',
      tokenCode: '123456',
    });
  });

  it('names a service session after the service and fills a federated token from the trust policy', () => {
    expect(callerDefaults(design, lambda, role('OrdersFunctionRole')).form.sessionName).toBe(
      'lambda',
    );
    expect(callerDefaults(design, github, role('GitHubDeploy')).claims).toEqual([
      { key: 'token.actions.githubusercontent.com:aud', value: 'sts.amazonaws.com' },
      {
        key: 'token.actions.githubusercontent.com:sub',
        value: 'repo:example-org/app:ref:refs/heads/main',
      },
    ]);
  });

  it('takes what the trust asks of the caller: ExternalId, aws:SourceAccount', () => {
    const roleArn = role('Developer')!.arn;
    const session = {
      kind: 'session' as const,
      key: 'session:ASIAEXAMPLE',
      label: 'Developer/alice',
      accessKeyId: 'ASIAEXAMPLE',
      roleArn,
    };
    expect(callerDefaults(design, session, role('Deploy')).form.externalId).toBe(
      'rolecraft-deploy',
    );
    expect(callerDefaults(design, lambda, role('OrdersFunctionRole')).service).toEqual({
      sourceAccount: '222222222222',
      sourceArn: '',
    });
  });

  it('names web identity sessions as their callers do', () => {
    expect(callerDefaults(design, github, role('GitHubDeploy')).form.sessionName).toBe(
      'GitHubActions',
    );
  });

  it('turns an option into the caller the simulator takes', () => {
    expect(callerChoice(lambda!, { sourceAccount: '222222222222', sourceArn: '' }, [])).toEqual({
      kind: 'service',
      entityId: 'service-lambda',
      service: 'lambda.amazonaws.com',
      sourceAccount: '222222222222',
      sourceArn: '',
    });
    expect(
      callerChoice(github!, { sourceAccount: '', sourceArn: '' }, [{ key: 'a', value: 'b' }]),
    ).toMatchObject({
      kind: 'federated',
      federated: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
      claims: [{ key: 'a', value: 'b' }],
    });
  });
});
