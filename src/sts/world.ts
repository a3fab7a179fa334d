// The accounts a simulation runs in: principals, roles, resource policies and the
// organization policies over each account. The UI builds it from the design; a session
// conformance case builds it from its principals, roles, resources and scp.

import { parseArn } from '../engine/index.ts';
import type { PolicyDocument, PolicyLevels, RoleDefinition } from './types.ts';

/** An IAM user (or other principal with long-term credentials) and its policies. */
export interface PrincipalDefinition {
  arn: string;
  identityPolicies?: PolicyDocument[];
  permissionsBoundary?: PolicyDocument;
  tags?: Record<string, string>;
}

export interface ResourceDefinition {
  arn: string;
  /** The owning account when the ARN carries none (S3). */
  account?: string;
  policy?: PolicyDocument;
}

export interface StsWorld {
  principals?: PrincipalDefinition[];
  roles?: RoleDefinition[];
  resources?: ResourceDefinition[];
  /** SCP levels over each account (root first); an account without an entry is in no organization. */
  scp?: Record<string, PolicyLevels>;
  /** RCP levels over each account (root first). */
  rcp?: Record<string, PolicyLevels>;
}

/** Read access to a world by ARN and account. */
export class WorldIndex {
  private readonly principals = new Map<string, PrincipalDefinition>();
  private readonly roles = new Map<string, RoleDefinition>();
  private readonly resources = new Map<string, ResourceDefinition>();

  constructor(private readonly world: StsWorld) {
    for (const p of world.principals ?? []) this.principals.set(p.arn, p);
    for (const r of world.roles ?? []) this.roles.set(r.arn, r);
    for (const r of world.resources ?? []) this.resources.set(r.arn, r);
  }

  principal(arn: string): PrincipalDefinition | undefined {
    return this.principals.get(arn);
  }

  role(arn: string): RoleDefinition | undefined {
    return this.roles.get(arn);
  }

  resource(arn: string): ResourceDefinition | undefined {
    return this.resources.get(arn);
  }

  scp(account: string | undefined): PolicyLevels | undefined {
    return account === undefined ? undefined : this.world.scp?.[account];
  }

  rcp(account: string | undefined): PolicyLevels | undefined {
    return account === undefined ? undefined : this.world.rcp?.[account];
  }

  /** The account that owns a resource: given, or from its ARN. */
  resourceAccount(arn: string): string | undefined {
    const known = this.resources.get(arn)?.account;
    if (known) return known;
    const account = parseArn(arn)?.account;
    return account ? account : undefined;
  }
}
