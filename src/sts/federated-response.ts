// The extra response elements of AssumeRoleWithWebIdentity and AssumeRoleWithSAML, read
// from the claims the caller presented.

import { wellKnownProviderOfIssuer } from '../engine/index.ts';
import type { ResolvedCaller } from './caller.ts';
import type { AssumeRoleResponse, ContextValue, StsApi } from './types.ts';

function claim(caller: ResolvedCaller, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(caller.context)) {
    if (k.toLowerCase() === wanted) return first(v);
  }
  return undefined;
}

function first(value: ContextValue): string | undefined {
  return typeof value === 'string' ? value : value[0];
}

function defined(fields: Partial<AssumeRoleResponse>): Partial<AssumeRoleResponse> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Host prefix of a web identity provider's claim keys (`token.actions.githubusercontent.com`). */
function claimPrefix(caller: ResolvedCaller): string {
  return caller.info.kind === 'oidc-provider'
    ? (caller.info.name ?? caller.principal)
    : caller.principal;
}

export function federatedResponseFields(
  api: StsApi,
  caller: ResolvedCaller,
): Partial<AssumeRoleResponse> {
  if (api === 'AssumeRoleWithWebIdentity') {
    const host = claimPrefix(caller);
    const known = wellKnownProviderOfIssuer(host);
    const subject = known?.subjectClaim ?? 'sub';
    const audience = known?.audienceClaim ?? 'aud';
    return defined({
      SubjectFromWebIdentityToken: claim(caller, `${host}:${subject}`),
      Audience: claim(caller, `${host}:${audience}`) ?? claim(caller, `${host}:oaud`),
      Provider: host,
    });
  }
  if (api === 'AssumeRoleWithSAML') {
    return defined({
      Subject: claim(caller, 'SAML:sub'),
      SubjectType: claim(caller, 'SAML:sub_type'),
      Issuer: claim(caller, 'SAML:iss'),
      Audience: claim(caller, 'SAML:aud'),
      NameQualifier: claim(caller, 'SAML:namequalifier'),
    });
  }
  return {};
}
