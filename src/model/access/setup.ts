// How the adapter puts a design's question to STS: the questions, the caller and role set-ups
// (stand-ins for principals the design does not model).

import type { PolicyDocument } from '../../engine';
import {
  IdGenerator,
  assumedRoleArn,
  describeRole,
  principalCaller,
  sessionCaller,
  type AssumeRoleParams,
  type Caller,
  type ContextMap,
  type SessionRecord,
  type StsApi,
} from '../../sts';
import { arnOf } from '../arn';
import { findEntity } from '../lookup';
import { federatedNameOf, type PrincipalRef } from '../principal-ref';
import type { Design, EntityId } from '../types';
import {
  CHAINED_SESSION_NAME,
  DEFAULT_NOW_MS,
  DEFAULT_SESSION_NAME,
  federatedAssumeParams,
  defaultClaims,
  serviceAssumeParams,
  userAssumeParams,
} from './defaults';
import { accountEntity } from './sources';
import { type DesignWorld } from './world';

export interface AssumeQuestion {
  /** The caller's node: a user, a role (a fresh session of it), a service, an identity provider, an account or an outside principal. */
  source: EntityId;
  /** The role to assume. */
  role: EntityId;
  /** How the trust policy names the caller, when narrower than the node (an ARN in an outside account, a role session). */
  as?: PrincipalRef;
  /** Extra request context; it wins over the defaults. */
  context?: ContextMap;
  /** Epoch ms of the request (default: the simulation clock's start). */
  now?: number;
}

export interface CallQuestion {
  /** The caller's node: a user (its access keys), a role (a fresh session of it), a service or an outside principal. */
  source: EntityId;
  action: string;
  /** The resource's ARN (an object ARN of a modelled bucket takes the bucket's policy). */
  resource: string;
  context?: ContextMap;
  now?: number;
}

/** Every seed the simulator uses gives its role ids; the adapter uses the simulator's. */
export const SIMULATION_SEED = 'rolecraft';
const ids = new IdGenerator(SIMULATION_SEED);
export const ALLOW_ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
/** An account outside the design for `Anyone`: AWS principals of any account. */
const ANY_ACCOUNT = '000000000000';

/**
 * A role session straight after AssumeRole with the default parameters: no tags, no session
 * policy, no MFA, no source identity; issued now, with the role id the simulator would give.
 */
export function freshSession(
  roleArn: string,
  sessionName: string = DEFAULT_SESSION_NAME,
  nowMs: number = DEFAULT_NOW_MS,
): SessionRecord | undefined {
  const role = describeRole(roleArn);
  if (!role) return undefined;
  const roleId = ids.uniqueId('AROA', roleArn);
  const arn = assumedRoleArn(role, sessionName);
  const expiration = nowMs + 3600 * 1000;
  return {
    accessKeyId: 'ASIAROLECRAFTFRESH00',
    api: 'AssumeRole',
    roleArn,
    roleId,
    sessionName,
    assumedRoleArn: arn,
    assumedRoleId: `${roleId}:${sessionName}`,
    issuedAt: nowMs,
    expiration,
    credentials: {
      AccessKeyId: 'ASIAROLECRAFTFRESH00',
      SecretAccessKey: '',
      SessionToken: '',
      Expiration: new Date(expiration).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    tags: {},
    transitiveTagKeys: [],
    sessionPolicies: [],
    chained: false,
    chain: [arn],
  };
}

/** How a node calls STS, whatever the role: the API, the caller (with extra context) and the parameters. */
export interface CallerSetup {
  api: StsApi;
  /** Builds the caller with extra context. */
  caller: (context: ContextMap) => Caller;
  params: AssumeRoleParams;
}

export interface AssumeSetup extends CallerSetup {
  roleArn: string;
}

const sessionOf = (ref: PrincipalRef | undefined): string | undefined =>
  ref && /^arn:[^:]+:sts::\d{12}:assumed-role\/[^/]+\/(.+)$/.exec(ref.value)?.[1];

/** A principal the design does not model (an account's principals, an outside ARN, anyone), whose own policies allow. */
function standIn(world: DesignWorld, principal: string, roleArn?: string) {
  const account = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
  return (context: ContextMap): Caller => ({
    principal,
    identityPolicies: [ALLOW_ALL],
    scp: world.index.scp(account),
    ...(roleArn ? { roleArn } : {}),
    context,
  });
}

function standInPrincipal(accountOrArn: string): { principal: string; roleArn?: string } {
  if (/^\d{12}$/.test(accountOrArn))
    return { principal: `arn:aws:iam::${accountOrArn}:user/rolecraft-principal` };
  const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(accountOrArn);
  if (role)
    return {
      principal: `arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/${DEFAULT_SESSION_NAME}`,
      roleArn: accountOrArn,
    };
  const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(accountOrArn);
  if (root) return standInPrincipal(root[1]!);
  return { principal: accountOrArn };
}

export function assumeSetup(
  design: Design,
  world: DesignWorld,
  q: AssumeQuestion,
): AssumeSetup | string {
  const role = findEntity(design, q.role);
  const roleArn = role?.kind === 'role' ? arnOf(design, role) : undefined;
  if (!roleArn) return `\`${q.role}\` is not a role of the design`;
  const setup = callerSetup(design, world, q);
  return typeof setup === 'string' ? setup : { ...setup, roleArn };
}

export function callerSetup(
  design: Design,
  world: DesignWorld,
  q: Omit<AssumeQuestion, 'role'>,
): CallerSetup | string {
  const source = findEntity(design, q.source);
  if (!source) return `\`${q.source}\` is not in the design`;
  const nowMs = q.now ?? DEFAULT_NOW_MS;
  const base = { api: 'AssumeRole' as StsApi };
  switch (source.kind) {
    case 'user': {
      const arn = arnOf(design, source);
      const account = accountEntity(design, source.account);
      if (!arn || !account) return `user \`${source.name}\` is in no account`;
      return {
        ...base,
        caller: (context) => principalCaller(world.index, arn, context),
        params: userAssumeParams(source, account.awsAccountId),
      };
    }
    case 'role': {
      const arn = arnOf(design, source);
      const session = arn && freshSession(arn, sessionOf(q.as) ?? DEFAULT_SESSION_NAME, nowMs);
      if (!session) return `role \`${source.name}\` is in no account`;
      return {
        ...base,
        caller: (context) => sessionCaller(world.index, session, context),
        params: { RoleSessionName: CHAINED_SESSION_NAME },
      };
    }
    case 'service':
      return {
        ...base,
        caller: (context) => principalCaller(world.index, source.name, context),
        params: serviceAssumeParams(source.name),
      };
    case 'identity-provider': {
      const federated = federatedNameOf(design, source);
      if (!federated) return `identity provider \`${source.name}\` is in no account`;
      const claims = defaultClaims(source);
      return {
        api: source.protocol === 'saml' ? 'AssumeRoleWithSAML' : 'AssumeRoleWithWebIdentity',
        caller: (context) => ({ federated, context: { ...claims, ...context } }),
        params: federatedAssumeParams(source),
      };
    }
    case 'account':
    case 'outside': {
      const named =
        q.as?.type === 'AWS' && q.as.value !== '*'
          ? q.as.value
          : source.kind === 'account' || source.scope === 'account'
            ? source.awsAccountId
            : ANY_ACCOUNT;
      const { principal, roleArn: asRole } = standInPrincipal(named);
      return {
        ...base,
        caller: standIn(world, principal, asRole),
        params: { RoleSessionName: DEFAULT_SESSION_NAME },
      };
    }
    case 'group':
    case 'resource':
      return `a ${source.kind} cannot call STS`;
  }
}
