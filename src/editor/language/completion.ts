// What to offer at a position in a policy: decides from the JSON path, then asks the
// completer for that element. Pure: text and offset in, completions with offsets out.
import { findNodeAtLocation } from 'jsonc-parser';
import { tooDeepForFeatures } from './too-deep';
import { actionCompletions } from './complete-actions';
import {
  conditionKeyCompletions,
  conditionValueCompletions,
  operatorCompletions,
} from './complete-conditions';
import {
  principalCompletions,
  principalKeyCompletions,
  principalValueCompletions,
  type PrincipalKey,
} from './complete-principals';
import { resourceCompletions } from './complete-resources';
import {
  documentCompletions,
  effectCompletions,
  statementCompletions,
  statementKeyCompletions,
  topLevelKeyCompletions,
  versionCompletions,
} from './complete-structure';
import { cursorContext, type CursorContext } from './cursor';
import { variableCompletions } from './policy-variables';
import { objectKeys, statementFacts, statementLocation } from './statement';
import type { CompletionList, LanguageEnv } from './types';

const none: CompletionList = { items: [], incomplete: false };

export async function completionsAt(
  text: string,
  offset: number,
  env: LanguageEnv,
): Promise<CompletionList> {
  if (tooDeepForFeatures(text)) return none;
  const ctx = cursorContext(text, offset);
  if (ctx.afterToken) return none;
  if (text.trim() === '' || (!ctx.root && !ctx.inString && ctx.path.length === 0))
    return documentCompletions(ctx, env.policyType);
  const variables = variableCompletions(ctx, text);
  if (variables.length > 0) return { items: variables, incomplete: false };
  return ctx.kind === 'key' ? keyCompletions(ctx, env) : valueCompletions(ctx, env);
}

/** Keys already written in the object the cursor's key belongs to. */
function siblingKeys(ctx: CursorContext): string[] {
  const parent = ctx.root && findNodeAtLocation(ctx.root, ctx.path.slice(0, -1));
  return ctx.path.length === 1 ? objectKeys(ctx.root) : objectKeys(parent);
}

async function keyCompletions(ctx: CursorContext, env: LanguageEnv): Promise<CompletionList> {
  const present = siblingKeys(ctx);
  if (ctx.path.length === 1) return topLevelKeyCompletions(ctx, present);
  const location = statementLocation(ctx.path);
  if (!location) return none;
  const parent = location.inner.slice(0, -1);
  const facts = () => statementFacts(ctx.root, location.statementPath);
  if (parent.length === 0) return statementKeyCompletions(ctx, env.policyType, present);
  if (parent.length === 1 && (parent[0] === 'Principal' || parent[0] === 'NotPrincipal'))
    return principalKeyCompletions(ctx, present);
  if (parent.length === 1 && parent[0] === 'Condition') {
    const typed = String(location.inner[1] ?? '');
    const block =
      ctx.root && findNodeAtLocation(ctx.root, [...location.statementPath, 'Condition', typed]);
    return operatorCompletions(ctx, env, facts(), ctx.colonFollows ? objectKeys(block) : []);
  }
  if (parent.length === 2 && parent[0] === 'Condition')
    return conditionKeyCompletions(ctx, env, facts(), String(parent[1]));
  return none;
}

async function valueCompletions(ctx: CursorContext, env: LanguageEnv): Promise<CompletionList> {
  const path = ctx.path;
  if (path.length === 1 && path[0] === 'Version') return versionCompletions(ctx);
  if (path.length === 1 && path[0] === 'Statement')
    return statementCompletions(ctx, env.policyType, true);
  if (path.length === 2 && path[0] === 'Statement' && typeof path[1] === 'number')
    return statementCompletions(ctx, env.policyType, false);
  const location = statementLocation(path);
  if (!location) return none;
  const inner = location.inner;
  const element = inner[0];
  // A value directly under the element, or an item of its list.
  const atElement = (depth: number) =>
    inner.length === depth || (inner.length === depth + 1 && typeof inner[depth] === 'number');
  const facts = () => statementFacts(ctx.root, location.statementPath);

  if (element === 'Effect' && inner.length === 1) return effectCompletions(ctx, env.policyType);
  if ((element === 'Action' || element === 'NotAction') && atElement(1))
    return actionCompletions(ctx, env);
  if ((element === 'Resource' || element === 'NotResource') && atElement(1))
    return resourceCompletions(ctx, env, facts());
  if (element === 'Principal' || element === 'NotPrincipal') {
    if (inner.length === 1) return principalValueCompletions(ctx, env);
    const key = inner[1];
    if ((key === 'AWS' || key === 'Service' || key === 'Federated') && atElement(2))
      return principalCompletions(ctx, env, key satisfies PrincipalKey);
  }
  if (element === 'Condition' && atElement(3))
    return conditionValueCompletions(ctx, env, String(inner[1]), String(inner[2]));
  return none;
}
