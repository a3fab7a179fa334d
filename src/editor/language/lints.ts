// Editor-side checks the engine's validator does not make (yet), in its diagnostic shape.
import { parseTree, type Node } from 'jsonc-parser';
import type { Diagnostic } from '../../engine';
import { oidcProviderHost } from './condition-keys';
import { wildcardMatches } from './statement-actions';
import { propertyValue, statementFacts } from './statement';
import type { PolicyType } from './types';
import { rangeOf } from './source-range';

export interface MissingAudience {
  diagnostic: Diagnostic;
  /** Path of the statement object, for the fix. */
  statementPath: (string | number)[];
  host: string;
}

const webIdentity = 'sts:AssumeRoleWithWebIdentity';

/** Web identity trust statements that allow a provider without a condition on its `aud` claim. */
export function missingAudiences(text: string, type: PolicyType): MissingAudience[] {
  if (type !== 'trust') return [];
  const root = parseTree(text, [], { allowTrailingComma: true });
  const statementNode = root?.type === 'object' ? propertyValue(root, 'Statement') : undefined;
  const paths: (string | number)[][] =
    statementNode?.type === 'array'
      ? (statementNode.children ?? []).map((_, i) => ['Statement', i])
      : statementNode?.type === 'object'
        ? [['Statement']]
        : [];
  const out: MissingAudience[] = [];
  for (const path of paths) {
    const facts = statementFacts(root, path);
    if (facts.effect !== 'Allow' || !facts.actions.some((a) => wildcardMatches(a, webIdentity)))
      continue;
    const federated = facts.node && federatedNodes(facts.node);
    for (const node of federated ?? []) {
      const host = oidcProviderHost(String(node.value));
      if (!host) continue;
      const audKey = `${host}:aud`.toLowerCase();
      if (facts.conditions.some((c) => c.key.toLowerCase() === audKey)) continue;
      out.push({
        statementPath: path,
        host,
        diagnostic: {
          severity: 'warning',
          code: 'oidc-missing-aud',
          message: `web identity trust in \`${host}\` has no condition on \`${host}:aud\`: tokens issued for any audience of the provider can assume the role`,
          range: rangeOf(text, node.offset, node.offset + node.length),
        },
      });
    }
  }
  return out;
}

function federatedNodes(statement: Node): Node[] {
  const principal = propertyValue(statement, 'Principal');
  if (principal?.type !== 'object') return [];
  const federated = propertyValue(principal, 'Federated');
  if (!federated) return [];
  return federated.type === 'array'
    ? (federated.children ?? []).filter((c) => c.type === 'string')
    : federated.type === 'string'
      ? [federated]
      : [];
}

export function editorLints(text: string, type: PolicyType): Diagnostic[] {
  return missingAudiences(text, type).map((m) => m.diagnostic);
}
