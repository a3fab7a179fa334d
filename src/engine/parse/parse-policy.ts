/**
 * Parses policy text into the typed model with source ranges (jsonc-parser), reporting JSON
 * syntax errors as diagnostics. Comments and trailing commas are syntax errors, as in IAM.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../types.ts';
import type {
  ConditionEntry,
  Element,
  ListElement,
  Located,
  ParsedPolicy,
  ParsedStatement,
  PrincipalEntry,
} from './model.ts';
import { MAX_POLICY_DEPTH, scanJsonDepth } from './json-limits.ts';
import { jsonSyntaxErrors } from './json-syntax.ts';
import { nodeValue } from './json-value.ts';
import { SourceText } from './source-text.ts';

export interface ParseResult {
  /** Undefined when the text holds no JSON value at all. */
  policy: ParsedPolicy | undefined;
  /** JSON syntax errors (code `json-syntax`). */
  diagnostics: Diagnostic[];
  source: SourceText;
}

/** The syntax node behind each element's value (kept out of the model, which stays plain data). */
const valueNodes = new WeakMap<Element, Node>();

function located(node: Node, src: SourceText): Located {
  return { value: nodeValue(node), range: src.range(node.offset, node.offset + node.length) };
}

function elements(node: Node | undefined, src: SourceText): Element[] {
  if (node?.type !== 'object') return [];
  const out: Element[] = [];
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode) continue;
    const keyRange = src.range(keyNode.offset, keyNode.offset + keyNode.length);
    const value = valueNode ? nodeValue(valueNode) : undefined;
    const range = valueNode
      ? src.range(valueNode.offset, valueNode.offset + valueNode.length)
      : keyRange;
    const element: Element = { name: String(keyNode.value), keyRange, value, range };
    if (valueNode) valueNodes.set(element, valueNode);
    out.push(element);
  }
  return out;
}

function nodeOf(element: Element | undefined): Node | undefined {
  return element ? valueNodes.get(element) : undefined;
}

function listElement(element: Element | undefined, src: SourceText): ListElement | undefined {
  if (!element) return undefined;
  const node = nodeOf(element);
  const isArray = node?.type === 'array';
  const entries = isArray
    ? (node!.children ?? []).map((n) => located(n, src))
    : [{ value: element.value, range: element.range }];
  const list: ListElement = { ...element, entries, isArray };
  if (node) valueNodes.set(list, node);
  return list;
}

function principalEntries(element: Element | undefined, src: SourceText): PrincipalEntry[] {
  if (!element) return [];
  const node = nodeOf(element);
  if (node?.type !== 'object')
    return [{ type: '*', typeRange: element.range, value: element.value, range: element.range }];
  const out: PrincipalEntry[] = [];
  for (const typeElement of elements(node, src)) {
    const valueNode = nodeOf(typeElement);
    const values =
      valueNode?.type === 'array'
        ? (valueNode.children ?? []).map((n) => located(n, src))
        : [typeElement];
    for (const v of values)
      out.push({
        type: typeElement.name,
        typeRange: typeElement.keyRange,
        value: v.value,
        range: v.range,
      });
  }
  return out;
}

function conditionEntries(element: Element | undefined, src: SourceText): ConditionEntry[] {
  const node = nodeOf(element);
  if (node?.type !== 'object') return [];
  const out: ConditionEntry[] = [];
  for (const op of elements(node, src)) {
    for (const key of elements(nodeOf(op), src)) {
      const valueNode = nodeOf(key);
      const values =
        valueNode?.type === 'array'
          ? (valueNode.children ?? []).map((n) => located(n, src))
          : [{ value: key.value, range: key.range }];
      out.push({
        operator: op.name,
        operatorRange: op.keyRange,
        key: key.name,
        keyRange: key.keyRange,
        values,
        valueRange: key.range,
      });
    }
  }
  return out;
}

const find = (list: Element[], name: string) => list.find((e) => e.name === name);

function parseStatement(node: Node, index: number, src: SourceText): ParsedStatement {
  const els = elements(node, src);
  const statement: ParsedStatement = {
    index,
    range: src.range(node.offset, node.offset + node.length),
    isObject: node.type === 'object',
    elements: els,
    principalEntries: [],
    conditions: [],
  };
  const assign = <K extends keyof ParsedStatement>(
    key: K,
    value: ParsedStatement[K] | undefined,
  ) => {
    if (value !== undefined) statement[key] = value;
  };
  assign('sid', find(els, 'Sid'));
  assign('effect', find(els, 'Effect'));
  assign('action', listElement(find(els, 'Action'), src));
  assign('notAction', listElement(find(els, 'NotAction'), src));
  assign('resource', listElement(find(els, 'Resource'), src));
  assign('notResource', listElement(find(els, 'NotResource'), src));
  assign('principal', find(els, 'Principal'));
  assign('notPrincipal', find(els, 'NotPrincipal'));
  assign('condition', find(els, 'Condition'));
  statement.principalEntries = principalEntries(statement.principal ?? statement.notPrincipal, src);
  statement.conditions = conditionEntries(statement.condition, src);
  return statement;
}

/** Parses policy text; text nested deeper than `MAX_POLICY_DEPTH` is refused before parsing. */
export function parsePolicy(text: string): ParseResult {
  const source = new SourceText(text);
  const tooDeep = scanJsonDepth(text, MAX_POLICY_DEPTH);
  if (tooDeep) {
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: 'json-depth',
      message: `the policy is nested too deeply: ${tooDeep.message} (IAM policies need at most 6)`,
      range: source.range(tooDeep.offset, tooDeep.offset + 1),
    };
    return { policy: undefined, diagnostics: [diagnostic], source };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const diagnostics: Diagnostic[] = jsonSyntaxErrors(text, errors).map((e) => ({
    severity: 'error',
    code: 'json-syntax',
    message: e.message,
    range: source.range(e.offset, e.offset + Math.max(e.length, 1)),
  }));
  if (!root) return { policy: undefined, diagnostics, source };
  const els = elements(root, source);
  const statementElement = find(els, 'Statement');
  const statementNode = nodeOf(statementElement);
  const statementNodes =
    statementNode?.type === 'array'
      ? (statementNode.children ?? [])
      : statementNode
        ? [statementNode]
        : [];
  const policy: ParsedPolicy = {
    range: source.range(root.offset, root.offset + root.length),
    isObject: root.type === 'object',
    elements: els,
    statements: statementNodes.map((n, i) => parseStatement(n, i, source)),
    document: nodeValue(root),
  };
  const version = find(els, 'Version');
  if (version) policy.version = version;
  const id = find(els, 'Id');
  if (id) policy.id = id;
  if (statementElement) policy.statement = statementElement;
  return { policy, diagnostics, source };
}
