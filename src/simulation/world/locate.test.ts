import { describe, expect, it } from 'vitest';
import { sampleDesign, type Design } from '../../model';
import { designToWorld } from './design-world';
import { locateCheck } from './locate';

const DEVELOPER = 'arn:aws:iam::111111111111:role/Developer';
const ALICE = 'arn:aws:iam::111111111111:user/alice';

/** The sample design with Developer trusting two principals, one statement each. */
function twoStatementTrust(): Design {
  const design = sampleDesign();
  const trust = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Alice', Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' },
        {
          Sid: 'Bob',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:user/bob' },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    null,
    2,
  );
  return {
    ...design,
    roles: design.roles.map((r) => (r.id === 'role-developer' ? { ...r, trustPolicy: trust } : r)),
  };
}

describe('locateCheck picks out text', () => {
  const { sources } = designToWorld(twoStatementTrust());
  const subject = { roleArn: DEVELOPER, identityArn: ALICE };
  const cases = [
    { name: 'a named statement: that statement', statement: 1, first: 'Bob', last: 'Bob' },
    {
      name: 'no statement: first to last statement',
      statement: undefined,
      first: 'Alice',
      last: 'Bob',
    },
  ];
  it.each(cases)('$name', ({ statement, first, last }) => {
    const focus = locateCheck(
      { type: 'trust', ...(statement === undefined ? {} : { statement }) },
      subject,
      sources,
    )!;
    expect(focus).toMatchObject({ entityId: 'role-developer', slot: { kind: 'trust' } });
    expect(focus.statementIndex).toBe(statement);
    const picked = focus.text.slice(focus.range!.start, focus.range!.end);
    expect(picked.startsWith('{')).toBe(true);
    expect(picked.endsWith('}')).toBe(true);
    expect(picked.indexOf(`"Sid": "${first}"`)).toBeGreaterThan(0);
    expect(picked.lastIndexOf(`"Sid": "${last}"`)).toBeGreaterThan(0);
    expect(picked.includes('"Version"')).toBe(false);
    const lines = focus.text.split('\n');
    expect(lines[focus.range!.startLine - 1]?.trim()).toBe('{');
  });

  it('a policy the design does not hold has nothing to pick out', () => {
    expect(locateCheck({ type: 'trust' }, { roleArn: 'arn:aws:iam::1:role/None' }, sources)).toBe(
      undefined,
    );
  });
});
