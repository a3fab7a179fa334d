/**
 * The findings of the format README. Policy-shape findings read the documents the adapter
 * resolves (trust, identity, resource policies) with their statement index; access findings
 * (`admin-assumable-without-mfa`, `role-unassumable`) use the analysis's adapter answers.
 */
import { arnAccount, claimKeysOf, parseDate, wellKnownProviderOfIssuer } from '../engine';
import { sortByKeys, textRanks } from './order';
import {
  attachedPolicies,
  parsePolicyText,
  principalsOf,
  statementCoversAction,
  statementsOf,
  stringList,
  targetPolicies,
  type EntityId,
  type PolicySlot,
  type Resource,
  type Role,
} from '../model';
import type { Analysis } from './analyze';
import {
  conditionKeys,
  conditionValues,
  hasAny,
  issuerOf,
  ORG_KEYS,
  OTHER_SHARED_ISSUERS,
  SOURCE_AWARE_SERVICES,
  WHO_LIMITING,
  wildcardWiderThanRepo,
} from './finding-conditions';
import type { AssumeEdge } from './reach';
import { severities, type Finding, type FindingKind, type Severity } from './types';

const severityOf: Record<FindingKind, Severity> = {
  'trust-allows-anyone': 'critical',
  'resource-public': 'critical',
  'oidc-trust-without-sub': 'critical',
  'oidc-trust-wildcard-sub': 'high',
  'admin-assumable-without-mfa': 'high',
  'passrole-unrestricted': 'high',
  'cross-account-trust-without-external-id': 'high',
  'oidc-trust-without-audience': 'medium',
  'saml-trust-without-audience': 'medium',
  'service-trust-without-source': 'medium',
  'resource-cross-account': 'medium',
  'dangling-trust-principal': 'medium',
  'role-unassumable': 'low',
  'role-unused': 'low',
};

export function findingsOf(a: Analysis): Finding[] {
  const out: Finding[] = [];
  const add: Add = (kind, subjectId, policy, statement, message, slot, statementIndex) =>
    out.push({
      kind,
      severity: severityOf[kind],
      subject: a.u.arnOf(subjectId),
      policy,
      statement,
      message,
      subjectId,
      statementIndex: statementIndex ?? (typeof statement === 'number' ? statement : 0),
      ...(slot ? { slot } : {}),
    });
  for (const role of a.design.roles) trustFindings(a, role, add);
  for (const r of a.design.resources) resourceFindings(a, r, add);
  passRoleFindings(a, add);
  accessFindings(a, add);
  // By severity, kind and subject (stable): the texts ranked once, the entries sorted by numbers.
  const kinds = textRanks(out.map((f) => f.kind));
  const subjects = a.order.covering(out.map((f) => f.subject));
  return sortByKeys(out, [
    (f) => severities.indexOf(f.severity),
    (f) => kinds.get(f.kind)!,
    (f) => subjects.get(f.subject)!,
  ]);
}

type Add = (
  kind: FindingKind,
  subjectId: EntityId,
  policy: string,
  statement: number | string,
  message: string,
  slot?: PolicySlot,
  statementIndex?: number,
) => void;

function trustFindings(a: Analysis, role: Role, add: Add) {
  const doc = targetPolicies(a.design, role).policy?.document;
  if (!doc) return;
  const trust: PolicySlot = { kind: 'trust' };
  const name = `\`${role.name}\``;
  statementsOf(doc).forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    const keys = conditionKeys(s);
    for (const ref of principalsOf(s.Principal)) {
      if (ref.type === 'AWS') {
        if (ref.value === '*') {
          if (!hasAny(keys, WHO_LIMITING))
            add(
              'trust-allows-anyone',
              role.id,
              'trust',
              i,
              `${name} trusts any AWS principal of any account, with no condition on who`,
              trust,
            );
          continue;
        }
        if (/^A[A-Z0-9]{3}[A-Z0-9]{12,}$/.test(ref.value)) {
          add(
            'dangling-trust-principal',
            role.id,
            'trust',
            i,
            `${name}'s trust names \`${ref.value}\`, a principal that was deleted`,
            trust,
          );
          continue;
        }
        const account = /^\d{12}$/.test(ref.value) ? ref.value : arnAccount(ref.value);
        if (account && a.u.analysedAccounts.has(account)) {
          const isRoot = /^\d{12}$/.test(ref.value) || /:root$/.test(ref.value);
          if (
            !isRoot &&
            !a.u.byArn.has(ref.value) &&
            !/:assumed-role\/|:federated-user\//.test(ref.value)
          )
            add(
              'dangling-trust-principal',
              role.id,
              'trust',
              i,
              `${name}'s trust names \`${ref.value}\`, which is not in account ${account}`,
              trust,
            );
        } else if (account && !keys.has('sts:externalid') && !hasAny(keys, ORG_KEYS)) {
          add(
            'cross-account-trust-without-external-id',
            role.id,
            'trust',
            i,
            `${name} trusts account ${account}, outside the analysed accounts, with no \`sts:ExternalId\` or organization condition`,
            trust,
          );
        }
      } else if (ref.type === 'Federated') {
        if (/:saml-provider\//.test(ref.value)) {
          if (!keys.has('saml:aud'))
            add(
              'saml-trust-without-audience',
              role.id,
              'trust',
              i,
              `${name}'s SAML trust checks no \`SAML:aud\``,
              trust,
            );
          continue;
        }
        const issuer = issuerOf(ref.value);
        // The engine's one table of well-known providers names each one's audience and subject keys.
        const known = wellKnownProviderOfIssuer(issuer);
        const claim = known
          ? claimKeysOf(known, issuer)
          : { audience: `${issuer}:aud`, subject: `${issuer}:sub` };
        const audKeys = [claim.audience.toLowerCase(), ...(known ? [] : [`${issuer}:azp`])];
        if (!hasAny(keys, audKeys))
          add(
            'oidc-trust-without-audience',
            role.id,
            'trust',
            i,
            `${name}'s web-identity trust for \`${issuer}\` checks no audience (\`${claim.audience}\`)`,
            trust,
          );
        if (known?.sharedIssuer || OTHER_SHARED_ISSUERS.includes(issuer)) {
          const subs = conditionValues(s, claim.subject);
          if (subs.length === 0)
            add(
              'oidc-trust-without-sub',
              role.id,
              'trust',
              i,
              `${name} trusts \`${issuer}\` without pinning \`sub\`: any repository or workspace of anyone could assume it`,
              trust,
            );
          else if (subs.some(wildcardWiderThanRepo))
            add(
              'oidc-trust-wildcard-sub',
              role.id,
              'trust',
              i,
              `${name}'s \`sub\` (${subs.map((v) => `\`${v}\``).join(', ')}) matches more than one repository`,
              trust,
            );
        }
      } else if (ref.type === 'Service') {
        if (
          SOURCE_AWARE_SERVICES.has(ref.value.toLowerCase()) &&
          !hasAny(keys, ['aws:sourcearn', 'aws:sourceaccount'])
        )
          add(
            'service-trust-without-source',
            role.id,
            'trust',
            i,
            `${name} trusts \`${ref.value}\` with no \`aws:SourceArn\` or \`aws:SourceAccount\` (confused deputy)`,
            trust,
          );
      }
    }
  });
}

function resourceFindings(a: Analysis, r: Resource, add: Add) {
  const doc = targetPolicies(a.design, r).policy?.document;
  if (!doc) return;
  const slot: PolicySlot = { kind: 'resource' };
  const name = `\`${r.name}\``;
  const policy = `resource policy of ${r.name}`;
  statementsOf(doc).forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    const keys = conditionKeys(s);
    for (const ref of principalsOf(s.Principal)) {
      if (ref.type === 'AWS' && ref.value === '*') {
        if (!hasAny(keys, WHO_LIMITING))
          add(
            'resource-public',
            r.id,
            policy,
            i,
            `${name}'s policy allows anyone, with no condition on who`,
            slot,
          );
      } else if (ref.type === 'AWS') {
        const account = /^\d{12}$/.test(ref.value) ? ref.value : arnAccount(ref.value);
        if (account && !a.u.analysedAccounts.has(account))
          add(
            'resource-cross-account',
            r.id,
            policy,
            i,
            `${name}'s policy allows account ${account}, outside the analysed accounts`,
            slot,
          );
      } else if (ref.type === 'Service') {
        if (
          SOURCE_AWARE_SERVICES.has(ref.value.toLowerCase()) &&
          !hasAny(keys, ['aws:sourcearn', 'aws:sourceaccount'])
        )
          add(
            'service-trust-without-source',
            r.id,
            policy,
            i,
            `${name}'s policy allows \`${ref.value}\` with no \`aws:SourceArn\` or \`aws:SourceAccount\` (confused deputy)`,
            slot,
          );
      }
    }
  });
}

/** The statements of a policy text that allow `iam:PassRole` on any role to any service. */
function unrestrictedPassRole(text: string): { index: number; sid?: string }[] {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) return [];
  const out: { index: number; sid?: string }[] = [];
  statementsOf(parsed.document).forEach((s, i) => {
    if (s.Effect !== 'Allow' || !statementCoversAction(s, 'iam:PassRole')) return;
    const anyResource = 'NotResource' in s || stringList(s.Resource).includes('*');
    if (!anyResource || conditionKeys(s).has('iam:passedtoservice')) return;
    out.push({
      index: i,
      ...(s.Sid !== undefined && typeof s.Sid === 'string' && s.Sid !== '' ? { sid: s.Sid } : {}),
    });
  });
  return out;
}

function passRoleFindings(a: Analysis, add: Add) {
  const seen = new Set<string>();
  // Principals share managed policies: each text read once.
  const byText = new Map<string, { index: number; sid?: string }[]>();
  for (const holder of [...a.design.users, ...a.design.roles, ...a.design.groups]) {
    attachedPolicies(a.design, holder).forEach((policy) => {
      let found = byText.get(policy.text);
      if (!found) {
        found = unrestrictedPassRole(policy.text);
        byText.set(policy.text, found);
      }
      for (const { index: i, sid } of found) {
        const key = `${holder.id}|${policy.id}|${i}`;
        if (seen.has(key)) continue;
        seen.add(key);
        add(
          'passrole-unrestricted',
          holder.id,
          policy.name,
          sid ?? i,
          `\`${holder.name}\` may pass any role to any service (\`iam:PassRole\` on \`*\` without \`iam:PassedToService\`) in \`${policy.name}\``,
          { kind: 'permission', policyId: policy.id },
          i,
        );
      }
    });
  }
}

function accessFindings(a: Analysis, add: Add) {
  const assumed = new Set(a.assume.map((e) => e.role));
  const trust: PolicySlot = { kind: 'trust' };
  for (const role of a.design.roles) {
    if (!assumed.has(role.id))
      add(
        'role-unassumable',
        role.id,
        'trust',
        0,
        `no principal, service or provider of the design can assume \`${role.name}\``,
        trust,
      );
    const last = role.observed?.lastUsed;
    if (last !== undefined) {
      const usedMs = last === null ? undefined : parseDate(last);
      const days = usedMs === undefined ? undefined : (a.nowMs - usedMs) / 86_400_000;
      if (days === undefined || days > 90)
        add(
          'role-unused',
          role.id,
          'trust',
          0,
          last === null
            ? `\`${role.name}\` has never been used (\`RoleLastUsed\` is empty)`
            : `\`${role.name}\` was last used ${Math.floor(days!)} days before ${a.now}`,
          trust,
        );
    }
  }
  // Admin roles humans (users with MFA absent, SAML providers) can assume without MFA: directly,
  // or through a chain of AssumeRole whose every hop holds without MFA.
  const humans = [
    ...a.design.users.map((u) => u.id),
    ...a.design.identityProviders.filter((p) => p.protocol === 'saml').map((p) => p.id),
  ];
  const human = new Set(humans);
  const withoutMfa = withoutMfaHops(a);
  for (const e of a.assume) {
    if (!human.has(e.source) || !a.admin.has(e.role) || !withoutMfa(e)) continue;
    const role = a.u.entity(e.role) as Role;
    const source = a.u.entity(e.source)!;
    add(
      'admin-assumable-without-mfa',
      role.id,
      'trust',
      trustStatementFor(a, role, e.source),
      `\`${role.name}\` is admin and \`${source.name}\` can assume it without MFA`,
      trust,
    );
  }
  // Chains: walk from each human over hops without MFA, only toward roles that lead to an admin.
  const toward = rolesTowardAdmin(a);
  if (toward.size === 0) return;
  const out = new Map<EntityId, AssumeEdge[]>();
  for (const e of a.assume) {
    if (!toward.has(e.role)) continue;
    const list = out.get(e.source) ?? [];
    list.push(e);
    out.set(e.source, list);
  }
  for (const start of humans) {
    if (!out.has(start)) continue;
    const via = new Map<EntityId, AssumeEdge[]>([[start, []]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      const path = via.get(node)!;
      if (path.length >= 2 && a.admin.has(node)) {
        const role = a.u.entity(node) as Role;
        const through = path.slice(0, -1).map((e) => `\`${a.u.entity(e.role)!.name}\``);
        add(
          'admin-assumable-without-mfa',
          role.id,
          'trust',
          trustStatementFor(a, role, path[path.length - 1]!.source),
          `\`${role.name}\` is admin and \`${a.u.entity(start)!.name}\` can reach it without MFA through ${through.join(', ')}`,
          trust,
        );
      }
      for (const e of out.get(node) ?? []) {
        if (via.has(e.role) || !withoutMfa(e)) continue;
        via.set(e.role, [...path, e]);
        queue.push(e.role);
      }
    }
  }
}

/**
 * Whether a hop holds without MFA: a user or a role session asked with
 * `aws:MultiFactorAuthPresent` false (and no MFA need left), a SAML assertion by its needs.
 * Remembered per hop (chains from many humans share them).
 */
function withoutMfaHops(a: Analysis): (e: AssumeEdge) => boolean {
  const known = new Map<AssumeEdge, boolean>();
  return (e) => {
    let hit = known.get(e);
    if (hit === undefined) {
      const source = a.u.entity(e.source);
      const granted =
        source?.kind === 'user' || source?.kind === 'role'
          ? a.oracle.assume(e.source, e.role, { 'aws:MultiFactorAuthPresent': 'false' })
          : { needs: e.needs };
      hit = granted !== undefined && !granted.needs.some((n) => /mfa/i.test(n));
      known.set(e, hit);
    }
    return hit;
  };
}

/** Admin roles and the roles that reach one by AssumeRole (a chain's later hops start at roles). */
function rolesTowardAdmin(a: Analysis): Set<EntityId> {
  const into = new Map<EntityId, EntityId[]>();
  for (const e of a.assume) {
    if (a.u.entity(e.source)?.kind !== 'role') continue;
    const list = into.get(e.role) ?? [];
    list.push(e.source);
    into.set(e.role, list);
  }
  const toward = new Set<EntityId>();
  const queue: EntityId[] = [];
  for (const id of a.admin.keys())
    if (a.u.entity(id)?.kind === 'role') {
      toward.add(id);
      queue.push(id);
    }
  for (let i = 0; i < queue.length; i++)
    for (const from of into.get(queue[i]!) ?? [])
      if (!toward.has(from)) {
        toward.add(from);
        queue.push(from);
      }
  return toward;
}

/** The first Allow statement of the trust that names the source (by ARN, account or provider), else 0. */
function trustStatementFor(a: Analysis, role: Role, source: EntityId): number {
  const doc = targetPolicies(a.design, role).policy?.document;
  if (!doc) return 0;
  const arn = a.u.arnOf(source);
  const account = a.u.accountOf(source);
  const index = statementsOf(doc).findIndex(
    (s) =>
      s.Effect === 'Allow' &&
      principalsOf(s.Principal).some(
        (p) =>
          p.value === '*' ||
          p.value === arn ||
          p.value === account ||
          (account !== undefined && p.value === `arn:aws:iam::${account}:root`),
      ),
  );
  return Math.max(0, index);
}
