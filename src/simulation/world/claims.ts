// The token a federated identity presents: its claims as AWS names them in trust conditions
// (`token.actions.githubusercontent.com:sub`, `SAML:aud`, …), editable as rows of key and value.

import type { ContextValue } from '../../engine';
import type { ContextMap } from '../../sts/index.ts';
import {
  conditionLabels,
  defaultClaims,
  parsePolicyText,
  principalsOf,
  statementsOf,
  type IdentityProvider,
} from '../../model';

export interface ClaimRow {
  key: string;
  value: string;
}

/** The claims a token from this provider carries before any trust is read: the adapter's defaults (its kind's sample). */
function presetClaims(provider: IdentityProvider): ClaimRow[] {
  return Object.entries(defaultClaims(provider)).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : value.join(', '),
  }));
}

/** A value that satisfies a string condition: wildcards of a `StringLike` pattern filled in. */
function sampleValue(operator: string, value: string): string {
  return /like/i.test(operator) ? value.replace(/\*/g, 'main').replace(/\?/g, 'x') : value;
}

/**
 * The claims a token from this provider carries by default: the usual ones for its kind, and
 * every claim the role's trust policy tests for this provider, filled with a value the
 * condition accepts (positive operators only), so the first try shows a working assume and a
 * trainer edits one claim to show it failing.
 */
export function suggestClaims(
  provider: IdentityProvider,
  claimPrefix: string,
  federatedName: string,
  trustText: string | undefined,
): ClaimRow[] {
  const rows = presetClaims(provider);
  const parsed = trustText === undefined ? undefined : parsePolicyText(trustText);
  if (!parsed?.ok) return rows;
  const wanted = federatedName.toLowerCase();
  const prefix = `${claimPrefix.toLowerCase()}:`;
  for (const statement of statementsOf(parsed.document)) {
    if (statement.Effect !== 'Allow') continue;
    const names = principalsOf(statement.Principal);
    if (!names.some((p) => p.type === 'Federated' && p.value.toLowerCase() === wanted)) continue;
    for (const label of conditionLabels(statement.Condition)) {
      if (!label.key.toLowerCase().startsWith(prefix)) continue;
      if (/not|null/i.test(label.operator)) continue;
      const first = label.values[0];
      if (first === undefined) continue;
      const value = sampleValue(label.operator, first);
      const row = rows.find((r) => r.key.toLowerCase() === label.key.toLowerCase());
      if (row) row.value = value;
      else rows.push({ key: label.key, value });
    }
  }
  return rows;
}

/**
 * Values to offer for each claim (lowercase key -> values): every value a trust policy of the
 * design tests for this provider's claims (Allow statements naming it), so a trainer picks
 * the other group or repository from a list instead of typing it.
 */
export function claimValueChoices(
  trustTexts: readonly string[],
  claimPrefix: string,
  federatedName: string,
): Map<string, string[]> {
  const choices = new Map<string, string[]>();
  const wanted = federatedName.toLowerCase();
  const prefix = `${claimPrefix.toLowerCase()}:`;
  for (const text of trustTexts) {
    const parsed = parsePolicyText(text);
    if (!parsed.ok) continue;
    for (const statement of statementsOf(parsed.document)) {
      if (statement.Effect !== 'Allow') continue;
      const names = principalsOf(statement.Principal);
      if (!names.some((p) => p.type === 'Federated' && p.value.toLowerCase() === wanted)) continue;
      for (const label of conditionLabels(statement.Condition)) {
        const key = label.key.toLowerCase();
        if (!key.startsWith(prefix)) continue;
        const values = choices.get(key) ?? [];
        for (const v of label.values) if (!values.includes(v)) values.push(v);
        choices.set(key, values);
      }
    }
  }
  return choices;
}

/** The claims as request context: empty keys dropped, comma-separated values as lists. */
export function claimsContext(rows: readonly ClaimRow[]): ContextMap {
  const context: ContextMap = {};
  for (const { key, value } of rows) {
    const name = key.trim();
    if (name === '') continue;
    const parts = value.split(',').map((v) => v.trim());
    const contextValue: ContextValue =
      parts.length > 1 ? parts.filter((v) => v !== '') : value.trim();
    context[name] = contextValue;
  }
  return context;
}
