import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceCommand } from './cli.ts';

const allow = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const request = (id: string, decision: string) => ({
  id,
  kind: 'request',
  doc: 'test',
  request: {
    principal: 'arn:aws:iam::111111111111:user/a',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
  },
  policies: { identity: [allow] },
  expect: { decision },
});

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cases-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await conformanceCommand(
    argv,
    (l) => lines.push(l),
    (l) => lines.push(l),
  );
  return { code, lines };
}

describe('conformance command', () => {
  it('prints failing cases and the closing line, and fails', async () => {
    const dir = folder({
      'a.json': { suite: 's', cases: [request('ok', 'Allow'), request('bad', 'ImplicitDeny')] },
    });
    const { code, lines } = await run([dir]);
    expect(lines).toEqual(['a.json#bad: expected ImplicitDeny, got Allow', '1 passed, 1 failed']);
    expect(code).toBe(1);
  });

  it('fails a kind without a runner, and a file that does not parse', async () => {
    const dir = folder({
      'a.json': {
        suite: 's',
        cases: [{ id: 'x', kind: 'mystery', expect: { outcome: 'Success' } }],
      },
      'b.json': '{ nope',
    });
    const { code, lines } = await run([dir]);
    expect(lines[0]).toMatch(/^b\.json: cannot parse/);
    expect(lines).toContain('a.json#x: expected Success, got no runner for kind mystery');
    expect(lines.at(-1)).toBe('0 passed, 2 failed');
    expect(code).toBe(1);
  });

  it('runs only the kinds asked for, says how many it left out, and measures throughput', async () => {
    const dir = folder({
      'a.json': { suite: 's', cases: [request('ok', 'Allow'), { id: 'x', kind: 'mystery' }] },
    });
    const { code, lines } = await run([dir, '--kind', 'request', '--repeat', '10']);
    expect(lines).toContain('left out 1 case of other kinds (ran only request)');
    expect(lines.find((l) => l.startsWith('throughput: '))).toMatch(
      /^throughput: \d+ evaluations\/s$/,
    );
    expect(lines.at(-1)).toBe('1 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('prints per-case results as JSON', async () => {
    const dir = folder({ 'a.json': { suite: 's', cases: [request('ok', 'Allow')] } });
    const { lines } = await run([dir, '--json']);
    const report = JSON.parse(lines[0]!) as {
      passed: number;
      results: { id: string; pass: boolean }[];
    };
    expect(report.passed).toBe(1);
    expect(report.results[0]).toMatchObject({ id: 'ok', pass: true });
  });
});
