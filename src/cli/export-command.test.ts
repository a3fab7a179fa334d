import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDesignText, terraformExport } from '../io/index.ts';
import { sampleDesign } from '../model/index.ts';
import { exportCommand } from './export-command.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await exportCommand(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

function designFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rolecraft-export-'));
  const file = join(dir, 'sample.rolecraft.json');
  writeFileSync(file, exportDesignText(sampleDesign()));
  return { dir, file };
}

describe('rolecraft export', () => {
  it('writes one Terraform file per account into --out and says what it wrote', async () => {
    const { dir, file } = designFile();
    const outDir = join(dir, 'tf');
    const { code, out, err } = await run([file, '--to', 'terraform', '--out', outDir]);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      `wrote ${join(outDir, 'cross-account-example-111111111111.tf')}`,
      `wrote ${join(outDir, 'cross-account-example-222222222222.tf')}`,
    ]);
    expect(readFileSync(join(outDir, 'cross-account-example-222222222222.tf'), 'utf8')).toBe(
      terraformExport(sampleDesign(), 'per-account').files[1]!.text,
    );
  });

  it.each([
    [
      'cloudformation',
      ['cross-account-example-111111111111.yaml', 'cross-account-example-222222222222.yaml'],
    ],
    ['rolecraft', ['cross-account-example.rolecraft.json']],
    [
      'authorization-details',
      [
        'cross-account-example-111111111111-authorization-details.json',
        'cross-account-example-222222222222-authorization-details.json',
      ],
    ],
  ])('writes %s files', async (format, names) => {
    const { dir, file } = designFile();
    const outDir = join(dir, format);
    expect((await run([file, `--to=${format}`, `--out=${outDir}`])).code).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(names);
  });

  it.each([
    [[], 'rolecraft: cannot export: no input file'],
    [['x.json'], 'rolecraft: cannot export: `--to` is missing'],
    [
      ['x.json', '--to', 'pulumi'],
      'rolecraft: cannot export: `--to` must be one of terraform, cloudformation, authorization-details, rolecraft, got `pulumi`',
    ],
    [['x.json', '--to'], 'rolecraft: cannot export: `--to` needs a value'],
    [
      ['x.json', '--to', 'terraform', '--force'],
      'rolecraft: cannot export: unknown option `--force`',
    ],
    [
      ['/no/such/file.json', '--to', 'terraform'],
      'rolecraft: cannot read /no/such/file.json: no such file',
    ],
  ])('refuses %j with exit 2 and the reason', async (argv, reason) => {
    const { code, err, out } = await run(argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]!.split('\n')[0]).toBe(reason);
  });

  it("refuses a file that is not a design, with the reader's reason", async () => {
    const { dir } = designFile();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"nodes": []}');
    expect(await run([bad, '--to', 'terraform', '--out', dir])).toEqual({
      code: 2,
      out: [],
      err: [`rolecraft: cannot read ${bad}: not a Rolecraft design file: \`format\` is missing`],
    });
  });

  it('turns get-account-authorization-details output into Terraform, and back into the same details', async () => {
    const { dir } = designFile();
    const sample = new URL(
      '../../fixtures/authz-details/cloudsplaining-example-authz-details.json',
      import.meta.url,
    ).pathname;
    const tf = await run([sample, '--to', 'terraform', '--out', join(dir, 'tf')]);
    expect(tf.code).toBe(0);
    expect(tf.out).toHaveLength(1);
    const written = readFileSync(tf.out[0]!.replace(/^wrote /, ''), 'utf8');
    expect(written).toContain('resource "aws_iam_role"');
    const again = await run([sample, '--to', 'authorization-details', '--out', join(dir, 'authz')]);
    expect(again.code).toBe(0);
    const exported = again.out[0]!.replace(/^wrote /, '');
    const twice = await run([
      exported,
      '--to',
      'authorization-details',
      '--out',
      join(dir, 'twice'),
    ]);
    expect(twice.code).toBe(0);
    // Exported details read back and export to the same text.
    expect(readFileSync(twice.out[0]!.replace(/^wrote /, ''), 'utf8')).toBe(
      readFileSync(exported, 'utf8'),
    );
  });

  it('refuses damaged authorization details with the reason', async () => {
    const { dir } = designFile();
    const bad = join(dir, 'account.json');
    writeFileSync(bad, '{"RoleDetailList": 3}');
    const result = await run([bad, '--to', 'terraform', '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      `rolecraft: cannot read ${bad}: \`RoleDetailList\` must be a list`,
    ]);
  });

  it('exits 2 from the real command line on bad input', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/rolecraft.mjs', 'export', 'missing.json', '--to', 'terraform'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('rolecraft: cannot read missing.json: no such file\n');
  });
});
