import { describe, expect, it } from 'vitest';
import { StsSimulator, type SessionRecord } from '../../sts/index.ts';
import { makePolicy, sampleDesign, type Design } from '../../model';
import { designToWorld } from '../world/design-world';
import { callSteps, LAYER_ORDER } from './call-steps';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const DEVELOPER = 'arn:aws:iam::111111111111:role/Developer';
const DEPLOY = 'arn:aws:iam::222222222222:role/Deploy';
const OBJECT = 'arn:aws:s3:::prod-artifacts/build.zip';
const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** The sample with Deploy's account under an SCP that denies deleting objects. */
function withScp(): Design {
  const design = sampleDesign();
  return {
    ...design,
    accounts: design.accounts.map((a) =>
      a.id === 'acct-prod'
        ? {
            ...a,
            organization: [
              {
                id: 'root',
                name: 'Root',
                kind: 'root',
                scps: [
                  {
                    id: 'full',
                    name: 'FullAWSAccess',
                    text: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
                  },
                ],
                rcps: [],
              },
              {
                id: 'prod-level',
                name: 'Production',
                kind: 'account',
                scps: [
                  makePolicy({
                    id: 'deny-delete',
                    name: 'NoDelete',
                    text: doc({
                      Sid: 'NoDelete',
                      Effect: 'Deny',
                      Action: 's3:DeleteObject',
                      Resource: '*',
                    }),
                  }),
                  makePolicy({
                    id: 'full2',
                    name: 'FullAWSAccess',
                    text: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
                  }),
                ],
                rcps: [],
              },
            ],
          }
        : a,
    ),
  };
}

function deploySession(design: Design): { sim: StsSimulator; session: SessionRecord } {
  const sim = new StsSimulator({ world: designToWorld(design).world });
  const dev = sim.assume({
    by: { principal: ALICE },
    roleArn: DEVELOPER,
    params: {
      RoleSessionName: 'alice',
      SerialNumber: 'arn:aws:iam::111111111111:mfa/alice',
      TokenCode: '123456',
    },
  });
  if (!dev.ok) throw new Error(dev.error.message);
  const deploy = sim.assume({
    by: { accessKeyId: dev.session.accessKeyId },
    roleArn: DEPLOY,
    params: { RoleSessionName: 'deploy', ExternalId: 'rolecraft-deploy' },
  });
  if (!deploy.ok) throw new Error(deploy.error.message);
  return { sim, session: deploy.session };
}

const names = (action: string) => ({ session: 'Deploy/deploy', action, resource: OBJECT });

describe('callSteps', () => {
  it('walks SCP, RCP, resource, identity, boundary and session policy, then the decisive statement', () => {
    const { sim, session } = deploySession(withScp());
    const result = sim.call(
      { accessKeyId: session.accessKeyId },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::prod-artifacts' },
    );
    const steps = callSteps(result, names('s3:GetObject'));
    expect(steps.map((s) => s.id)).toEqual([
      'travel:request',
      ...LAYER_ORDER.map((k) => `layer:${k}`),
      'outcome',
    ]);
    expect(steps.map((s) => s.tone)).toEqual([
      'neutral',
      'pass',
      'skip',
      'neutral',
      'pass',
      'skip',
      'skip',
      'pass',
    ]);
    const outcome = steps[steps.length - 1];
    expect(outcome).toMatchObject({
      label: 'Allowed',
      tone: 'pass',
      reference: { call: { kind: 'identity', statementIndex: 0 } },
    });
  });

  it('turns the denying layer red and points at its statement', () => {
    const { sim, session } = deploySession(withScp());
    const result = sim.call(
      { accessKeyId: session.accessKeyId },
      { action: 's3:DeleteObject', resource: OBJECT },
    );
    const steps = callSteps(result, names('s3:DeleteObject'));
    const scp = steps.find((s) => s.id === 'layer:scp');
    expect(scp).toMatchObject({
      tone: 'fail',
      reference: {
        call: { kind: 'scp', level: 1, policyIndex: 0, statementIndex: 0, sid: 'NoDelete' },
      },
    });
    expect(scp?.reason).toContain('explicitly denies `s3:DeleteObject`');
    expect(steps[steps.length - 1]).toMatchObject({
      label: 'Explicitly denied',
      tone: 'fail',
      decidedBy: 'layer:scp',
    });
  });

  it('names the layer that denied implicitly', () => {
    const { sim, session } = deploySession(sampleDesign());
    const result = sim.call(
      { accessKeyId: session.accessKeyId },
      { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:222222222222:q' },
    );
    const steps = callSteps(result, names('sqs:SendMessage'));
    expect(steps.find((s) => s.id === 'layer:identity')).toMatchObject({ tone: 'fail' });
    expect(steps[steps.length - 1]).toMatchObject({
      label: 'Implicitly denied',
      decidedBy: 'layer:identity',
    });
  });

  it('fails an expired session at its credentials, with no layer evaluated', () => {
    const { sim, session } = deploySession(sampleDesign());
    sim.clock.advance(3600);
    const result = sim.call(
      { accessKeyId: session.accessKeyId },
      { action: 's3:GetObject', resource: OBJECT },
    );
    const steps = callSteps(result, names('s3:GetObject'));
    expect(steps.map((s) => `${s.id}:${s.tone}`)).toEqual([
      'travel:request:neutral',
      'check:credentials:fail',
      'outcome:fail',
    ]);
    expect(steps[2]?.label).toBe('ExpiredToken');
  });
});
