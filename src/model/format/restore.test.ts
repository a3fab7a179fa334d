import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../sample';
import { FORMAT_VERSION } from '../types';
import { migrate } from './migrations';
import { restore, restoreDesign, toDesignFile } from './restore';

const file = (design: unknown, extra: object = {}) => ({
  format: 'rolecraft',
  formatVersion: FORMAT_VERSION,
  design,
  ...extra,
});
const sample = () => JSON.parse(JSON.stringify(sampleDesign()));

describe('restore', () => {
  it('gives back a saved design unchanged', () => {
    const saved = JSON.parse(JSON.stringify(toDesignFile(sampleDesign())));
    expect(restore(saved)).toEqual({ ok: true, design: sampleDesign() });
  });

  it('fills defaults and normalises', () => {
    const result = restore(
      file({
        id: 'd',
        accounts: [{ id: 'a', awsAccountId: '123456789012' }],
        roles: [
          {
            id: 'r',
            account: 'a',
            name: 'R',
            path: 'x/y',
            trustPolicy: { Version: '2012-10-17', Statement: [] },
          },
        ],
        layout: { r: { x: 1, y: 2 }, ghost: { x: 0, y: 0 } },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const role = result.design.roles[0]!;
    expect(role.path).toBe('/x/y/');
    expect(role.trustPolicy).toBe('{\n  "Version": "2012-10-17",\n  "Statement": []\n}');
    expect(role.maxSessionDuration).toBe(3600);
    expect(result.design.accounts[0]!.name).toBe('Account 123456789012');
    expect(result.design.name).toBe('Untitled design');
    expect(result.design.layout).toEqual({ r: { x: 1, y: 2 } });
    expect(result.design.users).toEqual([]);
  });

  it('re-keys drafts and drops drafts of missing entities', () => {
    const design = sample();
    design.drafts = {
      whatever: { entityId: 'role-deploy', slot: { kind: 'trust' }, text: '{' },
      gone: { entityId: 'nobody', slot: { kind: 'trust' }, text: '{' },
    };
    const result = restore(file(design));
    expect(result.ok && result.design.drafts).toEqual({
      'role-deploy#trust': { entityId: 'role-deploy', slot: { kind: 'trust' }, text: '{' },
    });
  });

  const broken: [string, unknown, string][] = [
    ['not an object', [], 'not a Rolecraft design file: expected a JSON object, got `[]`'],
    ['no format', { design: {} }, 'not a Rolecraft design file: `format` is missing'],
    [
      'another format',
      { format: 'drawio' },
      'not a Rolecraft design file: `format` is `"drawio"`, expected `rolecraft`',
    ],
    [
      'a future version',
      file(sampleDesign(), { formatVersion: FORMAT_VERSION + 1 }),
      `\`formatVersion\` ${FORMAT_VERSION + 1} is newer than this app reads (${FORMAT_VERSION}): update Rolecraft`,
    ],
    [
      'version zero',
      file(sampleDesign(), { formatVersion: 0 }),
      '`formatVersion` must be a whole number from 1, got `0`',
    ],
    [
      'a text version',
      file(sampleDesign(), { formatVersion: '1' }),
      '`formatVersion` must be a number, got `"1"`',
    ],
    [
      'no design',
      { format: 'rolecraft', formatVersion: 1 },
      '`design` must be an object, got `undefined`',
    ],
  ];
  it.each(broken)('refuses %s', (_name, input, reason) => {
    expect(restore(input)).toEqual({ ok: false, reason });
  });

  const brokenDesigns: [string, (d: ReturnType<typeof sample>) => void, string][] = [
    [
      'a short account id',
      (d) => (d.accounts[0].awsAccountId = '1234'),
      '`design.accounts[0].awsAccountId` must be 12 digits, got `"1234"`',
    ],
    [
      'a missing account',
      (d) => (d.roles[0].account = 'acct-x'),
      'role `Developer` is in account `acct-x`, which is not in the design',
    ],
    [
      'a duplicate id',
      (d) => (d.roles[1].id = 'role-developer'),
      'two entities share the id `role-developer`',
    ],
    [
      'a number as name',
      (d) => (d.users[0].name = 42),
      '`design.users[0].name` must be a string, got `42`',
    ],
    ['an empty name', (d) => (d.roles[2].name = ' '), '`design.roles[2].name` must not be empty'],
    [
      'a policy that is a number',
      (d) => (d.roles[0].trustPolicy = 7),
      '`design.roles[0].trustPolicy` must be policy text, got `7`',
    ],
    [
      'a bad session duration',
      (d) => (d.roles[0].maxSessionDuration = 60),
      '`design.roles[0].maxSessionDuration` must be whole seconds from 3600 to 43200, got `60`',
    ],
    [
      'an unknown resource type',
      (d) => (d.resources[0].resourceType = 'dynamodb-table'),
      '`design.resources[0].resourceType` must be one of `s3-bucket`, `kms-key`, `sqs-queue`, `sns-topic`, `secret`, `lambda-function`, got `"dynamodb-table"`',
    ],
    [
      'a kind in the wrong list',
      (d) => (d.users[0].kind = 'role'),
      '`design.users[0].kind` must be `user`, got `"role"`',
    ],
    [
      'a membership of a missing group',
      (d) => (d.users[0].groups = ['g']),
      'user `alice` is a member of `g`, which is not a group of the design',
    ],
    [
      'a tag that is not text',
      (d) => (d.users[0].tags = { team: 1 }),
      '`design.users[0].tags.team` must be a string, got `1`',
    ],
    ['a list that is not a list', (d) => (d.roles = {}), '`design.roles` must be a list, got `{}`'],
    [
      'a bad position',
      (d) => (d.layout['user-alice'] = { x: 'left', y: 0 }),
      '`design.layout.user-alice.x` must be a number, got `"left"`',
    ],
  ];
  it.each(brokenDesigns)('refuses %s', (_name, breakIt, reason) => {
    const design = sample();
    breakIt(design);
    expect(restore(file(design))).toEqual({ ok: false, reason });
  });

  it('reads a bare design by its own version', () => {
    expect(restoreDesign(sample())).toEqual({ ok: true, design: sampleDesign() });
    expect(restoreDesign({ ...sample(), formatVersion: 99 }).ok).toBe(false);
  });
});

describe('migrate', () => {
  const table = {
    1: (d: Record<string, unknown>) => ({ ...d, steps: ['1→2'] }),
    2: (d: Record<string, unknown>) => ({
      ...d,
      steps: [...((d.steps as string[] | undefined) ?? []), '2→3'],
    }),
  };

  it('runs every step from the file version to the target, in order', () => {
    expect(migrate({ id: 'x' }, 1, 3, table)).toEqual({
      id: 'x',
      steps: ['1→2', '2→3'],
      formatVersion: 3,
    });
    expect(migrate({ id: 'x' }, 2, 3, table)).toEqual({
      id: 'x',
      steps: ['2→3'],
      formatVersion: 3,
    });
    expect(migrate({ id: 'x' }, 3, 3, table)).toEqual({ id: 'x', formatVersion: 3 });
  });

  it('refuses a gap in the table', () => {
    expect(() => migrate({}, 1, 3, { 2: table[2] })).toThrow('no migration from `formatVersion` 1');
  });
});
