// Markdown descriptions shared by completion details and hovers.
import type { ActionInfo, ConditionKeyInfo, ServiceInfo } from '../catalogue/catalogue';
import { operatorsForKeyType, type OperatorInfo } from '../catalogue/condition-operators';

const listed = (items: readonly string[], max: number) =>
  items.length > max
    ? `${items.slice(0, max).join(', ')}, … (${items.length} in all)`
    : items.join(', ');

export function actionDoc(action: ActionInfo, service?: ServiceInfo): string {
  const parts = [
    `**${action.service}:${action.name}** · ${action.accessLevel}`,
    action.description,
  ];
  if (action.resourceTypes.length > 0) {
    const types = action.resourceTypes.map((t) => {
      const arn = service?.resourceType(t.name)?.arn;
      return `- \`${t.name}\`${t.required ? ' (required)' : ''}${arn ? `: \`${arn}\`` : ''}`;
    });
    parts.push(`Resource types:\n${types.join('\n')}`);
  } else {
    parts.push('Resource types: none (use `"Resource": "*"`)');
  }
  if (action.conditionKeys.length > 0)
    parts.push(
      `Condition keys: ${listed(
        action.conditionKeys.map((k) => `\`${k}\``),
        8,
      )}`,
    );
  return parts.join('\n\n');
}

export function serviceDoc(service: { key: string; name: string }, actionCount?: number): string {
  return `**${service.key}** · ${service.name}${actionCount === undefined ? '' : `\n\n${actionCount} actions`}`;
}

export function conditionKeyDoc(key: ConditionKeyInfo): string {
  const operators = operatorsForKeyType(key.type).filter((op) => !op.endsWith('IfExists'));
  return [
    `**${key.key}** · ${key.type}`,
    key.description,
    `Operators: ${listed(
      operators.map((o) => `\`${o}\``),
      10,
    )}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function operatorDoc(name: string, operator: OperatorInfo, qualifier?: string): string {
  const parts = [`**${name}** · ${operator.family} operator`, operator.description];
  if (qualifier === 'ForAnyValue')
    parts.push(
      '`ForAnyValue`: true when at least one value in the request matches (false when the key is absent)',
    );
  if (qualifier === 'ForAllValues')
    parts.push(
      '`ForAllValues`: true when every value in the request matches (true when the key is absent or empty)',
    );
  return parts.join('\n\n');
}
