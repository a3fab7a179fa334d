import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  ADMIN_DOC,
  allow,
  arn,
  build,
  doc,
  trustStatement,
  type AccountBuilder,
} from './test-accounts';
import { sameAccessInputs } from '../model';
import { whatIf, whatIfLines } from './what-if';

const name = (a: string) => a.slice(a.lastIndexOf('/') + 1);
const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
const assumeAny = doc(allow('sts:AssumeRole'));

interface Case {
  edit: string;
  /** The design, before (`false`) or after (`true`) the edit. */
  design: (b: AccountBuilder, after: boolean) => void;
  lines: string[];
}

/** Deploy (a role alice can assume) and prod-admin (an admin role), trusting whom the case says. */
function deployAndAdmin(b: AccountBuilder, adminTrusts: Record<string, unknown>[]) {
  b.user('alice', [assumeAny]);
  b.role('Deploy', [trustStatement({ AWS: arn('user', 'alice') })], [assumeAny]);
  b.role('prod-admin', adminTrusts, [ADMIN_DOC]);
}

const cases: Case[] = [
  {
    edit: 'a trust edge from Deploy to prod-admin',
    design: (b, after) =>
      deployAndAdmin(b, after ? [trustStatement({ AWS: arn('role', 'Deploy') })] : []),
    lines: [
      // In the analysis's order: by ARN (roles before users).
      'adds: Deploy can now reach prod-admin',
      'adds: alice can now reach prod-admin',
      'adds: Deploy can escalate to prod-admin',
      'adds: alice can escalate to prod-admin',
      // alice, a person, reaches the admin role through Deploy with no MFA on any hop.
      'adds: finding admin-assumable-without-mfa on prod-admin',
      // prod-admin had no trust at all before.
      'removes: finding role-unassumable on prod-admin',
    ],
  },
  {
    edit: 'deleting that trust edge',
    design: (b, after) =>
      deployAndAdmin(b, after ? [] : [trustStatement({ AWS: arn('role', 'Deploy') })]),
    lines: [
      'adds: finding role-unassumable on prod-admin',
      'removes: Deploy can no longer reach prod-admin',
      'removes: alice can no longer reach prod-admin',
      'removes: Deploy can no longer escalate to prod-admin',
      'removes: alice can no longer escalate to prod-admin',
      'removes: finding admin-assumable-without-mfa on prod-admin',
    ],
  },
  {
    edit: 'an MFA condition on the trust',
    design: (b, after) =>
      deployAndAdmin(b, [
        trustStatement({ AWS: arn('role', 'Deploy') }, 'sts:AssumeRole', after ? MFA : undefined),
      ]),
    lines: [
      'changes: Deploy reaches prod-admin if MFA (was with no condition)',
      'changes: alice reaches prod-admin if MFA (was with no condition)',
      // The chain's last hop now needs MFA: no longer assumable without it.
      'removes: finding admin-assumable-without-mfa on prod-admin',
    ],
  },
  {
    edit: 'a policy that makes Deploy admin',
    design: (b, after) => {
      b.user('alice', [assumeAny]);
      b.role(
        'Deploy',
        [trustStatement({ AWS: arn('user', 'alice') })],
        [after ? ADMIN_DOC : doc(allow('s3:GetObject'))],
      );
    },
    lines: [
      'adds: Deploy is now admin',
      'adds: alice can escalate to Deploy',
      // alice, a person, assumes an admin role with no MFA.
      'adds: finding admin-assumable-without-mfa on Deploy',
      'adds: finding passrole-unrestricted on Deploy',
    ],
  },
  {
    edit: 'a trust that lets anyone in',
    design: (b, after) => {
      b.role('Open', [trustStatement({ AWS: after ? '*' : `arn:aws:iam::${ACCOUNT}:root` })]);
    },
    lines: ['adds: finding trust-allows-anyone on Open'],
  },
  {
    edit: 'a change that touches no access (the account renamed)',
    design: (b, after) => {
      if (after) b.account.name = 'production';
      b.user('alice', [assumeAny]);
      b.role('Deploy', [trustStatement({ AWS: arn('user', 'alice') })]);
    },
    lines: [],
  },
];

describe('whatIf', () => {
  it.each(cases)('$edit', ({ design, lines }) => {
    const before = build((b) => design(b, false)).analyze();
    const after = build((b) => design(b, true)).analyze();
    const w = whatIf(before, after);
    expect(whatIfLines(w, name).map((l) => `${l.change}: ${l.text}`)).toEqual(lines);
  });

  it('is the same analysis read the other way round when the versions swap', () => {
    const before = build((b) => deployAndAdmin(b, [])).analyze();
    const after = build((b) =>
      deployAndAdmin(b, [trustStatement({ AWS: arn('role', 'Deploy') })]),
    ).analyze();
    const forward = whatIf(before, after);
    const back = whatIf(after, before);
    expect(back.reachability.added).toEqual(forward.reachability.removed);
    expect(back.reachability.removed).toEqual(forward.reachability.added);
    expect(back.escalations.removed).toEqual(forward.escalations.added);
    expect(back.findings.added).toEqual(forward.findings.removed);
  });

  it('names the node each line is about, to select it', () => {
    const b1 = build((b) => deployAndAdmin(b, []));
    const b2 = build((b) => deployAndAdmin(b, [trustStatement({ AWS: arn('role', 'Deploy') })]));
    const lines = whatIfLines(whatIf(b1.analyze(), b2.analyze()), name);
    const alice = b2.design.users.find((u) => u.name === 'alice')!;
    const deploy = b2.design.roles.find((r) => r.name === 'Deploy')!;
    expect(lines.find((l) => l.text === 'alice can now reach prod-admin')?.subjectId).toBe(
      alice.id,
    );
    expect(lines.find((l) => l.text === 'Deploy can now reach prod-admin')?.subjectId).toBe(
      deploy.id,
    );
  });
});

describe('sameAccessInputs', () => {
  it('holds across a move and a rename of the design, not across a policy edit', () => {
    const b = build((x) => void x.user('alice', [assumeAny]));
    const d = b.design;
    expect(sameAccessInputs(d, { ...d, layout: { x: { x: 1, y: 2 } }, name: 'other' })).toBe(true);
    expect(sameAccessInputs(d, { ...d, users: d.users.map((u) => ({ ...u })) })).toBe(false);
    expect(sameAccessInputs(d, { ...d, roles: [...d.roles] })).toBe(false);
  });
});
