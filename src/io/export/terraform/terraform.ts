import {
  DEFAULT_REGION,
  attachedPolicies,
  boundaryPolicy,
  managedPolicyView,
  resourceArn,
  type Design,
  type PermissionPolicy,
  type Resource,
  type Role,
  type Tags,
} from '../../../model';
import { designSlug } from '../../design-file';
import { NameAllocator, snakeName } from '../names';
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
  type ManagedPolicy,
  type PolicyHolder,
} from '../plan';
import type { ExportFile, ExportResult } from '../types';
import {
  Expression,
  attribute,
  block,
  hclFile,
  hclValue,
  type BodyItem,
  type HclValue,
} from './hcl';

/** `one-file`: every account in one `.tf` (a provider alias per account); `per-account`: a `.tf` per account. */
export type TerraformLayout = 'one-file' | 'per-account';

const resourceTypeOf = {
  user: 'aws_iam_user',
  group: 'aws_iam_group',
  role: 'aws_iam_role',
} as const;

/** Terraform for the design's IAM: roles, users, groups, managed policies, providers, resource policies. */
export function terraformExport(design: Design, layout: TerraformLayout): ExportResult {
  const slug = designSlug(design);
  if (layout === 'one-file') {
    const plan = planExport(design);
    const { text, warnings } = terraformText(plan, { aliasEveryAccount: true });
    return { files: [{ name: `${slug}.tf`, text }], warnings: [...plan.warnings, ...warnings] };
  }
  const files: ExportFile[] = [];
  const warnings: string[] = [];
  for (const account of design.accounts) {
    const plan = planExport(design, [account.id]);
    const written = terraformText(plan, { aliasEveryAccount: false });
    files.push({ name: `${slug}-${account.awsAccountId}.tf`, text: written.text });
    warnings.push(...plan.warnings, ...written.warnings);
  }
  return { files, warnings };
}

interface Provider {
  awsAccountId: string;
  region: string;
  /** Undefined for the default provider. */
  alias: string | undefined;
}

/** Writes one `.tf` file for the plan's accounts. */
function terraformText(
  plan: ExportPlan,
  options: { aliasEveryAccount: boolean },
): { text: string; warnings: string[] } {
  return new TerraformWriter(plan, options.aliasEveryAccount).write();
}

class TerraformWriter {
  private readonly names = new Map<string, NameAllocator>();
  /** Address (`aws_iam_role.deploy`) of each exported entity and managed policy. */
  private readonly addresses = new Map<object, string>();
  private readonly graph = new DependencyGraph();
  private readonly providers = new Map<string, Provider>();
  private readonly providerNames = new NameAllocator();
  private readonly variables: BodyItem[] = [];
  private readonly warnings: string[] = [];

  constructor(
    private readonly plan: ExportPlan,
    private readonly aliasEveryAccount: boolean,
  ) {}

  write(): { text: string; warnings: string[] } {
    for (const account of this.plan.accounts) this.assignAddresses(account);
    // Boundaries are structural: a role must depend on its boundary policy. Recorded first so
    // that a policy reference that would close a cycle is the one refused.
    for (const account of this.plan.accounts) {
      for (const policy of account.managedPolicies)
        for (const holder of policy.boundaryOf)
          this.graph.tryAdd(this.address(holder), this.address(policy));
    }
    const sections = this.plan.accounts.map((account) => this.accountBlocks(account));
    const blocks = [
      terraformBlock(),
      ...[...this.providers.values()].map(providerBlock),
      ...this.variables,
      ...sections.flat(),
    ];
    const accounts = this.plan.accounts.map(
      ({ account }) => `${account.name} (${account.awsAccountId})`,
    );
    const comments = [
      `Terraform for the IAM of "${this.plan.design.name}", exported by Rolecraft.`,
      `Accounts: ${accounts.join(', ') || 'none'}.`,
      'Each provider is pinned to its account by allowed_account_ids: give it credentials for',
      'that account (a profile or an assume_role block) before `terraform plan`.',
    ];
    return { text: hclFile(comments, blocks), warnings: this.warnings };
  }

  private take(type: string, ...candidates: string[]): string {
    let allocator = this.names.get(type);
    if (!allocator) this.names.set(type, (allocator = new NameAllocator()));
    return `${type}.${allocator.take(...candidates)}`;
  }

  private address(thing: object): string {
    return this.addresses.get(thing)!;
  }

  /** `developer`, or `production_developer` when another account already has a `developer`. */
  private entityName(account: AccountPlan, name: string): string[] {
    return [snakeName(name), `${snakeName(account.account.name)}_${snakeName(name)}`];
  }

  private assignAddresses(account: AccountPlan) {
    const assign = (thing: object, type: string, name: string) =>
      this.addresses.set(thing, this.take(type, ...this.entityName(account, name)));
    for (const entity of account.users) assign(entity, 'aws_iam_user', entity.name);
    for (const entity of account.groups) assign(entity, 'aws_iam_group', entity.name);
    for (const entity of account.roles) assign(entity, 'aws_iam_role', entity.name);
    for (const entity of account.samlProviders)
      assign(entity, 'aws_iam_saml_provider', entity.name);
    for (const entity of account.oidcProviders)
      assign(entity, 'aws_iam_openid_connect_provider', entity.issuer);
    for (const policy of account.managedPolicies) assign(policy, 'aws_iam_policy', policy.name);
  }

  /** The provider for resources of this account in this region (IAM is global: the default region). */
  private provider(account: AccountPlan, region = DEFAULT_REGION): BodyItem[] {
    const id = account.account.awsAccountId;
    const key = `${id}/${region}`;
    let provider = this.providers.get(key);
    if (!provider) {
      const isHome = region === DEFAULT_REGION;
      const alias =
        this.aliasEveryAccount || !isHome
          ? this.providerNames.take(
              ...(this.aliasEveryAccount
                ? [
                    snakeName(account.account.name) + (isHome ? '' : `_${snakeName(region)}`),
                    `account_${id}${isHome ? '' : `_${snakeName(region)}`}`,
                  ]
                : [snakeName(region)]),
            )
          : undefined;
      provider = { awsAccountId: id, region, alias };
      this.providers.set(key, provider);
    }
    return provider.alias ? [attribute('provider', new Expression(`aws.${provider.alias}`))] : [];
  }

  /** `jsonencode(...)` of a policy text, naming exported resources by address where no cycle follows. */
  private policy(text: string, from: string, where: string): HclValue {
    const document = documentOf(text);
    if (!document) {
      this.warnings.push(`${where}: the policy is not valid JSON; exported as an empty policy`);
      return new Expression('jsonencode({})');
    }
    const resolved = withReferences(document, (value) => {
      const target = this.plan.byArn.get(value);
      if (!target) return undefined;
      const to = this.targetAddress(target);
      return this.graph.tryAdd(from, to) ? new Reference(`${to}.arn`) : undefined;
    });
    return new Expression(`jsonencode(${hclValue(toHcl(resolved), 1)})`);
  }

  private targetAddress(target: ArnTarget): string {
    return this.address(target.kind === 'managed-policy' ? target.policy : target.entity);
  }

  private policyArn(account: AccountPlan, policy: PermissionPolicy): HclValue {
    const managed = account.managedPolicies.find((p) => p.policy.id === policy.id);
    if (managed) return new Expression(`${this.address(managed)}.arn`);
    return attachedPolicyArn(account.account, policy)!;
  }

  private accountBlocks(account: AccountPlan): BodyItem[] {
    // Roles first: their trust references take precedence over policy references in cycles.
    const roles = account.roles.flatMap((role) => this.holderBlocks(account, role));
    return [
      ...account.samlProviders.map((provider) => {
        const variable = this.take('var', `${snakeName(provider.name)}_saml_metadata`).slice(4);
        this.variables.push(
          block(
            'variable',
            [variable],
            [
              attribute('type', new Expression('string')),
              attribute(
                'description',
                `SAML metadata XML of the identity provider ${provider.name}`,
              ),
            ],
          ),
        );
        return resourceBlock(this.address(provider), [
          ...this.provider(account),
          attribute('name', provider.name),
          attribute('saml_metadata_document', new Expression(`var.${variable}`)),
        ]);
      }),
      ...account.oidcProviders.map((provider) =>
        resourceBlock(this.address(provider), [
          ...this.provider(account),
          attribute('url', `https://${provider.issuer}`),
          attribute('client_id_list', provider.audiences),
        ]),
      ),
      ...account.managedPolicies.map((policy) => this.managedPolicyBlock(account, policy)),
      ...account.groups.flatMap((group) => this.holderBlocks(account, group)),
      ...account.users.flatMap((user) => this.holderBlocks(account, user)),
      ...roles,
      ...account.resources.flatMap((resource) => this.resourcePolicyBlock(account, resource)),
    ];
  }

  private managedPolicyBlock(account: AccountPlan, policy: ManagedPolicy): BodyItem {
    const address = this.address(policy);
    return resourceBlock(address, [
      ...this.provider(account),
      attribute('name', policy.name),
      ...(policy.path !== '/' ? [attribute('path', policy.path)] : []),
      ...(policy.description ? [attribute('description', policy.description)] : []),
      attribute('policy', this.policy(policy.text, address, `policy \`${policy.name}\``)),
    ]);
  }

  /** The principal, its inline policies, its attachments, and (for users) its groups. */
  private holderBlocks(account: AccountPlan, holder: PolicyHolder): BodyItem[] {
    const address = this.address(holder);
    const local = address.split('.')[1]!;
    const kind = holder.kind;
    const type = resourceTypeOf[kind];
    const self = new Expression(`${address}.name`);
    const provider = this.provider(account);
    const fields: BodyItem[] = [...provider, attribute('name', holder.name)];
    if (holder.path !== '/') fields.push(attribute('path', holder.path));
    if (holder.kind === 'role') {
      if (holder.description) fields.push(attribute('description', holder.description));
      fields.push(
        attribute(
          'assume_role_policy',
          this.policy(holder.trustPolicy, address, `trust policy of role \`${holder.name}\``),
        ),
        attribute('max_session_duration', holder.maxSessionDuration),
      );
    }
    if (holder.kind !== 'group') {
      const boundary = boundaryPolicy(this.plan.design, holder);
      if (boundary)
        fields.push(
          attribute('permissions_boundary', this.policyArn(account, managedPolicyView(boundary))),
        );
      if (Object.keys(holder.tags).length > 0)
        fields.push(attribute('tags', tagsValue(holder.tags)));
    }
    const blocks = [resourceBlock(address, fields)];
    for (const policy of attachedPolicies(this.plan.design, holder)) {
      if (policy.attachment === 'inline') {
        const name = this.take(`${type}_policy`, `${local}_${snakeName(policy.name)}`);
        blocks.push(
          resourceBlock(name, [
            ...provider,
            attribute('name', policy.name),
            attribute(kind, self),
            attribute(
              'policy',
              this.policy(policy.text, name, `policy \`${policy.name}\` of \`${holder.name}\``),
            ),
          ]),
        );
      } else {
        const name = this.take(`${type}_policy_attachment`, `${local}_${snakeName(policy.name)}`);
        blocks.push(
          resourceBlock(name, [
            ...provider,
            attribute(kind, self),
            attribute('policy_arn', this.policyArn(account, policy)),
          ]),
        );
      }
    }
    if (holder.kind === 'user' && holder.groups.length > 0) {
      const groups = holder.groups
        .map((id) => account.groups.find((g) => g.id === id))
        .filter((g) => g !== undefined)
        .map((g) => new Expression(`${this.address(g)}.name`));
      blocks.push(
        resourceBlock(this.take('aws_iam_user_group_membership', local), [
          ...provider,
          attribute('user', self),
          attribute('groups', groups),
        ]),
      );
    }
    if (holder.kind === 'role' && trustsEc2(holder))
      blocks.push(this.instanceProfile(account, holder));
    return blocks;
  }

  private instanceProfile(account: AccountPlan, role: Role): BodyItem {
    const address = this.address(role);
    return resourceBlock(this.take('aws_iam_instance_profile', address.split('.')[1]!), [
      ...this.provider(account),
      attribute('name', role.name),
      ...(role.path !== '/' ? [attribute('path', role.path)] : []),
      attribute('role', new Expression(`${address}.name`)),
    ]);
  }

  private resourcePolicyBlock(account: AccountPlan, resource: Resource): BodyItem[] {
    const target = resourcePolicyTarget(account.account.awsAccountId, resource);
    if (!target) {
      this.warnings.push(
        `\`${resource.name}\`: Terraform has no resource for a whole Lambda function policy (it uses one aws_lambda_permission per statement); left out`,
      );
      return [];
    }
    const name = this.take(target.type, ...this.entityName(account, resource.name));
    return [
      resourceBlock(name, [
        ...this.provider(
          account,
          resource.resourceType === 's3-bucket' ? undefined : resource.region,
        ),
        attribute(target.field, target.value),
        attribute(
          'policy',
          this.policy(resource.policy, name, `resource policy of \`${resource.name}\``),
        ),
      ]),
    ];
  }
}

/** The Terraform resource that holds a resource type's policy, and how it names the resource. */
function resourcePolicyTarget(
  awsAccountId: string,
  resource: Resource,
): { type: string; field: string; value: string } | undefined {
  const { name, region } = resource;
  switch (resource.resourceType) {
    case 's3-bucket':
      return { type: 'aws_s3_bucket_policy', field: 'bucket', value: name };
    case 'sqs-queue':
      return {
        type: 'aws_sqs_queue_policy',
        field: 'queue_url',
        value: `https://sqs.${region}.amazonaws.com/${awsAccountId}/${name}`,
      };
    case 'sns-topic':
      return {
        type: 'aws_sns_topic_policy',
        field: 'arn',
        value: resourceArn('sns-topic', awsAccountId, region, name),
      };
    case 'kms-key':
      return { type: 'aws_kms_key_policy', field: 'key_id', value: name };
    case 'secret':
      return {
        type: 'aws_secretsmanager_secret_policy',
        field: 'secret_arn',
        value: resourceArn('secret', awsAccountId, region, name),
      };
    case 'lambda-function':
      return undefined;
  }
}

function resourceBlock(address: string, body: BodyItem[]): BodyItem {
  const [type, name] = address.split('.') as [string, string];
  return block('resource', [type, name], body);
}

function tagsValue(tags: Tags): HclValue {
  return { ...tags };
}

/** A parsed policy document as an HCL value; references become expressions. */
function toHcl(value: unknown): HclValue {
  if (value instanceof Reference) return new Expression(value.target);
  if (Array.isArray(value)) return value.map(toHcl);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toHcl(v)]));
  return value as HclValue;
}

function terraformBlock(): BodyItem {
  return block(
    'terraform',
    [],
    [
      block(
        'required_providers',
        [],
        [attribute('aws', { source: 'hashicorp/aws', version: '>= 5.0' })],
      ),
    ],
  );
}

function providerBlock(provider: Provider): BodyItem {
  return block(
    'provider',
    ['aws'],
    [
      ...(provider.alias ? [attribute('alias', provider.alias)] : []),
      attribute('region', provider.region),
      attribute('allowed_account_ids', [provider.awsAccountId]),
    ],
  );
}
