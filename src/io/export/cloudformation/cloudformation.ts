import {
  DEFAULT_REGION,
  attachedPolicies,
  boundaryPolicy,
  managedPolicyView,
  resourceArn,
  type Design,
  type PermissionPolicy,
  type Resource,
  type Tags,
} from '../../../model';
import { designSlug } from '../../design-file';
import { NameAllocator, pascalName } from '../names';
import {
  DependencyGraph,
  Reference,
  attachedPolicyArn,
  documentOf,
  planExport,
  trustsEc2,
  withReferences,
  type AccountPlan,
  type ArnTarget,
  type ExportPlan,
  type PolicyHolder,
} from '../plan';
import type { ExportFile, ExportResult } from '../types';
import { Intrinsic, yamlDocument, type YamlValue } from './yaml';

type Properties = Record<string, YamlValue>;

interface TemplateResource {
  id: string;
  type: string;
  properties: Properties;
}

/** One CloudFormation template (YAML) per account: its IAM and resource policies. */
export function cloudFormationExport(design: Design): ExportResult {
  const files: ExportFile[] = [];
  const warnings: string[] = [];
  for (const account of design.accounts) {
    const plan = planExport(design, [account.id]);
    const written = new TemplateWriter(plan, plan.accounts[0]!).write();
    files.push({ name: `${designSlug(design)}-${account.awsAccountId}.yaml`, text: written.text });
    warnings.push(...plan.warnings, ...written.warnings);
  }
  return { files, warnings };
}

const suffix = { user: 'User', group: 'Group', role: 'Role' } as const;
const resourceTypeOf = { user: 'AWS::IAM::User', group: 'AWS::IAM::Group', role: 'AWS::IAM::Role' };

class TemplateWriter {
  private readonly ids = new NameAllocator('');
  private readonly logicalIds = new Map<object, string>();
  private readonly graph = new DependencyGraph();
  private readonly parameters: Record<string, YamlValue> = {};
  private readonly warnings: string[] = [];

  constructor(
    private readonly plan: ExportPlan,
    private readonly account: AccountPlan,
  ) {}

  private logicalId(thing: object): string {
    return this.logicalIds.get(thing)!;
  }

  write(): { text: string; warnings: string[] } {
    const a = this.account;
    const assign = (thing: object, name: string, kind: string) =>
      this.logicalIds.set(thing, this.ids.take(`${pascalName(name)}${kind}`));
    for (const p of a.samlProviders) assign(p, p.name, 'SamlProvider');
    for (const p of a.oidcProviders) assign(p, p.issuer, 'OidcProvider');
    for (const p of a.managedPolicies) assign(p, p.name, 'Policy');
    for (const h of [...a.groups, ...a.users, ...a.roles]) assign(h, h.name, suffix[h.kind]);

    // Structural dependencies first (attachments, boundaries), so a policy reference that would
    // close a cycle is the one refused; then trust policies before permission policies.
    for (const holder of [...a.groups, ...a.users, ...a.roles]) {
      const boundary = holder.kind === 'group' ? undefined : this.boundary(holder);
      const attached = [...this.policiesOf(holder), ...(boundary ? [boundary] : [])];
      for (const policy of attached) {
        const managed = this.managed(policy);
        if (managed) this.graph.tryAdd(this.logicalId(holder), this.logicalId(managed));
      }
    }
    const trusts = new Map(
      a.roles.map((role) => [
        role,
        this.document(
          role.trustPolicy,
          this.logicalId(role),
          `trust policy of role \`${role.name}\``,
        ),
      ]),
    );
    const home = this.homeRegion();
    const resources: TemplateResource[] = [
      ...a.samlProviders.map((provider) => {
        const parameter = this.ids.take(`${pascalName(provider.name)}SamlMetadata`);
        this.parameters[parameter] = {
          Type: 'String',
          Description: `SAML metadata XML of the identity provider ${provider.name}`,
        };
        return {
          id: this.logicalId(provider),
          type: 'AWS::IAM::SAMLProvider',
          properties: {
            Name: provider.name,
            SamlMetadataDocument: new Intrinsic('!Ref', parameter),
          },
        };
      }),
      ...a.oidcProviders.map((provider) => ({
        id: this.logicalId(provider),
        type: 'AWS::IAM::OIDCProvider',
        properties: { Url: `https://${provider.issuer}`, ClientIdList: provider.audiences },
      })),
      ...a.managedPolicies.map((policy) => ({
        id: this.logicalId(policy),
        type: 'AWS::IAM::ManagedPolicy',
        properties: {
          ManagedPolicyName: policy.name,
          ...(policy.path !== '/' ? { Path: policy.path } : {}),
          ...(policy.description ? { Description: policy.description } : {}),
          PolicyDocument: this.document(
            policy.text,
            this.logicalId(policy),
            `policy \`${policy.name}\``,
          ),
        },
      })),
      ...[...a.groups, ...a.users, ...a.roles].map((holder) =>
        this.holder(holder, holder.kind === 'role' ? trusts.get(holder) : undefined),
      ),
      ...a.groups.flatMap((group) => {
        const members = a.users.filter((u) => u.groups.includes(group.id));
        if (members.length === 0) return [];
        return [
          {
            id: this.ids.take(`${pascalName(group.name)}Members`),
            type: 'AWS::IAM::UserToGroupAddition',
            properties: {
              GroupName: new Intrinsic('!Ref', this.logicalId(group)),
              Users: members.map((u) => new Intrinsic('!Ref', this.logicalId(u))),
            },
          },
        ];
      }),
      ...a.roles.filter(trustsEc2).map((role) => ({
        id: this.ids.take(`${pascalName(role.name)}InstanceProfile`),
        type: 'AWS::IAM::InstanceProfile',
        properties: {
          InstanceProfileName: role.name,
          ...(role.path !== '/' ? { Path: role.path } : {}),
          Roles: [new Intrinsic('!Ref', this.logicalId(role))],
        },
      })),
      ...a.resources.flatMap((resource) => this.resourcePolicy(resource, home)),
    ];
    const id = a.account.awsAccountId;
    const template: Record<string, YamlValue> = {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: `IAM of account ${a.account.name} (${id}) in "${this.plan.design.name}", exported by Rolecraft`,
      Metadata: {
        Rolecraft: { Design: this.plan.design.name, Account: a.account.name, AccountId: id },
      },
      ...(Object.keys(this.parameters).length > 0 ? { Parameters: this.parameters } : {}),
      Resources: Object.fromEntries(
        resources.map((r) => [r.id, { Type: r.type, Properties: r.properties }]),
      ),
    };
    const comments = [
      `CloudFormation for account ${a.account.name} (${id}) of "${this.plan.design.name}", exported by Rolecraft.`,
      'The stack creates named IAM resources: deploy it with --capabilities CAPABILITY_NAMED_IAM,',
      `in account ${id}, region ${home} (where its regional resources are).`,
    ];
    return { text: yamlDocument(comments, template), warnings: this.warnings };
  }

  private managed(policy: PermissionPolicy) {
    return this.account.managedPolicies.find((p) => p.policy.id === policy.id);
  }

  private policiesOf(holder: PolicyHolder): PermissionPolicy[] {
    return attachedPolicies(this.plan.design, holder);
  }

  private boundary(holder: PolicyHolder & { kind: 'user' | 'role' }) {
    const record = boundaryPolicy(this.plan.design, holder);
    return record && managedPolicyView(record);
  }

  /** A stack deploys in one region: the one most of the account's regional resources are in. */
  private homeRegion(): string {
    const counts = new Map<string, number>();
    for (const r of this.account.resources)
      if (r.resourceType !== 's3-bucket') counts.set(r.region, (counts.get(r.region) ?? 0) + 1);
    let best = DEFAULT_REGION;
    for (const [region, count] of counts) if (count > (counts.get(best) ?? 0)) best = region;
    return best;
  }

  /** A policy document, naming resources of this template by `!GetAtt`/`!Ref` where no cycle follows. */
  private document(text: string, from: string, where: string): YamlValue {
    const document = documentOf(text);
    if (!document) {
      this.warnings.push(`${where}: the policy is not valid JSON; exported as an empty policy`);
      return {};
    }
    const resolved = withReferences(document, (value) => {
      const target = this.plan.byArn.get(value);
      if (!target) return undefined;
      const to = this.targetId(target);
      return this.graph.tryAdd(from, to) ? new Reference(arnExpression(target, to)) : undefined;
    });
    return toYaml(resolved);
  }

  private targetId(target: ArnTarget): string {
    return this.logicalId(target.kind === 'managed-policy' ? target.policy : target.entity);
  }

  private policyArn(policy: PermissionPolicy): YamlValue {
    const managed = this.managed(policy);
    if (managed) return new Intrinsic('!Ref', this.logicalId(managed));
    return attachedPolicyArn(this.account.account, policy)!;
  }

  private holder(holder: PolicyHolder, trust: YamlValue | undefined): TemplateResource {
    const id = this.logicalId(holder);
    const nameKey = { user: 'UserName', group: 'GroupName', role: 'RoleName' }[holder.kind];
    const properties: Properties = { [nameKey]: holder.name };
    if (holder.path !== '/') properties.Path = holder.path;
    if (holder.kind === 'role') {
      if (holder.description) properties.Description = holder.description;
      properties.AssumeRolePolicyDocument = trust ?? {};
      properties.MaxSessionDuration = holder.maxSessionDuration;
    }
    const policies = this.policiesOf(holder);
    const inline = policies.filter((p) => p.attachment === 'inline');
    if (inline.length > 0)
      properties.Policies = inline.map((p) => ({
        PolicyName: p.name,
        PolicyDocument: this.document(p.text, id, `policy \`${p.name}\` of \`${holder.name}\``),
      }));
    const attached = policies.filter((p) => p.attachment !== 'inline');
    if (attached.length > 0) properties.ManagedPolicyArns = attached.map((p) => this.policyArn(p));
    if (holder.kind !== 'group') {
      const boundary = this.boundary(holder);
      if (boundary) properties.PermissionsBoundary = this.policyArn(boundary);
      if (Object.keys(holder.tags).length > 0) properties.Tags = tagList(holder.tags);
    }
    return { id, type: resourceTypeOf[holder.kind], properties };
  }

  private resourcePolicy(resource: Resource, home: string): TemplateResource[] {
    const awsAccountId = this.account.account.awsAccountId;
    const leftOut = (why: string) => {
      this.warnings.push(`\`${resource.name}\`: ${why}; left out of the CloudFormation template`);
      return [];
    };
    if (resource.resourceType === 'kms-key')
      return leftOut(
        'CloudFormation sets a key policy only on the AWS::KMS::Key that creates the key',
      );
    if (resource.resourceType === 'lambda-function')
      return leftOut('CloudFormation has no resource for a whole Lambda function policy');
    if (resource.resourceType !== 's3-bucket' && resource.region !== home)
      return leftOut(`it is in ${resource.region} and the stack deploys in ${home}`);
    const base = pascalName(resource.name);
    const document = (from: string) =>
      this.document(resource.policy, from, `resource policy of \`${resource.name}\``);
    switch (resource.resourceType) {
      case 's3-bucket': {
        const id = this.ids.take(`${base}BucketPolicy`);
        return [
          {
            id,
            type: 'AWS::S3::BucketPolicy',
            properties: { Bucket: resource.name, PolicyDocument: document(id) },
          },
        ];
      }
      case 'sqs-queue': {
        const id = this.ids.take(`${base}QueuePolicy`);
        const url = `https://sqs.${resource.region}.amazonaws.com/${awsAccountId}/${resource.name}`;
        return [
          {
            id,
            type: 'AWS::SQS::QueuePolicy',
            properties: { Queues: [url], PolicyDocument: document(id) },
          },
        ];
      }
      case 'sns-topic': {
        const id = this.ids.take(`${base}TopicPolicy`);
        const arn = resourceArn('sns-topic', awsAccountId, resource.region, resource.name);
        return [
          {
            id,
            type: 'AWS::SNS::TopicPolicy',
            properties: { Topics: [arn], PolicyDocument: document(id) },
          },
        ];
      }
      case 'secret': {
        const id = this.ids.take(`${base}SecretPolicy`);
        const arn = resourceArn('secret', awsAccountId, resource.region, resource.name);
        return [
          {
            id,
            type: 'AWS::SecretsManager::ResourcePolicy',
            properties: { SecretId: arn, ResourcePolicy: document(id) },
          },
        ];
      }
    }
  }
}

/** `Ref` of providers and managed policies is their ARN; users, groups and roles need `GetAtt .Arn`. */
function arnExpression(target: ArnTarget, logicalId: string): string {
  return target.kind === 'identity-provider' || target.kind === 'managed-policy'
    ? `!Ref ${logicalId}`
    : `!GetAtt ${logicalId}.Arn`;
}

function tagList(tags: Tags): YamlValue {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function toYaml(value: unknown): YamlValue {
  if (value instanceof Reference) {
    const [tag, argument] = value.target.split(' ') as ['!Ref' | '!GetAtt', string];
    return new Intrinsic(tag, argument);
  }
  if (Array.isArray(value)) return value.map(toYaml);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toYaml(v)]));
  return value as YamlValue;
}
