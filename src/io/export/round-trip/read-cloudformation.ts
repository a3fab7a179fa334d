// Test support: reads exported CloudFormation back into a design, with a real YAML parser.
import { parse, type ScalarTag } from 'yaml';
import {
  emptyDesign,
  iamArn,
  makeAccount,
  makeGroup,
  makeManagedPolicy,
  makeOidcProvider,
  makePolicy,
  makeResource,
  makeRole,
  makeSamlProvider,
  makeUser,
  sequentialIds,
  type Design,
  type PolicyAttachment,
} from '../../../model';
import { managedIds } from './managed-ids';

/** The short intrinsic-function tags, read as their long forms (`{Ref}`, `{Fn::GetAtt}`). */
const intrinsicTags: ScalarTag[] = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!GetAtt', resolve: (value: string) => ({ 'Fn::GetAtt': value.split('.') }) },
  { tag: '!Sub', resolve: (value: string) => ({ 'Fn::Sub': value }) },
];

type Json = unknown;
type Props = Record<string, Json>;

interface Template {
  Metadata: { Rolecraft: { AccountId: string } };
  Parameters?: Record<string, { Type: string }>;
  Resources: Record<string, { Type: string; Properties: Props }>;
}

/** Parses a template with the intrinsic-function tags. */
export function parseTemplate(text: string): Template {
  return parse(text, { customTags: intrinsicTags }) as Template;
}

/** Reads templates (as written by the export) into one design; throws on what it cannot map. */
export function readCloudFormation(files: { name: string; text: string }[]): Design {
  const ids = sequentialIds();
  const design = emptyDesign('read back', ids);
  for (const file of files) readTemplate(design, parseTemplate(file.text), ids);
  return design;
}

function readTemplate(design: Design, template: Template, ids: (prefix: string) => string) {
  const awsAccountId = template.Metadata.Rolecraft.AccountId;
  const account = makeAccount({ awsAccountId }, ids);
  design.accounts.push(account);
  const resources = template.Resources;
  const get = (id: string) => {
    const found = resources[id];
    if (!found) throw new Error(`reference to missing resource ${id}`);
    return found;
  };
  const arnOf = (id: string): string => {
    const { Type, Properties: p } = get(id);
    const path = typeof p.Path === 'string' ? p.Path : '/';
    switch (Type) {
      case 'AWS::IAM::User':
        return iamArn('user', awsAccountId, path, p.UserName as string);
      case 'AWS::IAM::Group':
        return iamArn('group', awsAccountId, path, p.GroupName as string);
      case 'AWS::IAM::Role':
        return iamArn('role', awsAccountId, path, p.RoleName as string);
      case 'AWS::IAM::ManagedPolicy':
        return `arn:aws:iam::${awsAccountId}:policy${path}${p.ManagedPolicyName as string}`;
      case 'AWS::IAM::SAMLProvider':
        return `arn:aws:iam::${awsAccountId}:saml-provider/${p.Name as string}`;
      case 'AWS::IAM::OIDCProvider':
        return `arn:aws:iam::${awsAccountId}:oidc-provider/${(p.Url as string).replace('https://', '')}`;
      default:
        throw new Error(`no ARN for ${Type}`);
    }
  };
  /** What `Ref` returns: the ARN of providers and managed policies, the name of users, groups, roles. */
  const refOf = (id: string): string => {
    const { Type, Properties: p } = get(id);
    if (Type === 'AWS::IAM::User') return p.UserName as string;
    if (Type === 'AWS::IAM::Group') return p.GroupName as string;
    if (Type === 'AWS::IAM::Role') return p.RoleName as string;
    return arnOf(id);
  };
  const resolve = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) {
      const v = value as Record<string, Json>;
      if ('Ref' in v) {
        if (template.Parameters?.[v.Ref as string]) return `<parameter ${String(v.Ref)}>`;
        return refOf(v.Ref as string);
      }
      if ('Fn::GetAtt' in v) {
        const [id, attribute] = v['Fn::GetAtt'] as [string, string];
        if (attribute !== 'Arn') throw new Error(`unexpected attribute ${attribute}`);
        return arnOf(id);
      }
      if ('Fn::Sub' in v) throw new Error('unexpected Fn::Sub');
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    }
    return value;
  };
  const text = (document: Json) => JSON.stringify(resolve(document));
  // One managed policy record per AWS::IAM::ManagedPolicy (and per AWS managed ARN attached).
  const managed = managedIds(design, ids, 'template');
  const managedAttached = (value: Json) => managed.attached(resolve(value) as string);
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::IAM::ManagedPolicy') continue;
    const p = r.Properties;
    const record = makeManagedPolicy(
      {
        type: 'customer-managed',
        account: account.id,
        name: p.ManagedPolicyName as string,
        path: typeof p.Path === 'string' ? p.Path : '/',
        description: typeof p.Description === 'string' ? p.Description : '',
        text: text(p.PolicyDocument),
      },
      ids,
    );
    design.managedPolicies.push(record);
    managed.define(arnOf(id), record.id);
  }
  const policies = (p: Props): PolicyAttachment[] => [
    ...((p.Policies ?? []) as { PolicyName: string; PolicyDocument: Json }[]).map((x) =>
      makePolicy({ name: x.PolicyName, text: text(x.PolicyDocument) }, ids),
    ),
    ...((p.ManagedPolicyArns ?? []) as Json[]).map(managedAttached),
  ];
  const tags = (p: Props) =>
    Object.fromEntries(
      ((p.Tags ?? []) as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]),
    );
  const boundary = (p: Props) =>
    p.PermissionsBoundary === undefined
      ? null
      : managed.idOf(resolve(p.PermissionsBoundary) as string);
  const path = (p: Props) => (typeof p.Path === 'string' ? p.Path : '/');
  const entityIds = new Map<string, string>();

  for (const [id, { Type, Properties: p }] of Object.entries(resources)) {
    const common = { account: account.id, path: path(p), policies: policies(p) };
    if (Type === 'AWS::IAM::User') {
      const user = makeUser(
        { ...common, name: p.UserName as string, tags: tags(p), permissionsBoundary: boundary(p) },
        ids,
      );
      entityIds.set(id, user.id);
      design.users.push(user);
    } else if (Type === 'AWS::IAM::Group') {
      const group = makeGroup({ ...common, name: p.GroupName as string }, ids);
      entityIds.set(id, group.id);
      design.groups.push(group);
    } else if (Type === 'AWS::IAM::Role') {
      design.roles.push(
        makeRole(
          {
            ...common,
            name: p.RoleName as string,
            description: (p.Description as string | undefined) ?? '',
            trustPolicy: text(p.AssumeRolePolicyDocument),
            maxSessionDuration: p.MaxSessionDuration as number,
            tags: tags(p),
            permissionsBoundary: boundary(p),
          },
          ids,
        ),
      );
    } else if (Type === 'AWS::IAM::SAMLProvider') {
      const metadata = p.SamlMetadataDocument as { Ref: string };
      if (template.Parameters?.[metadata.Ref]?.Type !== 'String')
        throw new Error('SAML metadata is not a parameter');
      design.identityProviders.push(
        makeSamlProvider({ account: account.id, name: p.Name as string }, ids),
      );
    } else if (Type === 'AWS::IAM::OIDCProvider') {
      design.identityProviders.push(
        makeOidcProvider(
          {
            account: account.id,
            preset: 'custom',
            issuer: (p.Url as string).replace('https://', ''),
            audiences: p.ClientIdList as string[],
          },
          ids,
        ),
      );
    }
  }
  for (const { Type, Properties: p } of Object.values(resources)) {
    if (Type === 'AWS::IAM::UserToGroupAddition') {
      const group = entityIds.get((p.GroupName as { Ref: string }).Ref)!;
      for (const user of p.Users as { Ref: string }[]) {
        const id = entityIds.get(user.Ref);
        design.users.find((u) => u.id === id)!.groups.push(group);
      }
    } else if (Type === 'AWS::S3::BucketPolicy') {
      design.resources.push(
        makeResource(
          {
            account: account.id,
            resourceType: 's3-bucket',
            name: p.Bucket as string,
            policy: text(p.PolicyDocument),
          },
          ids,
        ),
      );
    } else if (Type === 'AWS::SQS::QueuePolicy') {
      const [, region, , name] =
        /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/(.+)$/.exec(
          (p.Queues as string[])[0]!,
        )!;
      design.resources.push(
        makeResource(
          {
            account: account.id,
            resourceType: 'sqs-queue',
            name: name!,
            region,
            policy: text(p.PolicyDocument),
          },
          ids,
        ),
      );
    } else if (Type === 'AWS::SNS::TopicPolicy') {
      const [, region, name] = /^arn:aws:sns:([a-z0-9-]+):\d{12}:(.+)$/.exec(
        (p.Topics as string[])[0]!,
      )!;
      design.resources.push(
        makeResource(
          {
            account: account.id,
            resourceType: 'sns-topic',
            name: name!,
            region,
            policy: text(p.PolicyDocument),
          },
          ids,
        ),
      );
    } else if (Type === 'AWS::SecretsManager::ResourcePolicy') {
      const [, region, name] = /^arn:aws:secretsmanager:([a-z0-9-]+):\d{12}:secret:(.+)$/.exec(
        p.SecretId as string,
      )!;
      design.resources.push(
        makeResource(
          {
            account: account.id,
            resourceType: 'secret',
            name: name!,
            region,
            policy: text(p.ResourcePolicy),
          },
          ids,
        ),
      );
    }
  }
}
