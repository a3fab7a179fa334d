import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { iamCatalogue } from '../catalogue/catalogue';
import { createDiagnoser } from './diagnose';
import { loadQuickFixData, quickFixes, type QuickFix } from './quick-fixes';
import { design } from './test-support';
import type { PolicyType } from './types';

const diagnoser = createDiagnoser(iamCatalogue);

function applyFix(text: string, fix: QuickFix): string {
  return [...fix.edits]
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

async function fixesAt(text: string, needle: string, type: PolicyType) {
  const diagnostics = await diagnoser.diagnose(text, type);
  const at = text.indexOf(needle);
  return quickFixes(
    text,
    diagnostics,
    { start: at, end: at },
    { policyType: type, catalogue: iamCatalogue, entities: () => design },
  );
}

describe('quick fixes', () => {
  it('adds the missing Version first, in the text’s own indentation', async () => {
    const text =
      '{\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}\n  ]\n}';
    const [fix] = await fixesAt(text, 'Statement', 'identity');
    expect(fix?.title).toBe('Add "Version": "2012-10-17"');
    const fixed = applyFix(text, fix!);
    expect(fixed.startsWith('{\n  "Version": "2012-10-17",\n  "Statement"')).toBe(true);
    expect((await diagnoser.diagnose(fixed, 'identity')).map((d) => d.code)).not.toContain(
      'missing-version',
    );
  });

  it.each([
    ['sts:AssumeRol', 'sts:AssumeRole'],
    ['s3:GetObejct', 's3:GetObject'],
    ['iam:PassRoel', 'iam:PassRole'],
  ])('replaces unknown action %s with %s', async (typo, fixed) => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "${typo}", "Resource": "*"}]}`;
    const fixes = await fixesAt(text, typo, 'identity');
    const fix = fixes.find((f) => f.diagnostic.code === 'unknown-action');
    expect(fix?.title).toBe(`Replace with \`${fixed}\``);
    expect(parse(applyFix(text, fix!)).Statement[0].Action).toBe(fixed);
  });

  it('replaces an unknown service prefix, keeping the action', async () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s4:GetObject", "Resource": "*"}]}';
    const fixes = await fixesAt(text, 's4:', 'identity');
    expect(fixes.map((f) => f.title)).toContain('Replace with `s3:GetObject`');
  });

  it('offers nothing for an action too far from any known one', async () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:Frobnicate", "Resource": "*"}]}';
    const fixes = await fixesAt(text, 'Frobnicate', 'identity');
    expect(fixes.filter((f) => f.diagnostic.code === 'unknown-action')).toEqual([]);
  });

  it('adds an aud condition to a GitHub OIDC trust, next to its sub condition', async () => {
    const text = JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: {
              Federated:
                'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com',
            },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main',
              },
            },
          },
        ],
      },
      null,
      2,
    );
    const fixes = await fixesAt(text, 'oidc-provider', 'trust');
    const fix = fixes.find((f) => f.diagnostic.code === 'missing-audience-condition');
    expect(fix?.title).toBe(
      'Add condition `token.actions.githubusercontent.com:aud` = `sts.amazonaws.com`',
    );
    const fixed = applyFix(text, fix!);
    expect(parse(fixed).Statement[0].Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main',
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      },
    });
    expect((await diagnoser.diagnose(fixed, 'trust')).map((d) => d.code)).not.toContain(
      'missing-audience-condition',
    );
  });

  it('adds a Condition element when the statement has none, with the design provider’s audience', async () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/example.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}';
    const diagnostics = await diagnoser.diagnose(text, 'trust');
    const entities = [
      {
        kind: 'identity-provider' as const,
        name: 'Example',
        arn: 'arn:aws:iam::1:oidc-provider/example.com',
        audiences: ['my-client'],
      },
    ];
    const at = text.indexOf('example.com');
    const [fix] = await quickFixes(
      text,
      diagnostics,
      { start: at, end: at },
      { policyType: 'trust', catalogue: iamCatalogue, entities: () => entities },
    );
    expect(parse(applyFix(text, fix!)).Statement[0].Condition).toEqual({
      StringEquals: { 'example.com:aud': 'my-client' },
    });
  });
});

describe('loadQuickFixData', () => {
  it('loads what the fixes read, so that asking for them afterwards waits on no load', async () => {
    const asked: string[] = [];
    const counting = {
      services: () => (asked.push('services'), iamCatalogue.services()),
      service: (key: string) => (asked.push(key), iamCatalogue.service(key)),
    };
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRol", "s4:GetObject", "ec2:RunInstances"], "Resource": "*"}]}';
    const diagnostics = await diagnoser.diagnose(text, 'identity');
    await loadQuickFixData(text, diagnostics, counting);
    // The unknown action's service and the service list for the unknown service; nothing for
    // an action that is fine.
    expect(asked.sort()).toEqual(['services', 'sts']);
    asked.length = 0;
    let settled = false;
    const fixes = quickFixes(
      text,
      diagnostics,
      { start: 0, end: text.length },
      {
        policyType: 'identity',
        catalogue: counting,
        entities: () => design,
      },
    ).then((found) => ((settled = true), found));
    // Everything is loaded: the fixes settle within the microtasks of this turn.
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    for (let i = 0; i < 20 && !settled; i++) await Promise.resolve();
    expect(settled).toBe(true);
    expect((await fixes).map((f) => f.title)).toEqual(
      expect.arrayContaining(['Replace with `sts:AssumeRole`']),
    );
  });
});
