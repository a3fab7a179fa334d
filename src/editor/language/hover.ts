// What hovering a part of a policy explains: actions and services, condition operators and
// keys, principals and resources from the design, policy variables, the elements themselves.
import { findNodeAtOffset, getNodePath, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import { windowAround } from './statement-window';
import { tooDeepForFeatures } from './too-deep';
import { parseOperator } from '../catalogue/condition-operators';
import { describeKey } from './condition-keys';
import type { Span } from './cursor';
import { actionDoc, conditionKeyDoc, operatorDoc, serviceDoc } from './docs';
import { describeVariable, variableAt } from './policy-variables';
import { actionsMatching, splitAction } from './statement-actions';
import { statementLocation } from './statement';
import type { LanguageEnv } from './types';

export interface Hover {
  range: Span;
  markdown: string;
}

const elementDocs: Record<string, string> = {
  Version:
    'Policy language version. `2012-10-17` is current and enables policy variables; without it IAM assumes `2008-10-17`.',
  Id: 'An optional identifier for the policy.',
  Statement:
    'One statement or a list of them. A request is allowed only if some statement allows it and none denies it.',
  Sid: 'Statement ID: letters and digits, unique within the policy.',
  Effect: '`Allow` or `Deny`. An explicit Deny wins over every Allow.',
  Principal:
    'Who the statement applies to (resource and trust policies): `AWS`, `Service`, `Federated` or `"*"`.',
  NotPrincipal:
    'Every principal except these. Only with Deny in resource policies; prefer `aws:PrincipalArn` conditions.',
  Action: 'The actions the statement covers: `service:Action`, with `*` and `?` wildcards.',
  NotAction: 'Every action except these.',
  Resource: 'The resources the actions apply to: ARNs with wildcards, or `*`.',
  NotResource: 'Every resource except these.',
  Condition:
    'When the statement applies: operator → key → values. Every operator block and key must match; values of one key are ORed.',
};

export async function hoverAt(
  text: string,
  offset: number,
  env: LanguageEnv,
): Promise<Hover | undefined> {
  if (tooDeepForFeatures(text)) return undefined;
  const root = parseTree(windowAround(text, offset), [], { allowTrailingComma: true });
  const node = root && findNodeAtOffset(root, offset);
  if (!node || node.type !== 'string') return undefined;
  const range = { start: node.offset, end: node.offset + node.length };
  const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  const path = getNodePath(node);
  const markdown = isKey
    ? await keyHover(path, env)
    : await valueHover(text, offset, node, path, env);
  if (!markdown) return undefined;
  const variable = !isKey ? variableAt(text, offset) : undefined;
  return {
    range:
      variable && describeVariable(variable.name)
        ? { start: variable.start, end: variable.end }
        : range,
    markdown,
  };
}

async function keyHover(path: JSONPath, env: LanguageEnv): Promise<string | undefined> {
  const key = String(path[path.length - 1]);
  if (path.length === 1) return elementDocs[key];
  const location = statementLocation(path);
  if (!location) return undefined;
  const inner = location.inner;
  if (inner.length === 1) return elementDocs[key];
  if (inner[0] === 'Condition' && inner.length === 2) {
    const parsed = parseOperator(key);
    return parsed
      ? operatorDoc(key, parsed.operator, parsed.qualifier)
      : `Unknown condition operator \`${key}\``;
  }
  if (inner[0] === 'Condition' && inner.length === 3) {
    const info = await describeKey(key, env.catalogue);
    return info ? conditionKeyDoc({ ...info, key }) : undefined;
  }
  return undefined;
}

async function valueHover(
  text: string,
  offset: number,
  node: Node,
  path: JSONPath,
  env: LanguageEnv,
): Promise<string | undefined> {
  const variable = variableAt(text, offset);
  const described = variable && describeVariable(variable.name);
  if (described) return `**\${${variable!.name}}** · policy variable\n\n${described.description}`;
  const value = String(node.value);
  const location = statementLocation(path);
  const element = location?.inner[0];
  if (element === 'Action' || element === 'NotAction') return actionHover(value, env);
  const entity = env.entities().find((e) => e.arn === value || e.accountId === value);
  if (
    entity &&
    (element === 'Principal' ||
      element === 'Resource' ||
      element === 'NotResource' ||
      element === 'Condition')
  )
    return `**${entity.name}** · ${entity.kind} in the design\n\n\`${entity.arn}\``;
  return undefined;
}

async function actionHover(value: string, env: LanguageEnv): Promise<string | undefined> {
  if (value === '*') return 'Every action of every service.';
  const parts = splitAction(value);
  if (!parts) return undefined;
  const service = await env.catalogue.service(parts.service);
  if (!service) return `Unknown service \`${parts.service}\``;
  if (!/[*?]/.test(parts.name)) {
    const action = service.action(parts.name);
    return action ? actionDoc(action, service) : `Unknown action \`${value}\` in ${service.name}`;
  }
  const matched = await actionsMatching([value], env.catalogue);
  const names = matched.map((a) => a.name);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  return `${serviceDoc(service)}\n\n\`${value}\` matches ${matched.length} of ${service.actions.length} actions${shown ? `: ${shown}` : ''}`;
}
