// `rolecraft validate` reports the same policy checks as the editor, from the engine's validator.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'rolecraft-validate-'));
const bin = resolve(__dirname, '..', '..', 'bin', 'rolecraft.mjs');

function validate(name: string, policy: unknown, type: string) {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(policy, null, 2));
  const child = spawnSync(
    process.execPath,
    [bin, 'validate', file, '--type', type, '--no-catalog'],
    {
      encoding: 'utf8',
    },
  );
  return { status: child.status, lines: child.stdout.trim().split('\n'), file };
}

describe('rolecraft validate', () => {
  it('flags a GitHub Actions trust that pins only the audience', () => {
    const { status, lines, file } = validate(
      'aud-only.json',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: {
              Federated:
                'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
            },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            },
          },
        ],
      },
      'trust',
    );
    expect(lines).toEqual([
      `${file}:4:5: security warning missing-subject-condition: any repository on GitHub Actions could assume this role: the statement has no condition on \`token.actions.githubusercontent.com:sub\` (such as \`repo:OWNER/REPO:ref:refs/heads/main\`)`,
      `${file}: valid trust policy (0 errors, 1 warning)`,
    ]);
    expect(status).toBe(0);
  }, 60_000);

  it('flags iam:PassRole on every role', () => {
    const { lines } = validate(
      'pass-role.json',
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
      },
      'identity',
    );
    expect(lines[0]).toContain('security warning pass-role-with-star-in-resource');
  }, 60_000);
});
