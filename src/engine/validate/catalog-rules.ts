/**
 * Warnings that need the service catalogue, in the spirit of IAM Access Analyzer: unknown
 * services and actions, action patterns that match nothing, condition keys that do not apply,
 * operators that do not fit a key's type, and resource ARNs that fit none of an action's
 * resource types.
 */
import type { CatalogAction, CatalogService, IamCatalog } from '../catalog/catalog.ts';
import { keyPattern } from '../catalog/catalog.ts';
import { parseOperatorName } from '../conditions/operator-table.ts';
import type { OperatorValueType } from '../conditions/operator.ts';
import { compileGlob } from '../match/glob.ts';
import { globsIntersect } from '../match/glob-intersect.ts';
import { actionName, actionService } from '../names/action.ts';
import type { ParsedStatement } from '../parse/model.ts';
import { quote, type Report } from './report.ts';

/** Matches of a lower-case action name pattern, remembered per service: large policies repeat them. */
const matchesByService = new WeakMap<CatalogService, Map<string, readonly CatalogAction[]>>();

function matchingActions(service: CatalogService, lower: string): readonly CatalogAction[] {
  if (!/[*?]/.test(lower)) {
    const action = service.actions.get(lower);
    return action ? [action] : [];
  }
  let memo = matchesByService.get(service);
  if (!memo) matchesByService.set(service, (memo = new Map()));
  let matched = memo.get(lower);
  if (!matched) {
    const test = compileGlob(lower);
    matched = [...service.actions.entries()].filter(([key]) => test(key)).map(([, a]) => a);
    memo.set(lower, matched);
  }
  return matched;
}

function actionsOf(
  r: Report,
  s: ParsedStatement,
  catalog: IamCatalog,
): CatalogAction[] | undefined {
  let all: CatalogAction[] | undefined = [];
  for (const list of [s.action, s.notAction]) {
    for (const e of list?.entries ?? []) {
      if (typeof e.value !== 'string' || e.value === '*' || !e.value.includes(':')) {
        if (list === s.action) all = undefined;
        continue;
      }
      const prefix = actionService(e.value);
      const name = actionName(e.value);
      if (!catalog.hasService(prefix)) {
        r.warning('unknown-service', `unknown service prefix ${quote(prefix)}`, e.range);
        continue;
      }
      const service = catalog.service(prefix);
      if (!service) {
        if (list === s.action) all = undefined;
        continue;
      }
      const matched = matchingActions(service, name.toLowerCase());
      if (matched.length === 0) {
        const wildcard = /[*?]/.test(name);
        r.warning(
          wildcard ? 'action-matches-nothing' : 'unknown-action',
          wildcard
            ? `action pattern ${quote(e.value)} matches no action of \`${prefix}\``
            : `unknown action ${quote(e.value)}`,
          e.range,
        );
      }
      if (list === s.action && all) all.push(...matched);
    }
  }
  return s.notAction ? undefined : all;
}

const fits: Record<OperatorValueType, (type: string) => boolean> = {
  String: (t) => t === 'string' || t === 'arn',
  ARN: (t) => t === 'arn' || t === 'string',
  Numeric: (t) => t === 'numeric' || t === 'long' || t === 'integer',
  Date: (t) => t === 'date' || t === 'numeric',
  Bool: (t) => t === 'bool' || t === 'boolean',
  Binary: (t) => t === 'binary',
  IPAddress: (t) => t === 'ipaddress' || t === 'ip',
  Null: () => true,
};

function checkConditionKeys(
  r: Report,
  s: ParsedStatement,
  catalog: IamCatalog,
  actions: CatalogAction[] | undefined,
): void {
  for (const c of s.conditions) {
    const name = parseOperatorName(c.operator);
    const known = catalog.conditionKey(c.key);
    const prefix = c.key.includes(':') ? c.key.slice(0, c.key.indexOf(':')).toLowerCase() : '';
    if (prefix === 'aws' && !catalog.isGlobalKey(c.key))
      r.warning(
        'unknown-condition-key',
        `unknown global condition key ${quote(c.key)}`,
        c.keyRange,
      );
    if (prefix !== 'aws' && actions && actions.length > 0 && catalog.service(prefix)) {
      const lower = c.key.toLowerCase();
      const applies = actions.some((a) =>
        [...a.conditionKeys, ...a.resourceTypes.flatMap((t) => t.conditionKeys)].some((k) =>
          keyPattern(k)(lower),
        ),
      );
      if (!applies)
        r.warning(
          'condition-key-not-applicable',
          `condition key ${quote(c.key)} does not apply to the statement's actions`,
          c.keyRange,
        );
    }
    if (!known || !name.operator) continue;
    const type = known.type.toLowerCase();
    const multivalued = type.startsWith('arrayof');
    const base = multivalued ? type.slice('arrayof'.length) : type;
    if (!fits[name.operator.valueType](base)) {
      r.warning(
        'operator-type-mismatch',
        `operator \`${name.operator.name}\` does not fit key ${quote(c.key)} of type \`${known.type}\``,
        c.operatorRange,
      );
    }
    if (name.qualifier && !multivalued && name.operator.valueType !== 'Null') {
      r.warning(
        'set-operator-on-single-valued-key',
        `\`${name.qualifier}\` is for multivalued keys, and ${quote(c.key)} is single-valued`,
        c.operatorRange,
      );
    } else if (!name.qualifier && multivalued && name.operator.valueType !== 'Null') {
      r.warning(
        'multivalued-key-without-set-operator',
        `${quote(c.key)} is multivalued: use \`ForAllValues:\` or \`ForAnyValue:\``,
        c.operatorRange,
      );
    }
  }
}

function armGlob(arnFormat: string): string {
  return arnFormat.replace(/\$\{[^}]*\}/g, '*');
}

function checkResourceTypes(r: Report, s: ParsedStatement, catalog: IamCatalog): void {
  if (!s.resource) return;
  for (const e of s.action?.entries ?? []) {
    if (typeof e.value !== 'string' || /[*?]/.test(e.value) || !e.value.includes(':')) continue;
    const prefix = actionService(e.value);
    const name = actionName(e.value);
    const service = catalog.service(prefix);
    const action = service?.actions.get(name.toLowerCase());
    if (!service || !action) continue;
    const formats = action.resourceTypes
      .flatMap((t) => (t.name ? [service.resourceTypes.get(t.name.toLowerCase())?.arn] : []))
      .filter((a): a is string => !!a);
    for (const res of s.resource.entries) {
      if (typeof res.value !== 'string' || res.value === '*') continue;
      const pattern = res.value.replace(/\$\{[^}]*\}/g, '*');
      if (formats.length === 0) {
        r.warning(
          'resource-type-mismatch',
          `\`${action.name}\` supports only \`*\` as its resource, not ${quote(res.value)}`,
          res.range,
        );
      } else if (!formats.some((f) => globsIntersect(pattern, armGlob(f)))) {
        const types = action.resourceTypes
          .map((t) => t.name)
          .filter(Boolean)
          .join(', ');
        r.warning(
          'resource-type-mismatch',
          `resource ${quote(res.value)} fits none of the resource types of \`${prefix}:${action.name}\` (${types})`,
          res.range,
        );
      }
    }
  }
}

export function checkCatalog(r: Report, s: ParsedStatement, catalog: IamCatalog): void {
  const actions = actionsOf(r, s, catalog);
  checkConditionKeys(r, s, catalog, actions);
  checkResourceTypes(r, s, catalog);
}
