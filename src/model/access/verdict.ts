// The answer to an access question: allowed as the design stands, allowed only when named
// conditions are met, or denied, with the layer and statement from the engine's explanation.

import type { DecidingKind, Explanation } from '../../engine';
import type { ContextMap } from '../../sts';
import { deniedWhen, type ConditionNeed } from './solve';

export type AccessStatus = 'allowed' | 'conditional' | 'denied';

/** The layer that refused: a policy kind from the engine, or `sts` for a check STS makes before any policy. */
type DenyingLayer = DecidingKind | 'sts';

export interface AccessVerdict {
  status: AccessStatus;
  /** For `conditional`: the conditions the request must meet (empty otherwise). */
  needs: ConditionNeed[];
  /** For `conditional`: request context that meets them; send it and the simulator allows. */
  context: ContextMap;
  /** For `denied`: why, one lowercase sentence (the engine's summary or the failed STS check). */
  reason: string;
  /** For `denied`: the layer that decided. */
  layer?: DenyingLayer;
  /** For `denied` by a statement: the statement that decided (`Sid` or position) and its policy's label. */
  statement?: string;
  /** Conditions under which a Deny would apply (one set per conditional Deny the request escaped). */
  deniedWhen: ConditionNeed[][];
  /** The engine's explanation of the request with the default context, when the engine was asked. */
  explanation?: Explanation;
}

export const allowed = (explanation?: Explanation): AccessVerdict => ({
  status: 'allowed',
  needs: [],
  context: {},
  reason: '',
  deniedWhen: deniedWhen(explanation),
  ...(explanation ? { explanation } : {}),
});

/**
 * What a request with the default parameters gets, in words for people: `allowed`, `allowed
 * only with ExternalId "x" (sts:ExternalId)`, or the denial's reason as the engine gave it
 * (every reason it fails, not one layer's name).
 */
export function accessSummary(verdict: AccessVerdict): string {
  if (verdict.status === 'allowed') return 'allowed';
  if (verdict.status === 'conditional') {
    const needs = verdict.needs.map((n) => `${n.text} (${n.key})`);
    return `allowed only with ${[...new Set(needs)].join(', ')}`;
  }
  const reason = verdict.reason.replace(/`/g, '');
  const words = /^(implicitly|explicitly) denied/.test(reason) ? reason : `denied: ${reason}`;
  return verdict.statement ? `${words} (${verdict.statement})` : words;
}

/** Short words for a denial, for an edge label: `no identity Allow`, `Deny in trust policy`. */
export function denialWords(verdict: AccessVerdict): string {
  const e = verdict.explanation;
  if (verdict.layer === 'sts' || !e) return verdict.reason;
  switch (e.reason) {
    case 'explicit-deny':
      return `Deny in ${layerWords[e.decidedBy]}`;
    case 'scp-level-without-allow':
      return 'no SCP allows';
    case 'cross-account-no-identity-allow':
    case 'no-identity-allow':
      return 'no identity Allow';
    case 'boundary-without-allow':
      return 'boundary does not allow';
    case 'session-without-allow':
      return 'session policy does not allow';
    default:
      return `${layerWords[e.decidedBy]} does not allow`;
  }
}

const layerWords: Record<DecidingKind, string> = {
  scp: 'an SCP',
  rcp: 'an RCP',
  resource: 'the resource policy',
  trust: 'the trust policy',
  identity: 'an identity policy',
  boundary: 'the boundary',
  session: 'the session policy',
  root: 'root',
  sts: 'STS',
};

/** The statement that decided a denial, as `statement 2 ("DenyAll") of identity policy 1`. */
export function decidingStatement(e: Explanation): string | undefined {
  const ref = e.decisive[0];
  if (!ref) return undefined;
  const policy = e.policies.find(
    (p) => p.kind === ref.kind && p.index === ref.policyIndex && p.level === ref.level,
  );
  const which = `statement ${ref.statementIndex + 1}${ref.sid ? ` ("${ref.sid}")` : ''}`;
  return policy ? `${which} of ${policy.label}` : which;
}
