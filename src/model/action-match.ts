import { wildcardMatches } from '../engine';
import { stringList } from './policy-text';

/** Whether a statement's Action / NotAction element covers the action (case-insensitive, as IAM reads actions). */
export function statementCoversAction(statement: Record<string, unknown>, action: string): boolean {
  if ('Action' in statement)
    return stringList(statement.Action).some((p) => wildcardMatches(p, action, true));
  if ('NotAction' in statement)
    return !stringList(statement.NotAction).some((p) => wildcardMatches(p, action, true));
  return false;
}
