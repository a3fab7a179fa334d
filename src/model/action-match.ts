import { stringList } from './policy-text';

const patternCache = new Map<string, RegExp>();

/** IAM action glob (`*`, `?`), case-insensitive. */
export function actionPatternMatches(pattern: string, action: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${body}$`, 'i');
    if (patternCache.size > 2000) patternCache.clear();
    patternCache.set(pattern, regex);
  }
  return regex.test(action);
}

/** Whether a statement's Action / NotAction element covers the action. */
export function statementCoversAction(statement: Record<string, unknown>, action: string): boolean {
  if ('Action' in statement)
    return stringList(statement.Action).some((p) => actionPatternMatches(p, action));
  if ('NotAction' in statement)
    return !stringList(statement.NotAction).some((p) => actionPatternMatches(p, action));
  return false;
}
