/** A value written for the user to replace (the `sub` a new GitHub Actions trust starts with). */
import type { ParsedStatement } from '../parse/model.ts';
import { isPlaceholderValue } from '../principal/identity-providers.ts';
import { quote, type Report } from './report.ts';

export function checkPlaceholders(r: Report, s: ParsedStatement): void {
  for (const condition of s.conditions) {
    for (const value of condition.values) {
      if (typeof value.value !== 'string' || !isPlaceholderValue(value.value)) continue;
      r.warning(
        'placeholder-value',
        `replace the placeholder in ${quote(value.value)}: pin \`${condition.key}\` to your own (until then no real token matches it)`,
        value.range,
      );
    }
  }
}
