/** Condition blocks: known operators, `IfExists` on `Null`, value shapes and value formats. */
import { parseOperatorName } from '../conditions/operator-table.ts';
import { parseNumber } from '../conditions/operators/numeric.ts';
import { decodeBase64 } from '../conditions/operators/binary.ts';
import { parseCidr } from '../match/ip.ts';
import type { ConditionEntry, ParsedStatement } from '../parse/model.ts';
import { parseTemplate, templateVariables } from '../variables/template.ts';
import { dateProblem } from '../time/iso-date.ts';
import { quote, type Report } from './report.ts';

const formatChecks: Record<string, { test: (v: string) => boolean; what: string }> = {
  Numeric: { test: (v) => parseNumber(v) !== undefined, what: 'a number' },
  Bool: { test: (v) => /^(true|false)$/i.test(v), what: '`true` or `false`' },
  Null: { test: (v) => /^(true|false)$/i.test(v), what: '`true` or `false`' },
  Binary: { test: (v) => decodeBase64(v) !== undefined, what: 'base64' },
  IPAddress: { test: (v) => parseCidr(v) !== undefined, what: 'an IP address or CIDR range' },
  ARN: { test: (v) => v === '*' || v.startsWith('arn:') || v.includes('${'), what: 'an ARN' },
};

function checkEntry(r: Report, c: ConditionEntry, variablesEnabled: boolean): void {
  const name = parseOperatorName(c.operator);
  if (!name.operator) {
    r.error(
      'unknown-condition-operator',
      `unknown condition operator ${quote(c.operator)}`,
      c.operatorRange,
    );
    return;
  }
  if (name.operator.valueType === 'Null' && name.ifExists) {
    r.error(
      'ifexists-on-null',
      '`IfExists` cannot be used with the `Null` operator',
      c.operatorRange,
    );
  }
  if (
    name.operator.name !== name.base &&
    name.operator.name.toLowerCase() === name.base.toLowerCase()
  ) {
    r.warning(
      'operator-case',
      `operator ${quote(name.base)} is spelled \`${name.operator.name}\` in AWS's documentation`,
      c.operatorRange,
    );
  }
  if (c.key.trim() === '') r.error('empty-condition-key', 'the condition key is empty', c.keyRange);
  if (c.values.length === 0)
    r.error(
      'empty-condition-values',
      `condition ${quote(c.operator)} on ${quote(c.key)} lists no value`,
      c.valueRange,
    );
  const format = formatChecks[name.operator.valueType];
  for (const v of c.values) {
    if (
      typeof v.value !== 'string' &&
      typeof v.value !== 'number' &&
      typeof v.value !== 'boolean'
    ) {
      r.error(
        'invalid-condition-value',
        'condition values must be strings, numbers or booleans',
        v.range,
      );
      continue;
    }
    const text = String(v.value);
    const badDate =
      name.operator.valueType === 'Date' && !text.includes('${') ? dateProblem(text) : undefined;
    if (badDate) {
      r.error(
        'invalid-date',
        `${quote(text)} ${badDate}: \`${name.operator.name}\` takes an ISO 8601 date (a time without an offset is UTC) or epoch seconds`,
        v.range,
      );
    } else if (format && !text.includes('${') && !format.test(text)) {
      r.warning(
        'condition-value-format',
        `${quote(text)} is not ${format.what}, so \`${name.operator.name}\` never matches it`,
        v.range,
      );
    }
    if (
      !variablesEnabled &&
      text.includes('${') &&
      templateVariables(parseTemplate(text, true)).length > 0
    ) {
      r.warning(
        'variable-needs-version',
        `policy variables such as ${quote(text)} need \`"Version": "2012-10-17"\``,
        v.range,
      );
    }
  }
}

export function checkConditions(r: Report, s: ParsedStatement, variablesEnabled: boolean): void {
  const block = s.condition;
  if (!block) return;
  if (!block.value || typeof block.value !== 'object' || Array.isArray(block.value)) {
    r.error('invalid-condition', 'Condition must be an object of operators', block.range);
    return;
  }
  for (const [operator, keys] of Object.entries(block.value as Record<string, unknown>)) {
    if (!keys || typeof keys !== 'object' || Array.isArray(keys)) {
      r.error(
        'invalid-condition',
        `operator ${quote(operator)} must map condition keys to values`,
        block.range,
      );
    }
  }
  for (const c of s.conditions) checkEntry(r, c, variablesEnabled);
}
