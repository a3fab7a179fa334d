import { useId } from 'react';
import {
  addPermissionPolicy,
  assumeRolePolicyFor,
  claimKeysOfProvider,
  findEntity,
  setTrustCondition,
  subjectConditionKey,
  trustConditionKeys,
  trustConditionValue,
  type Design,
  type TrustConditionKey,
  type TrustEdge,
} from '../../model';
import { selectApply, useRolecraft } from '../../store';
import { CommitField } from './CommitField';
import { smallButtonClass } from './controls';

interface Props {
  design: Design;
  edge: TrustEdge;
}

/**
 * The conditions of one trust edge a person sets without typing JSON: MFA and an ExternalId for
 * AWS principals, the source account and ARN for a service, the subject for an identity provider
 * and the group a SAML assertion must name.
 * Each change is one edit of the role's trust policy (one undo step); the editor shows the JSON.
 */
export function TrustConditionFields({ design, edge }: Props) {
  const apply = useRolecraft(selectApply);
  const role = findEntity(design, edge.target);
  const source = findEntity(design, edge.source);
  if (role?.kind !== 'role' || !source || edge.principal.value === '*') return null;
  const valueOf = (field: TrustConditionKey) =>
    trustConditionValue(role.trustPolicy, edge.principal, field.key) ?? '';
  const set = (field: TrustConditionKey, value: string | undefined) =>
    apply(setTrustCondition, { roleId: role.id, principal: edge.principal, field, value });
  const field = (label: string, key: TrustConditionKey, hint: string) => (
    <CommitField
      label={label}
      value={valueOf(key)}
      hint={hint}
      spellCheck={false}
      onCommit={(value) => set(key, value)}
    />
  );
  const subject =
    source.kind === 'identity-provider' ? claimKeysOfProvider(source).subject : undefined;

  return (
    <section aria-label="Trust conditions" className="space-y-2">
      <h4 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
        Conditions of this trust
      </h4>
      {edge.principal.type === 'AWS' && (
        <>
          <MfaCheckbox
            checked={valueOf(trustConditionKeys.mfa).toLowerCase() === 'true'}
            onChange={(on) => set(trustConditionKeys.mfa, on ? 'true' : undefined)}
          />
          {field(
            'Require ExternalId',
            trustConditionKeys.externalId,
            'sts:ExternalId the caller must pass (a third party’s confused-deputy guard); empty: none',
          )}
        </>
      )}
      {edge.principal.type === 'Service' && (
        <>
          {field(
            'Source account',
            trustConditionKeys.sourceAccount,
            'aws:SourceAccount: the account whose resource the service acts for; empty: any',
          )}
          {field(
            'Source ARN',
            trustConditionKeys.sourceArn,
            'aws:SourceArn (wildcards allowed): the one resource the service acts for; empty: any',
          )}
        </>
      )}
      {source.kind === 'identity-provider' &&
        source.protocol === 'saml' &&
        field(
          'Required group (SAML:edupersonentitlement)',
          trustConditionKeys.samlGroup,
          'the directory group(s) the assertion must name, commas for several (any one lets in); empty: any',
        )}
      {subject !== undefined &&
        field(
          'Subject (sub)',
          subjectConditionKey(subject),
          `${subject} the token must carry (wildcards allowed); empty: any`,
        )}
      {needsIdentityAllow(edge) && <AllowInOwnPolicy design={design} edge={edge} />}
    </section>
  );
}

/**
 * A cross-account caller whose own policies (as the adapter evaluated them) allow nothing of
 * the assume: the trust alone cannot let it in, whatever its conditions.
 */
function needsIdentityAllow(edge: TrustEdge): boolean {
  if (edge.kind !== 'cross-account' || edge.access.status === 'allowed') return false;
  const explanation = edge.access.explanation;
  if (edge.access.layer === 'identity') return true;
  return (
    explanation !== undefined &&
    !explanation.policies.some((p) => p.kind === 'identity' && p.considered && p.allows)
  );
}

function MfaCheckbox(props: { checked: boolean; onChange: (on: boolean) => void }) {
  const hint = useId();
  return (
    <div className="space-y-0.5 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={props.checked}
          aria-describedby={hint}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        Require MFA
      </label>
      <p id={hint} className="text-xs text-slate-500 dark:text-slate-400">
        aws:MultiFactorAuthPresent must be true: only a caller signed in with MFA gets in
      </p>
    </div>
  );
}

/** The caller's half of a cross-account assume: its own policy must allow sts:AssumeRole. */
function AllowInOwnPolicy({ design, edge }: Props) {
  const apply = useRolecraft(selectApply);
  const caller = findEntity(design, edge.source);
  const role = findEntity(design, edge.target);
  if (!caller || !role || (caller.kind !== 'user' && caller.kind !== 'role')) return null;
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {caller.name} is in another account: its own identity policy must allow sts:AssumeRole on{' '}
        {role.name} too.
      </p>
      <button
        type="button"
        className={smallButtonClass}
        onClick={() => {
          const policy = assumeRolePolicyFor(design, { callerId: caller.id, roleId: role.id });
          if (!policy) return;
          apply(addPermissionPolicy, { entityId: caller.id, policy });
        }}
      >
        Allow {caller.name} to assume {role.name} in its own policy
      </button>
    </div>
  );
}
