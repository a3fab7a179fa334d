// The CLI's bad-input table: each input is refused with one `rolecraft: cannot ... FILE: reason`
// line and exit 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCommand } from './eval-command.ts';
import { reportFailure } from './input.ts';
import { validateCommand } from './validate-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'rolecraft-cli-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const allowAll = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const goodCase = {
  request: { principal: 'arn:aws:iam::111122223333:user/a', action: 's3:GetObject', resource: '*' },
  policies: { identity: [allowAll] },
};
const withRequest = (request: Record<string, unknown>) =>
  JSON.stringify({ ...goodCase, request: { ...goodCase.request, ...request } });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);

async function run(
  command: (
    argv: string[],
    out: (l: string) => void,
    err: (l: string) => void,
  ) => number | Promise<number>,
  argv: string[],
) {
  const lines: string[] = [];
  let code: number;
  try {
    code = await command(
      argv,
      () => {},
      (l) => lines.push(l),
    );
  } catch (error) {
    code = reportFailure(error, 'x', (l) => lines.push(l));
  }
  return { code, lines };
}

describe('rolecraft eval refuses bad input', () => {
  it.each([
    [
      'nesting 100 deep',
      nested(100),
      'cannot read F: nesting deeper than 64 levels at line 1, column 65',
    ],
    [
      'nesting 100,000 deep',
      nested(100_000),
      'cannot read F: nesting deeper than 64 levels at line 1, column 65',
    ],
    [
      '`null`',
      'null',
      'cannot evaluate F: expected a JSON object (a request case or a case file), got `null`',
    ],
    [
      'invalid JSON',
      '{"request": }',
      'cannot read F: invalid JSON: value expected at line 1, column 13',
    ],
    ['an empty file', '', 'cannot read F: the file is empty'],
    ['a PNG named .json', png, 'cannot read F: it is binary, not text'],
    [
      'a numeric context value',
      withRequest({ context: { 'aws:MultiFactorAuthAge': 3600 } }),
      'cannot evaluate F: `request.context.aws:MultiFactorAuthAge` must be a string or a list of strings (write numbers and booleans as text, such as `"3600"`), got `3600`',
    ],
    [
      'a missing principal',
      JSON.stringify({ ...goodCase, request: { action: 's3:GetObject', resource: '*' } }),
      'cannot evaluate F: `request.principal` must be a non-empty string, got `nothing`',
    ],
    [
      '`identity: [null]`',
      JSON.stringify({ ...goodCase, policies: { identity: [null] } }),
      'cannot evaluate F: `policies.identity[0]` must be a policy document (an object), got `null`',
    ],
    [
      'a statement that is not an object',
      JSON.stringify({ ...goodCase, policies: { identity: [{ Statement: [5] }] } }),
      'cannot evaluate F: `policies.identity[0].Statement[0]` must be a statement object, got `5`',
    ],
    [
      'a bad time',
      withRequest({ now: 'yesterday' }),
      'cannot evaluate F: `request.now` must be an ISO time such as `2026-01-01T00:00:00Z`, got `"yesterday"`',
    ],
    [
      'a date that does not exist',
      withRequest({ now: '2026-02-30T00:00:00Z' }),
      'cannot evaluate F: `request.now` must be an ISO time such as `2026-01-01T00:00:00Z`, got `"2026-02-30T00:00:00Z"`, which has no day 30 in 2026-02',
    ],
    [
      '`cases` that is not a list',
      JSON.stringify({ cases: 5 }),
      'cannot evaluate F: `cases` must be a list, got `5`',
    ],
    [
      '`__proto__` keys',
      '{"__proto__": {"request": 1}}',
      'cannot evaluate F: `request` must be an object, got `nothing`',
    ],
    [
      '`constructor` keys',
      '{"constructor": {"request": 1}}',
      'cannot evaluate F: `request` must be an object, got `nothing`',
    ],
    [
      'a request under `__proto__`',
      JSON.stringify({ ...goodCase, request: undefined }).replace(
        '{',
        `{"__proto__":{"request":${JSON.stringify(goodCase.request)}},`,
      ),
      'cannot evaluate F: `request` must be an object, got `nothing`',
    ],
  ])('%s', async (_name, content, message) => {
    const path = file(`case-${Math.random().toString(36).slice(2)}.json`, content);
    const { code, lines } = await run(evalCommand, [path]);
    expect({ code, lines }).toEqual({
      code: 2,
      lines: [`rolecraft: ${message.replace('F', path)}`],
    });
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const path = file('big.json', `{"x":"${'x'.repeat(21 * 1024 * 1024)}"}`);
    const { code, lines } = await run(evalCommand, [path]);
    expect({ code, lines }).toEqual({
      code: 2,
      lines: [`rolecraft: cannot read ${path}: it is 21.0 MB, over the 20 MB limit`],
    });
  });

  it('refuses a missing file', async () => {
    const { code, lines } = await run(evalCommand, [join(dir, 'missing.json')]);
    expect({ code, lines }).toEqual({
      code: 2,
      lines: [`rolecraft: cannot read ${join(dir, 'missing.json')}: no such file`],
    });
  });

  it('still evaluates a good case', async () => {
    const out: string[] = [];
    const code = evalCommand([file('good.json', JSON.stringify(goodCase))], (l) => out.push(l));
    expect(code).toBe(0);
    expect(out[0]).toBe('Allow: allowed by the identity-based policies');
  });
});

describe('rolecraft validate refuses what is not a policy text', () => {
  it.each([
    [
      'nesting 10,000 deep',
      nested(10_000),
      'cannot validate F: nesting deeper than 32 levels at line 1, column 33 (IAM policies need at most 6)',
    ],
    ['an empty file', '  \n', 'cannot validate F: the file is empty'],
    ['a PNG named .json', png, 'cannot read F: it is binary, not text'],
  ])('%s', async (_name, content, message) => {
    const path = file(`policy-${Math.random().toString(36).slice(2)}.json`, content);
    const { code, lines } = await run(validateCommand, [path, '--type', 'trust', '--no-catalog']);
    expect({ code, lines }).toEqual({
      code: 2,
      lines: [`rolecraft: ${message.replace('F', path)}`],
    });
  });
});

describe('the rolecraft process', () => {
  it('prints one line and exits 2 for deep JSON, without a stack trace', () => {
    const path = file('deep.json', nested(100_000));
    const result = spawnSync(process.execPath, ['bin/rolecraft.mjs', 'eval', path], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      `rolecraft: cannot read ${path}: nesting deeper than 64 levels at line 1, column 65`,
    );
    expect(result.stdout).toBe('');
  }, 30_000);
});

describe('rolecraft validate reads `__proto__` and `constructor` keys as written', () => {
  it('names them as unknown elements and operators, prototypes untouched', async () => {
    const before = JSON.stringify(Object.getOwnPropertyNames(Object.prototype));
    const path = file(
      'proto.json',
      '{"Version":"2012-10-17","__proto__":{"Statement":[]},"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"constructor":{"aws:x":"1"}}}]}',
    );
    const out: string[] = [];
    const code = await validateCommand(
      [path, '--type', 'trust', '--no-catalog'],
      (l) => out.push(l),
      () => {},
    );
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('unknown policy element `__proto__`');
    expect(out.join('\n')).toContain('unknown condition operator `constructor`');
    expect(JSON.stringify(Object.getOwnPropertyNames(Object.prototype))).toBe(before);
  });
});
