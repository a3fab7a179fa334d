import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../../../model';
import { comparable } from '../round-trip/comparable';
import { readTerraform } from '../round-trip/read-terraform';
import { richDesign } from '../round-trip/rich-design';
import { terraformExport, type TerraformLayout } from './terraform';

const layouts: TerraformLayout[] = ['one-file', 'per-account'];

describe('Terraform export', () => {
  it.each(layouts)(
    'reads back (%s) with a real HCL parser into an equal design',
    async (layout) => {
      for (const design of [richDesign(), sampleDesign()]) {
        const { files } = terraformExport(design, layout);
        expect(comparable(await readTerraform(files))).toEqual(comparable(design));
      }
    },
  );

  it('writes one file per account, named after the design', () => {
    expect(terraformExport(richDesign(), 'per-account').files.map((f) => f.name)).toEqual([
      'rich-export-test-111111111111.tf',
      'rich-export-test-222222222222.tf',
    ]);
    expect(terraformExport(richDesign(), 'one-file').files.map((f) => f.name)).toEqual([
      'rich-export-test.tf',
    ]);
  });

  it('exports each customer-managed policy once (path, description), attached to every principal that attaches it', async () => {
    const json = await parsed('one-file');
    // The unattached one too: a managed policy exists until it is deleted.
    expect(Object.keys(json.resource.aws_iam_policy!).sort()).toEqual([
      'dev_boundary',
      'read_logs',
      'unattached',
    ]);
    expect(json.resource.aws_iam_policy!.read_logs![0]).toMatchObject({
      name: 'ReadLogs',
      path: '/shared/',
      description: 'Reads every log group',
    });
    const attachments = [
      ...Object.values(json.resource.aws_iam_user_policy_attachment!),
      ...Object.values(json.resource.aws_iam_group_policy_attachment!),
      ...Object.values(json.resource.aws_iam_role_policy_attachment!),
    ].map((bodies) => bodies[0]!.policy_arn);
    expect(attachments.filter((a) => a === '${aws_iam_policy.read_logs.arn}')).toHaveLength(3);
    expect(json.resource.aws_iam_user!.alice![0]!.permissions_boundary).toBe(
      '${aws_iam_policy.dev_boundary.arn}',
    );
  });

  it('names resources in the same export by address, and keeps literal ARNs to break cycles', async () => {
    const json = await parsed('one-file');
    const trust = (role: string) => json.resource.aws_iam_role![role]![0]!.assume_role_policy;
    expect(trust('developer')).toContain('AWS = aws_iam_user.alice.arn');
    expect(trust('deploy')).toContain('AWS = aws_iam_role.developer.arn');
    expect(trust('sso_admin')).toContain('Federated = aws_iam_saml_provider.okta.arn');
    // Ping and Pong trust each other: one of the two references must stay an ARN.
    expect(trust('ping')).toContain('aws_iam_role.pong.arn');
    expect(trust('pong')).toContain('"arn:aws:iam::111111111111:role/Ping"');
    // Across files (one per account), references to another account are ARNs.
    const perAccount = terraformExport(richDesign(), 'per-account').files[1]!.text;
    expect(perAccount).toContain('AWS = "arn:aws:iam::111111111111:role/Developer"');
  });

  it('uses no deprecated or exclusive arguments and gives EC2 roles an instance profile', async () => {
    const { files } = terraformExport(richDesign(), 'one-file');
    const text = files[0]!.text;
    for (const banned of ['inline_policy', 'managed_policy_arns', 'aws_iam_group_membership"'])
      expect(text).not.toContain(banned);
    const json = await parsed('one-file');
    expect(json.resource.aws_iam_instance_profile!).toEqual({
      web_server: [
        {
          provider: '${aws.dev}',
          name: 'WebServer',
          path: '/service-role/',
          role: '${aws_iam_role.web_server.name}',
        },
      ],
    });
    expect(Object.keys(json.resource.aws_iam_user_group_membership!)).toEqual(['alice', 'bob']);
  });

  it('pins each provider to its account and region', async () => {
    const json = await parsed('one-file');
    expect(json.provider.aws).toEqual([
      { alias: 'dev', region: 'us-east-1', allowed_account_ids: ['111111111111'] },
      { alias: 'prod', region: 'us-east-1', allowed_account_ids: ['222222222222'] },
      { alias: 'prod_eu_west_1', region: 'eu-west-1', allowed_account_ids: ['222222222222'] },
    ]);
    expect(json.resource.aws_sqs_queue_policy!.orders![0]!.provider).toBe('${aws.prod_eu_west_1}');
  });

  it('says what it leaves out', () => {
    const design = richDesign();
    design.resources.push({
      ...design.resources[0]!,
      id: 'fn',
      name: 'orders-fn',
      resourceType: 'lambda-function',
    });
    expect(terraformExport(design, 'one-file').warnings).toEqual([
      '`orders-fn`: Terraform has no resource for a whole Lambda function policy (it uses one aws_lambda_permission per statement); left out',
    ]);
  });
});

type Parsed = {
  provider: { aws: Record<string, unknown>[] };
  resource: Partial<Record<string, Record<string, Record<string, string>[]>>>;
};

async function parsed(layout: TerraformLayout): Promise<Parsed> {
  const file = terraformExport(richDesign(), layout).files[0]!;
  return (await parse(file.name, file.text)) as Parsed;
}
