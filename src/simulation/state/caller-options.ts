// The callers a person can pick for an assume (design principals and live sessions), and
// what the form starts with for each: a session name, MFA for users who have it, the token
// claims of a federated identity.

import { arnAccount } from '../../engine';
import type { SessionRecord } from '../../sts/index.ts';
import {
  CHAINED_SESSION_NAME,
  accountOf,
  deriveRoleTrustGraph,
  federatedAssumeParams,
  findEntity,
  serviceAssumeParams,
  userAssumeParams,
  type Design,
} from '../../model';
import { designCallers, designRoles, type DesignCaller, type DesignRole } from '../world/callers';
import { suggestClaims, type ClaimRow } from '../world/claims';
import type { AssumeFormValues, CallerChoice } from './requests';
import { sessionLabel } from './subjects';

export type CallerOption =
  | (DesignCaller & { key: string })
  | { kind: 'session'; key: string; label: string; accessKeyId: string; roleArn: string };

export const CALLER_GROUPS: { kind: CallerOption['kind']; label: string }[] = [
  { kind: 'user', label: 'Users' },
  { kind: 'session', label: 'Live sessions (role chaining)' },
  { kind: 'service', label: 'Services' },
  { kind: 'federated', label: 'Federated identities' },
];

export function callerOptions(
  design: Design,
  sessions: readonly SessionRecord[],
  /** Access key ids of the sessions that have expired. */
  expired: ReadonlySet<string>,
): CallerOption[] {
  const fromDesign: CallerOption[] = designCallers(design).map((c) => ({
    ...c,
    key: `${c.kind}:${c.entityId}`,
  }));
  const live: CallerOption[] = sessions.map((s) => ({
    kind: 'session',
    key: `session:${s.accessKeyId}`,
    label: `${sessionLabel(s)} (${s.accessKeyId.slice(0, 4)}…${s.accessKeyId.slice(-4)}${expired.has(s.accessKeyId) ? ', expired' : ''})`,
    accessKeyId: s.accessKeyId,
    roleArn: s.roleArn,
  }));
  return [...fromDesign, ...live];
}

export interface ServiceContext {
  sourceAccount: string;
  sourceArn: string;
}

export interface CallerDefaults {
  form: Partial<AssumeFormValues>;
  claims: ClaimRow[];
  /** For a service caller: the `aws:SourceAccount` and `aws:SourceArn` it sends. */
  service: ServiceContext;
}

const NO_SERVICE: ServiceContext = { sourceAccount: '', sourceArn: '' };

/**
 * Values the role's trust asks of this caller, read from the conditions of the trust edges
 * from the caller (or, for a user, from its account) to the role: the first accepted value
 * of each (positive operators only), so an untouched form passes where the trust allows.
 */
function trustAsks(
  design: Design,
  callerId: string,
  role: DesignRole | undefined,
): Map<string, string> {
  const asks = new Map<string, string>();
  if (!role) return asks;
  const caller = findEntity(design, callerId);
  const sources = new Set([callerId]);
  if (caller && 'account' in caller) sources.add(caller.account);
  // Only this role's edges: deriving every role's on each pick would take seconds at scale.
  for (const edge of deriveRoleTrustGraph(design, role.entityId).edges) {
    if (!sources.has(edge.source)) continue;
    for (const set of edge.conditionSets.slice(0, 1))
      for (const label of set) {
        if (/not|null|ifexists/i.test(label.operator)) continue;
        const first = label.values[0];
        const key = label.key.toLowerCase();
        if (first !== undefined && !asks.has(key) && !/[*?]/.test(first)) asks.set(key, first);
      }
  }
  return asks;
}

/** What the form starts with when this caller (and role) is picked. */
export function callerDefaults(
  design: Design,
  option: CallerOption | undefined,
  role: DesignRole | undefined,
): CallerDefaults {
  const none = { form: {}, claims: [], service: NO_SERVICE };
  if (!option) return none;
  const callerId =
    option.kind === 'session'
      ? designRoles(design).find((r) => r.arn === option.roleArn)?.entityId
      : option.entityId;
  const asks =
    callerId === undefined ? new Map<string, string>() : trustAsks(design, callerId, role);
  const externalId = asks.get('sts:externalid') ?? '';
  // The adapter's default parameters, so a default assume asks what the canvas edge asks,
  // plus the values the trust itself names (ExternalId, SourceAccount).
  switch (option.kind) {
    case 'user': {
      const user = findEntity(design, option.entityId);
      const account = user && accountOf(design, user);
      if (user?.kind !== 'user' || !account) return none;
      const params = userAssumeParams(user, account.awsAccountId);
      return {
        form: {
          sessionName: params.RoleSessionName ?? '',
          externalId,
          mfa: params.SerialNumber !== undefined,
          serialNumber: params.SerialNumber ?? '',
          tokenCode: params.TokenCode ?? '',
        },
        claims: [],
        service: NO_SERVICE,
      };
    }
    case 'session':
      return {
        form: { sessionName: CHAINED_SESSION_NAME, externalId, mfa: false },
        claims: [],
        service: NO_SERVICE,
      };
    case 'service':
      return {
        form: {
          sessionName: serviceAssumeParams(option.service).RoleSessionName ?? '',
          externalId,
          mfa: false,
        },
        claims: [],
        service: {
          sourceAccount:
            asks.get('aws:sourceaccount') ?? (role ? (arnAccount(role.arn) ?? '') : ''),
          sourceArn: asks.get('aws:sourcearn') ?? '',
        },
      };
    case 'federated': {
      const provider = findEntity(design, option.entityId);
      const trust = role
        ? design.roles.find((r) => r.id === role.entityId)?.trustPolicy
        : undefined;
      if (provider?.kind !== 'identity-provider') return none;
      const claims = suggestClaims(provider, option.claimPrefix, option.federated, trust);
      const sessionName = federatedAssumeParams(provider).RoleSessionName ?? '';
      return { form: { sessionName, externalId: '', mfa: false }, claims, service: NO_SERVICE };
    }
  }
}

export function callerChoice(
  option: CallerOption,
  service: ServiceContext,
  claims: ClaimRow[],
): CallerChoice {
  switch (option.kind) {
    case 'user':
      return { kind: 'user', entityId: option.entityId, arn: option.arn };
    case 'session':
      return { kind: 'session', accessKeyId: option.accessKeyId };
    case 'service':
      return { kind: 'service', entityId: option.entityId, service: option.service, ...service };
    case 'federated':
      return { kind: 'federated', entityId: option.entityId, federated: option.federated, claims };
  }
}

export { designRoles };
