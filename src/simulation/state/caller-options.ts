// The callers a person can pick for an assume (design principals and live sessions), and
// what the form starts with for each: a session name, MFA for users who have it, the token
// claims of a federated identity.

import type { SessionRecord } from '../../sts/index.ts';
import {
  CHAINED_SESSION_NAME,
  FEDERATED_SESSION_NAME,
  accountOf,
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

export interface CallerDefaults {
  form: Partial<AssumeFormValues>;
  claims: ClaimRow[];
}

/** What the form starts with when this caller (and role) is picked. */
export function callerDefaults(
  design: Design,
  option: CallerOption | undefined,
  role: DesignRole | undefined,
): CallerDefaults {
  if (!option) return { form: {}, claims: [] };
  switch (option.kind) {
    case 'user': {
      // The adapter's default parameters, so a default assume asks what the canvas edge asks.
      const user = findEntity(design, option.entityId);
      const account = user && accountOf(design, user);
      if (user?.kind !== 'user' || !account) return { form: {}, claims: [] };
      const params = userAssumeParams(user, account.awsAccountId);
      return {
        form: {
          sessionName: params.RoleSessionName ?? '',
          mfa: params.SerialNumber !== undefined,
          serialNumber: params.SerialNumber ?? '',
          tokenCode: params.TokenCode ?? '',
        },
        claims: [],
      };
    }
    case 'session':
      return { form: { sessionName: CHAINED_SESSION_NAME, mfa: false }, claims: [] };
    case 'service':
      return {
        form: {
          sessionName: serviceAssumeParams(option.service).RoleSessionName ?? '',
          mfa: false,
        },
        claims: [],
      };
    case 'federated': {
      const provider = findEntity(design, option.entityId);
      const trust = role
        ? design.roles.find((r) => r.id === role.entityId)?.trustPolicy
        : undefined;
      const claims =
        provider?.kind === 'identity-provider'
          ? suggestClaims(provider, option.claimPrefix, option.federated, trust)
          : [];
      return { form: { sessionName: FEDERATED_SESSION_NAME, mfa: false }, claims };
    }
  }
}

export interface ServiceContext {
  sourceAccount: string;
  sourceArn: string;
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
