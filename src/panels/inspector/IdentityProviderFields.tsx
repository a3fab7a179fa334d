import { useId } from 'react';
import {
  claimKeysOfProvider,
  isCognitoIdentityPoolId,
  setIdentityProviderPreset,
  updateEntity,
  wellKnownIdentityProviders,
  wellKnownOf,
  type EntityPatch,
  type IdentityProvider,
  type IdentityProviderPreset,
  type OidcProvider,
} from '../../model';
import { selectApply, useRolecraft } from '../../store';
import { CommitField, inputClass } from './CommitField';

// EntityPatch maps kinds to fields, so the two identity provider protocols share one entry
// that lacks the OIDC-only fields.
const oidcPatch = (patch: Partial<Pick<OidcProvider, 'issuer' | 'audiences'>>) =>
  patch as EntityPatch;

const oidcPresets = wellKnownIdentityProviders.filter((p) => p.protocol === 'oidc');

function audienceLabel(preset: IdentityProviderPreset): { label: string; hint: string } {
  switch (preset) {
    case 'cognito':
      return {
        label: 'Identity pool ID',
        hint: 'REGION:GUID, e.g. us-east-1:0000…; comma-separated',
      };
    case 'google':
      return { label: 'Client ID (audience)', hint: 'The OAuth client ID of your app' };
    case 'amazon':
    case 'facebook':
      return { label: 'App ID', hint: 'The app ID the provider issued to your app' };
    default:
      return { label: 'Audiences', hint: 'Comma-separated client IDs' };
  }
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

function Select(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {props.label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Protocol, preset, issuer and audiences of an identity provider. */
export function IdentityProviderFields({ entity }: { entity: IdentityProvider }) {
  const apply = useRolecraft(selectApply);
  const id = entity.id;
  const known = wellKnownOf(entity);
  const keys = claimKeysOfProvider(entity);
  const setPreset = (preset: string) =>
    apply(setIdentityProviderPreset, { id, preset: preset as IdentityProviderPreset });
  return (
    <>
      <Select
        label="Protocol"
        value={entity.protocol}
        options={[
          { value: 'saml', label: 'SAML 2.0' },
          { value: 'oidc', label: 'OpenID Connect (web identity)' },
        ]}
        onChange={(protocol) => setPreset(protocol === 'saml' ? 'saml' : 'custom')}
      />
      {entity.protocol === 'oidc' && (
        <Select
          label="Provider"
          value={entity.preset}
          options={oidcPresets.map((p) => ({ value: p.preset, label: p.label }))}
          onChange={setPreset}
        />
      )}
      {entity.protocol === 'oidc' && entity.preset === 'custom' && (
        <CommitField
          label="Issuer"
          value={entity.issuer}
          spellCheck={false}
          hint="Host and path of the issuer URL, without https://"
          validate={(issuer) =>
            /^[a-z0-9.-]+\.[a-z]{2,}(\/[\w./-]*)?$/i.test(issuer.trim().replace(/^https:\/\//i, ''))
              ? undefined
              : `\`${issuer}\` is not an issuer URL such as \`oidc.example.com\``
          }
          onCommit={(issuer) =>
            apply(updateEntity, {
              id,
              patch: oidcPatch({ issuer: issuer.trim().replace(/^https:\/\//i, '') }),
            })
          }
        />
      )}
      {entity.protocol === 'oidc' && entity.preset !== 'custom' && (
        <div className="space-y-0.5">
          <div className="text-xs font-medium text-slate-600 dark:text-slate-300">Issuer</div>
          <div aria-label="Issuer" className="font-mono text-xs break-all">
            {entity.issuer}
          </div>
        </div>
      )}
      {entity.protocol === 'oidc' && (
        <CommitField
          {...audienceLabel(entity.preset)}
          value={entity.audiences.join(', ')}
          spellCheck={false}
          validate={(value) => {
            if (entity.preset !== 'cognito') return undefined;
            const bad = splitList(value).find((v) => !isCognitoIdentityPoolId(v));
            return bad === undefined
              ? undefined
              : `\`${bad}\` is not an identity pool ID: REGION:GUID, e.g. \`us-east-1:12345678-1234-1234-1234-123456789012\``;
          }}
          onCommit={(value) =>
            apply(updateEntity, { id, patch: oidcPatch({ audiences: splitList(value) }) })
          }
        />
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Trust conditions test <code className="font-mono">{keys.audience}</code> and{' '}
        <code className="font-mono">{keys.subject}</code>
        {known.sharedIssuer &&
          '. Every tenant of this issuer gets the same audience: pin the subject to yours.'}
      </p>
    </>
  );
}
