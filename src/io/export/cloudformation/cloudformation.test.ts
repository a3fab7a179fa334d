import { describe, expect, it } from 'vitest';
import { sampleDesign, type Design } from '../../../model';
import { comparable } from '../round-trip/comparable';
import { parseTemplate, readCloudFormation } from '../round-trip/read-cloudformation';
import { richDesign } from '../round-trip/rich-design';
import { cloudFormationExport } from './cloudformation';

/** The rich design without what a CloudFormation stack cannot hold (said in the warnings). */
function withoutLeftOut(design: Design): Design {
  return {
    ...design,
    resources: design.resources.filter(
      (r) =>
        r.resourceType !== 'kms-key' &&
        !(r.resourceType === 'sqs-queue' && r.region === 'eu-west-1'),
    ),
  };
}

describe('CloudFormation export', () => {
  it('reads back with a YAML parser that knows the intrinsic tags into an equal design', () => {
    const { files, warnings } = cloudFormationExport(richDesign());
    expect(comparable(readCloudFormation(files))).toEqual(comparable(withoutLeftOut(richDesign())));
    expect(warnings).toEqual([
      '`orders`: it is in eu-west-1 and the stack deploys in us-east-1; left out of the CloudFormation template',
      '`1234abcd-12ab-34cd-56ef-1234567890ab`: CloudFormation sets a key policy only on the AWS::KMS::Key that creates the key; left out of the CloudFormation template',
    ]);
    const sample = cloudFormationExport(sampleDesign());
    expect(comparable(readCloudFormation(sample.files))).toEqual(comparable(sampleDesign()));
  });

  it('writes one template per account, named after the design, saying it needs CAPABILITY_NAMED_IAM', () => {
    const { files } = cloudFormationExport(richDesign());
    expect(files.map((f) => f.name)).toEqual([
      'rich-export-test-111111111111.yaml',
      'rich-export-test-222222222222.yaml',
    ]);
    for (const file of files) expect(file.text).toMatch(/^# .*\n# .*CAPABILITY_NAMED_IAM/);
  });

  it('links resources with !Ref and !GetAtt, one managed policy for every copy, literal ARNs in cycles', () => {
    const dev = parseTemplate(cloudFormationExport(richDesign()).files[0]!.text).Resources;
    expect(
      Object.entries(dev)
        .filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy')
        .map(([id]) => id),
    ).toEqual(['ReadLogsPolicy', 'DevBoundaryPolicy']);
    expect(dev.AliceUser!.Properties.ManagedPolicyArns).toEqual([{ Ref: 'ReadLogsPolicy' }]);
    expect(dev.DevelopersGroup!.Properties.ManagedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      { Ref: 'ReadLogsPolicy' },
    ]);
    expect(dev.AliceUser!.Properties.PermissionsBoundary).toEqual({ Ref: 'DevBoundaryPolicy' });
    const principal = (id: string) =>
      (dev[id]!.Properties.AssumeRolePolicyDocument as { Statement: { Principal: unknown }[] })
        .Statement[0]!.Principal;
    expect(principal('DeveloperRole')).toEqual({ AWS: { 'Fn::GetAtt': ['AliceUser', 'Arn'] } });
    expect(principal('PingRole')).toEqual({ AWS: { 'Fn::GetAtt': ['PongRole', 'Arn'] } });
    expect(principal('PongRole')).toEqual({
      AWS: ['arn:aws:iam::111111111111:role/Ping', '333333333333'],
    });
    expect(dev.DevelopersMembers).toEqual({
      Type: 'AWS::IAM::UserToGroupAddition',
      Properties: {
        GroupName: { Ref: 'DevelopersGroup' },
        Users: [{ Ref: 'AliceUser' }, { Ref: 'BobUser' }],
      },
    });
    expect(dev.WebServerInstanceProfile!.Properties).toEqual({
      InstanceProfileName: 'WebServer',
      Path: '/service-role/',
      Roles: [{ Ref: 'WebServerRole' }],
    });
    const prod = parseTemplate(cloudFormationExport(richDesign()).files[1]!.text);
    expect(prod.Parameters).toEqual({
      OktaSamlMetadata: {
        Type: 'String',
        Description: 'SAML metadata XML of the identity provider Okta',
      },
    });
  });

  it('breaks a cycle through a role inline policy too (CloudFormation keeps inline policies on the role)', () => {
    const design = richDesign();
    const ping = design.roles.find((r) => r.name === 'Ping')!;
    ping.policies = [
      {
        id: 'p',
        name: 'Chain',
        attachment: 'inline',
        text: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Resource: 'arn:aws:iam::111111111111:role/Pong',
            },
          ],
        }),
      },
    ];
    const dev = parseTemplate(cloudFormationExport(design).files[0]!.text).Resources;
    const chain = (
      dev.PingRole!.Properties.Policies as {
        PolicyDocument: { Statement: { Resource: unknown }[] };
      }[]
    )[0]!;
    // Ping already depends on Pong through its trust: the same reference again is fine.
    expect(chain.PolicyDocument.Statement[0]!.Resource).toEqual({
      'Fn::GetAtt': ['PongRole', 'Arn'],
    });
    expect(comparable(readCloudFormation(cloudFormationExport(design).files))).toEqual(
      comparable(withoutLeftOut(design)),
    );
  });
});
