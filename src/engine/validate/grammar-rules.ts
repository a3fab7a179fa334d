/** Errors for what IAM rejects in the policy's shape: elements, Version, Sid, Effect, Action, Resource. */
import type { ListElement, ParsedStatement } from '../parse/model.ts';
import type { PolicyType } from '../types.ts';
import { quote, type Report } from './report.ts';

const policyElements = new Set(['Version', 'Id', 'Statement']);
const statementElements = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const versions = new Set(['2012-10-17', '2008-10-17']);
const sidPattern = /^[A-Za-z0-9]*$/;
const actionPattern = /^[A-Za-z0-9-]+:[A-Za-z0-9*?_.-]+$/;

/** Policy types whose statements need Resource or NotResource. */
const needsResource = new Set<PolicyType>([
  'identity',
  'boundary',
  'session',
  'scp',
  'resource',
  'rcp',
]);

export function checkPolicyShape(r: Report): void {
  const p = r.policy;
  if (!p.isObject) {
    r.error('policy-not-object', 'a policy must be a JSON object', p.range);
    return;
  }
  for (const e of p.elements) {
    if (!policyElements.has(e.name))
      r.error('unknown-policy-element', `unknown policy element ${quote(e.name)}`, e.keyRange);
  }
  if (!p.version)
    r.warning(
      'missing-version',
      'the policy has no Version: IAM assumes `2008-10-17`, where policy variables do not work',
      p.range,
    );
  else if (typeof p.version.value !== 'string' || !versions.has(p.version.value)) {
    r.error(
      'invalid-version',
      `Version ${quote(p.version.value)} is not \`2012-10-17\` or \`2008-10-17\``,
      p.version.range,
    );
  }
  if (p.id && typeof p.id.value !== 'string')
    r.error('invalid-id', 'Id must be a string', p.id.range);
  if (!p.statement) r.error('missing-statement', 'the policy has no Statement', p.range);
  else if (typeof p.statement.value !== 'object' || p.statement.value === null) {
    r.error(
      'invalid-statement',
      'Statement must be an object or a list of objects',
      p.statement.range,
    );
  } else if (Array.isArray(p.statement.value) && p.statement.value.length === 0) {
    r.error('empty-statement', 'Statement lists no statement', p.statement.range);
  }
  const seen = new Map<string, number>();
  for (const s of p.statements) {
    if (typeof s.sid?.value !== 'string' || s.sid.value === '') continue;
    if (seen.has(s.sid.value))
      r.error(
        'duplicate-sid',
        `Sid ${quote(s.sid.value)} is used by more than one statement`,
        s.sid.range,
      );
    seen.set(s.sid.value, s.index);
  }
}

function checkList(
  r: Report,
  list: ListElement,
  check: (value: string) => string | undefined,
): void {
  if (list.isArray && list.entries.length === 0)
    r.error('empty-element', `${list.name} is an empty list`, list.range);
  for (const entry of list.entries) {
    if (typeof entry.value !== 'string') {
      r.error('invalid-element-value', `${list.name} entries must be strings`, entry.range);
      continue;
    }
    const problem = check(entry.value);
    if (problem) r.error(`invalid-${list.name.toLowerCase()}`, problem, entry.range);
  }
}

function actionProblem(value: string): string | undefined {
  if (value === '*') return undefined;
  return actionPattern.test(value)
    ? undefined
    : `action ${quote(value)} is not \`service:action\` or \`*\``;
}

function resourceProblem(value: string): string | undefined {
  if (value === '*' || value.startsWith('arn:')) return undefined;
  return `resource ${quote(value)} is neither an ARN nor \`*\``;
}

export function checkStatementShape(r: Report, s: ParsedStatement): void {
  if (!s.isObject) {
    r.error('statement-not-object', 'a statement must be a JSON object', s.range);
    return;
  }
  for (const e of s.elements) {
    if (!statementElements.has(e.name))
      r.error(
        'unknown-statement-element',
        `unknown statement element ${quote(e.name)}`,
        e.keyRange,
      );
  }
  if (s.sid && (typeof s.sid.value !== 'string' || !sidPattern.test(s.sid.value))) {
    const severity = r.type === 'resource' ? 'warning' : 'error';
    r[severity](
      'invalid-sid',
      `Sid ${quote(s.sid.value)} may only hold the letters A-Z, a-z and the digits 0-9`,
      s.sid.range,
    );
  }
  if (!s.effect) r.error('missing-effect', 'the statement has no Effect', s.range);
  else if (s.effect.value !== 'Allow' && s.effect.value !== 'Deny') {
    r.error(
      'invalid-effect',
      `Effect ${quote(s.effect.value)} is not \`Allow\` or \`Deny\``,
      s.effect.range,
    );
  }
  if (s.action && s.notAction)
    r.error(
      'action-and-notaction',
      'a statement holds Action or NotAction, not both',
      s.notAction.keyRange,
    );
  if (!s.action && !s.notAction)
    r.error('missing-action', 'the statement has no Action or NotAction', s.range);
  for (const list of [s.action, s.notAction]) if (list) checkList(r, list, actionProblem);
  if (s.resource && s.notResource)
    r.error(
      'resource-and-notresource',
      'a statement holds Resource or NotResource, not both',
      s.notResource.keyRange,
    );
  if (r.type === 'trust') {
    for (const e of [s.resource, s.notResource]) {
      if (e)
        r.error(
          'resource-in-trust-policy',
          `a trust policy may not hold ${e.name}: it applies to its role`,
          e.keyRange,
        );
    }
  } else if (!s.resource && !s.notResource && needsResource.has(r.type)) {
    r.error(
      'missing-resource',
      `statements in ${r.type === 'resource' || r.type === 'rcp' ? `a ${r.type === 'rcp' ? 'resource control' : 'resource-based'} policy` : 'this policy'} need Resource or NotResource`,
      s.range,
    );
  }
  for (const list of [s.resource, s.notResource])
    if (list && r.type !== 'trust') checkList(r, list, resourceProblem);
}
