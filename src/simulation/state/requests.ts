// What the forms collect, turned into the simulator's inputs: the caller reference and the
// STS parameters by their AWS names. Empty fields are left out, as an SDK would leave them.

import type { AssumeInput, AssumeRoleParams, CallerRef } from '../../sts/index.ts';
import { claimsContext, type ClaimRow } from '../world/claims';

export interface TagRow {
  key: string;
  value: string;
  transitive: boolean;
}

export interface AssumeFormValues {
  sessionName: string;
  /** Seconds as typed; empty for the default. */
  duration: string;
  externalId: string;
  mfa: boolean;
  serialNumber: string;
  tokenCode: string;
  tags: TagRow[];
  sourceIdentity: string;
  sessionPolicy: string;
}

export const EMPTY_ASSUME_FORM: AssumeFormValues = {
  sessionName: '',
  duration: '',
  externalId: '',
  mfa: false,
  serialNumber: '',
  tokenCode: '',
  tags: [],
  sourceIdentity: '',
  sessionPolicy: '',
};

/** The caller a person picked, with what the caller kind needs. */
export type CallerChoice =
  | { kind: 'user'; entityId: string; arn: string }
  | { kind: 'session'; accessKeyId: string }
  | { kind: 'service'; entityId: string; service: string; sourceAccount: string; sourceArn: string }
  | { kind: 'federated'; entityId: string; federated: string; claims: ClaimRow[] };

export function buildParams(form: AssumeFormValues): AssumeRoleParams {
  const params: AssumeRoleParams = {};
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const sessionName = text(form.sessionName);
  if (sessionName !== undefined) params.RoleSessionName = sessionName;
  const duration = text(form.duration);
  if (duration !== undefined) params.DurationSeconds = Number(duration);
  const externalId = text(form.externalId);
  if (externalId !== undefined) params.ExternalId = externalId;
  if (form.mfa) {
    const serial = text(form.serialNumber);
    const code = text(form.tokenCode);
    if (serial !== undefined) params.SerialNumber = serial;
    if (code !== undefined) params.TokenCode = code;
  }
  const tags = form.tags.filter((t) => t.key.trim() !== '');
  if (tags.length > 0) {
    params.Tags = tags.map((t) => ({ Key: t.key.trim(), Value: t.value }));
    const transitive = tags.filter((t) => t.transitive).map((t) => t.key.trim());
    if (transitive.length > 0) params.TransitiveTagKeys = transitive;
  }
  const sourceIdentity = text(form.sourceIdentity);
  if (sourceIdentity !== undefined) params.SourceIdentity = sourceIdentity;
  if (form.sessionPolicy.trim() !== '') params.Policy = form.sessionPolicy;
  return params;
}

export function callerRef(choice: CallerChoice): CallerRef {
  switch (choice.kind) {
    case 'user':
      return { principal: choice.arn };
    case 'session':
      return { accessKeyId: choice.accessKeyId };
    case 'service': {
      const context: Record<string, string> = {};
      if (choice.sourceAccount.trim() !== '')
        context['aws:SourceAccount'] = choice.sourceAccount.trim();
      if (choice.sourceArn.trim() !== '') context['aws:SourceArn'] = choice.sourceArn.trim();
      return Object.keys(context).length > 0
        ? { principal: choice.service, context }
        : { principal: choice.service };
    }
    case 'federated':
      return { federated: choice.federated, context: claimsContext(choice.claims) };
  }
}

export function assumeInput(
  choice: CallerChoice,
  roleArn: string,
  form: AssumeFormValues,
): AssumeInput {
  return { by: callerRef(choice), roleArn, params: buildParams(form) };
}
