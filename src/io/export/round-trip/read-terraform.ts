// Test support: reads exported Terraform back into a design, with a real HCL parser.
import { parse } from '@cdktf/hcl2json';
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
  type ResourceType,
} from '../../../model';
import { managedIds } from './managed-ids';

type Json = unknown;
type Attributes = Record<string, Json>;

interface TfResource {
  type: string;
  name: string;
  attributes: Attributes;
  awsAccountId: string;
  region: string;
}

/** Reads `.tf` files (as written by the export) into one design; throws on what it cannot map. */
export async function readTerraform(files: { name: string; text: string }[]): Promise<Design> {
  const ids = sequentialIds();
  const design = emptyDesign('read back', ids);
  for (const file of files) await readFile(design, file, ids);
  return design;
}

async function readFile(
  design: Design,
  file: { name: string; text: string },
  ids: (prefix: string) => string,
) {
  const json = (await parse(file.name, file.text)) as Record<string, Record<string, Json>>;
  const providers = new Map<string, { awsAccountId: string; region: string }>();
  for (const provider of (json.provider?.aws ?? []) as Attributes[]) {
    const alias = typeof provider.alias === 'string' ? `aws.${provider.alias}` : 'aws';
    providers.set(alias, {
      awsAccountId: (provider.allowed_account_ids as string[])[0]!,
      region: provider.region as string,
    });
  }
  const resources = new Map<string, TfResource>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, bodies] of Object.entries(byName as Record<string, Attributes[]>)) {
      const attributes = bodies[0]!;
      const provider =
        typeof attributes.provider === 'string' ? unwrap(attributes.provider) : 'aws';
      const found = providers.get(provider);
      if (!found) throw new Error(`${type}.${name}: unknown provider ${provider}`);
      resources.set(`${type}.${name}`, { type, name, attributes, ...found });
    }
  }

  const find = (ref: string) => {
    const [type, name] = ref.split('.');
    const resource = resources.get(`${type}.${name}`);
    if (!resource) throw new Error(`${file.name}: reference to missing ${ref}`);
    return resource;
  };
  const arnOf = (resource: TfResource): string => {
    const a = resource.attributes;
    const id = resource.awsAccountId;
    const path = typeof a.path === 'string' ? a.path : '/';
    switch (resource.type) {
      case 'aws_iam_user':
        return iamArn('user', id, path, a.name as string);
      case 'aws_iam_group':
        return iamArn('group', id, path, a.name as string);
      case 'aws_iam_role':
        return iamArn('role', id, path, a.name as string);
      case 'aws_iam_policy':
        return `arn:aws:iam::${id}:policy${path}${a.name as string}`;
      case 'aws_iam_saml_provider':
        return `arn:aws:iam::${id}:saml-provider/${a.name as string}`;
      case 'aws_iam_openid_connect_provider':
        return `arn:aws:iam::${id}:oidc-provider/${(a.url as string).replace('https://', '')}`;
      default:
        throw new Error(`no ARN for ${resource.type}`);
    }
  };
  /** A string attribute: a reference resolved (`.arn`, `.name`), or literal text unescaped. */
  const text = (value: Json): string => {
    if (typeof value !== 'string')
      throw new Error(`expected a string, got ${JSON.stringify(value)}`);
    const ref = /^\$\{([a-z0-9_]+\.[a-z0-9_]+\.(arn|name))\}$/.exec(value);
    if (ref) {
      const resource = find(ref[1]!);
      return ref[2] === 'arn' ? arnOf(resource) : (resource.attributes.name as string);
    }
    if (/(^|[^$])\$\{/.test(value)) throw new Error(`unexpected interpolation in ${value}`);
    return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  };
  const resolveDeep = (value: Json): Json => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(resolveDeep);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v)]));
    return value;
  };
  /** `jsonencode({...})`: the object read again by the HCL parser, references resolved. */
  const policy = async (value: Json): Promise<string> => {
    const call = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(value as string);
    if (!call) throw new Error(`policy is not jsonencode(...): ${String(value)}`);
    const inner = (await parse('inner.tf', `value = ${call[1]}\n`)) as { value: Json };
    return JSON.stringify(resolveDeep(inner.value));
  };

  for (const id of new Set([...providers.values()].map((p) => p.awsAccountId))) {
    if (!design.accounts.some((a) => a.awsAccountId === id))
      design.accounts.push(makeAccount({ awsAccountId: id }, ids));
  }
  const accountOf = (r: TfResource) =>
    design.accounts.find((a) => a.awsAccountId === r.awsAccountId)!.id;
  // One managed policy record per aws_iam_policy (and per AWS managed ARN attached).
  const managed = managedIds(design, ids, 'export');
  for (const r of resources.values()) {
    if (r.type !== 'aws_iam_policy') continue;
    const a = r.attributes;
    const record = makeManagedPolicy(
      {
        type: 'customer-managed',
        account: accountOf(r),
        name: text(a.name),
        path: typeof a.path === 'string' ? text(a.path) : '/',
        description: typeof a.description === 'string' ? text(a.description) : '',
        text: await policy(a.policy),
      },
      ids,
    );
    design.managedPolicies.push(record);
    managed.define(arnOf(r), record.id);
  }

  const entities = new Map<
    string,
    { id: string; policies: PolicyAttachment[]; groups?: string[] }
  >();
  const common = (r: TfResource) => {
    const a = r.attributes;
    return {
      account: accountOf(r),
      name: text(a.name),
      path: typeof a.path === 'string' ? text(a.path) : '/',
    };
  };
  const tags = (a: Attributes) => resolveDeep(a.tags ?? {}) as Record<string, string>;
  const boundary = (a: Attributes) =>
    a.permissions_boundary === undefined ? null : managed.idOf(text(a.permissions_boundary));
  for (const r of resources.values()) {
    const a = r.attributes;
    const key = `${r.type}.${r.name}`;
    if (r.type === 'aws_iam_user') {
      const user = makeUser({ ...common(r), tags: tags(a), permissionsBoundary: boundary(a) }, ids);
      design.users.push(user);
      entities.set(key, user);
    } else if (r.type === 'aws_iam_group') {
      const group = makeGroup(common(r), ids);
      design.groups.push(group);
      entities.set(key, group);
    } else if (r.type === 'aws_iam_role') {
      const role = makeRole(
        {
          ...common(r),
          description: a.description === undefined ? '' : text(a.description),
          maxSessionDuration: a.max_session_duration as number,
          trustPolicy: await policy(a.assume_role_policy),
          tags: tags(a),
          permissionsBoundary: boundary(a),
        },
        ids,
      );
      design.roles.push(role);
      entities.set(key, role);
    } else if (r.type === 'aws_iam_saml_provider') {
      if (!/^\$\{var\.[a-z0-9_]+\}$/.test(a.saml_metadata_document as string))
        throw new Error('saml metadata is not a variable');
      design.identityProviders.push(
        makeSamlProvider({ account: accountOf(r), name: text(a.name) }, ids),
      );
    } else if (r.type === 'aws_iam_openid_connect_provider') {
      design.identityProviders.push(
        makeOidcProvider(
          {
            account: accountOf(r),
            preset: 'custom',
            issuer: text(a.url).replace('https://', ''),
            audiences: resolveDeep(a.client_id_list) as string[],
          },
          ids,
        ),
      );
    }
  }
  const owner = (ref: Json) => {
    const match = /^\$\{([a-z0-9_]+\.[a-z0-9_]+)\.name\}$/.exec(ref as string);
    const entity = match && entities.get(match[1]!);
    if (!entity) throw new Error(`not a principal reference: ${String(ref)}`);
    return entity;
  };
  for (const r of resources.values()) {
    const a = r.attributes;
    const inline = /^aws_iam_(user|group|role)_policy$/.exec(r.type);
    const attachment = /^aws_iam_(user|group|role)_policy_attachment$/.exec(r.type);
    if (inline) {
      owner(a[inline[1]!]).policies.push(
        makePolicy({ name: text(a.name), text: await policy(a.policy) }, ids),
      );
    } else if (attachment) {
      owner(a[attachment[1]!]).policies.push(managed.attached(text(a.policy_arn)));
    } else if (r.type === 'aws_iam_user_group_membership') {
      const user = owner(a.user);
      for (const group of a.groups as string[]) user.groups!.push(owner(group).id);
    } else {
      const resource = resourceOf(r);
      if (resource)
        design.resources.push(
          makeResource({ account: accountOf(r), ...resource, policy: await policy(a.policy) }, ids),
        );
    }
  }
}

function resourceOf(
  r: TfResource,
): { name: string; resourceType: ResourceType; region?: string } | undefined {
  const a = r.attributes as Record<string, string>;
  switch (r.type) {
    case 'aws_s3_bucket_policy':
      return { name: a.bucket!, resourceType: 's3-bucket' };
    case 'aws_kms_key_policy':
      return { name: a.key_id!, region: r.region, resourceType: 'kms-key' };
    case 'aws_sqs_queue_policy': {
      const [, region, , name] =
        /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/(.+)$/.exec(a.queue_url!)!;
      if (region !== r.region) throw new Error(`${a.queue_url} through a provider of ${r.region}`);
      return { name: name!, region, resourceType: 'sqs-queue' };
    }
    case 'aws_sns_topic_policy': {
      const [, region, name] = /^arn:aws:sns:([a-z0-9-]+):\d{12}:(.+)$/.exec(a.arn!)!;
      return { name: name!, region, resourceType: 'sns-topic' };
    }
    case 'aws_secretsmanager_secret_policy': {
      const [, region, name] = /^arn:aws:secretsmanager:([a-z0-9-]+):\d{12}:secret:(.+)$/.exec(
        a.secret_arn!,
      )!;
      return { name: name!, region, resourceType: 'secret' };
    }
    case 'aws_iam_instance_profile':
    case 'aws_iam_user':
    case 'aws_iam_group':
    case 'aws_iam_role':
    case 'aws_iam_policy':
    case 'aws_iam_saml_provider':
    case 'aws_iam_openid_connect_provider':
      return undefined;
    default:
      throw new Error(`unexpected resource type ${r.type}`);
  }
}

function unwrap(expression: string): string {
  return expression.replace(/^\$\{|\}$/g, '');
}
