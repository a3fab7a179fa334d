import { describe, expect, it } from 'vitest';
import { canCall } from './access';
import { GRANTS_POLICY_NAME, allowAction } from './grant';
import { sequentialIds } from './ids';
import { fixtureDesign, trustText } from './test-fixtures';
import type { Design, InlinePolicy } from './types';

const ops = (design: Design) => design.roles.find((r) => r.id === 'ops')!;
const grants = (design: Design) =>
  ops(design).policies.find(
    (p): p is InlinePolicy => p.attachment === 'inline' && p.name === GRANTS_POLICY_NAME,
  );
const object = 'arn:aws:s3:::acme-build-logs/build-881.log';

describe('allowAction', () => {
  const design = fixtureDesign(
    trustText({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }),
  );

  it('gives a role the call: denied before, allowed after, in one inline policy', () => {
    expect(
      canCall(design, { source: 'ops', action: 's3:GetObject', resource: object }).status,
    ).toBe('denied');
    const ids = sequentialIds();
    let next = allowAction(
      design,
      { entityId: 'ops', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-build-logs/*' },
      ids,
    );
    expect(canCall(next, { source: 'ops', action: 's3:GetObject', resource: object }).status).toBe(
      'allowed',
    );
    next = allowAction(next, { entityId: 'ops', action: 's3:PutObject', resource: object }, ids);
    expect(canCall(next, { source: 'ops', action: 's3:PutObject', resource: object }).status).toBe(
      'allowed',
    );
    expect(JSON.parse(grants(next)!.text).Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-build-logs/*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: object },
    ]);
    expect(
      ops(next).policies.filter((p) => p.attachment === 'inline' && p.name === GRANTS_POLICY_NAME),
    ).toHaveLength(1);
  });

  it.each([
    ['the same grant again', { entityId: 'ops', action: 's3:GetObject', resource: object }],
    ['an empty action', { entityId: 'ops', action: ' ', resource: object }],
    [
      'a node that holds no policies',
      { entityId: 'lambda', action: 's3:GetObject', resource: object },
    ],
  ])('changes nothing for %s', (_, grant) => {
    const once = allowAction(design, { entityId: 'ops', action: 's3:GetObject', resource: object });
    expect(allowAction(once, grant)).toBe(once);
  });
});
