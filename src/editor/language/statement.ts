// Facts about the statement around the cursor, read from a tolerant parse of the text.
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';

export interface StatementLocation {
  /** Path of the statement object: `['Statement', 2]`, or `['Statement']` when it is a single object. */
  statementPath: JSONPath;
  /** The cursor's path inside that statement. */
  inner: JSONPath;
}

/** Locates the statement a path points into; undefined outside any statement object. */
export function statementLocation(path: JSONPath): StatementLocation | undefined {
  if (path[0] !== 'Statement' || path.length < 2) return undefined;
  if (typeof path[1] === 'number') {
    if (path.length < 3) return undefined;
    return { statementPath: path.slice(0, 2), inner: path.slice(2) };
  }
  return { statementPath: ['Statement'], inner: path.slice(1) };
}

interface PrincipalFacts {
  aws: string[];
  service: string[];
  federated: string[];
  wildcard: boolean;
}

interface ConditionEntry {
  operator: string;
  key: string;
  values: string[];
}

export interface StatementFacts {
  node: Node | undefined;
  effect: string | undefined;
  actions: string[];
  notActions: string[];
  resources: string[];
  principal: PrincipalFacts;
  conditions: ConditionEntry[];
}

export function statementFacts(root: Node | undefined, statementPath: JSONPath): StatementFacts {
  const node = root && findNodeAtLocation(root, statementPath);
  const statement = node?.type === 'object' ? node : undefined;
  const child = (key: string) => (statement ? propertyValue(statement, key) : undefined);
  const effect = child('Effect');
  return {
    node: statement,
    effect: effect?.type === 'string' ? String(effect.value) : undefined,
    actions: strings(child('Action')),
    notActions: strings(child('NotAction')),
    resources: strings(child('Resource')),
    principal: principalFacts(child('Principal')),
    conditions: conditionEntries(child('Condition')),
  };
}

/** The value node of `key` in an object node (keys compare exactly, as IAM does). */
function propertyValue(object: Node, key: string): Node | undefined {
  const property = object.children?.find((p) => p.children?.[0]?.value === key);
  return property?.children?.[1];
}

/** Keys present in an object node. */
export function objectKeys(object: Node | undefined): string[] {
  if (object?.type !== 'object') return [];
  return (object.children ?? []).map((p) => String(p.children?.[0]?.value ?? ''));
}

/** A string or a list of strings, as IAM accepts in most elements. */
function strings(node: Node | undefined): string[] {
  if (!node) return [];
  if (node.type === 'string') return [String(node.value)];
  if (node.type === 'array')
    return (node.children ?? []).filter((c) => c.type === 'string').map((c) => String(c.value));
  return [];
}

function principalFacts(node: Node | undefined): PrincipalFacts {
  const facts: PrincipalFacts = { aws: [], service: [], federated: [], wildcard: false };
  if (node?.type === 'string') facts.wildcard = node.value === '*';
  if (node?.type !== 'object') return facts;
  facts.aws = strings(propertyValue(node, 'AWS'));
  facts.service = strings(propertyValue(node, 'Service'));
  facts.federated = strings(propertyValue(node, 'Federated'));
  facts.wildcard = facts.aws.includes('*');
  return facts;
}

function conditionEntries(node: Node | undefined): ConditionEntry[] {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).flatMap((operatorProperty) => {
    const operator = String(operatorProperty.children?.[0]?.value ?? '');
    const block = operatorProperty.children?.[1];
    if (block?.type !== 'object') return [];
    return (block.children ?? []).map((keyProperty) => ({
      operator,
      key: String(keyProperty.children?.[0]?.value ?? ''),
      values: strings(keyProperty.children?.[1]),
    }));
  });
}
