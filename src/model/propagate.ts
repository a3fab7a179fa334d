import { visit } from 'jsonc-parser';
import { formatArn, parseArn } from '../engine';
import { arnOf } from './arn';
import { allEntities } from './lookup';
import { mapPolicyTexts } from './policy-texts';
import type { Design, Entity, EntityId } from './types';

/** An entity whose ARN differs between two versions of a design. */
interface ArnChange {
  id: EntityId;
  kind: Entity['kind'];
  from: string;
  to: string;
}

function arnChanges(before: Design, after: Design): ArnChange[] {
  const afterById = new Map(allEntities(after).map((e) => [e.id, e]));
  const changes: ArnChange[] = [];
  for (const entity of allEntities(before)) {
    const next = afterById.get(entity.id);
    if (!next) continue;
    const from = arnOf(before, entity);
    const to = arnOf(after, next);
    if (from !== undefined && to !== undefined && from !== to)
      changes.push({ id: entity.id, kind: entity.kind, from, to });
  }
  return changes;
}

/** Maps one string value of a policy to its new value, or undefined to keep it. */
type ValueRewrite = ((value: string) => string | undefined) & {
  /** Strings a text must contain for the rewrite to change it (a cheap pre-check). */
  needles?: readonly string[];
};

/** The rewrite for a set of ARN changes: exact ARNs, account ids, role sessions and resource sub-paths. */
function rewriteFor(changes: ArnChange[], before: Design, after: Design): ValueRewrite {
  const exact = new Map<string, string>();
  const prefixes: [string, string][] = [];
  for (const change of changes) {
    exact.set(change.from, change.to);
    if (change.kind === 'resource') {
      prefixes.push([`${change.from}/`, `${change.to}/`], [`${change.from}:`, `${change.to}:`]);
    }
    if (change.kind === 'role') {
      const from = sessionPrefix(change.from);
      const to = sessionPrefix(change.to);
      if (from !== undefined && to !== undefined) prefixes.push([from, to]);
    }
  }
  const afterAccounts = new Map(after.accounts.map((a) => [a.id, a.awsAccountId]));
  for (const account of before.accounts) {
    const next = afterAccounts.get(account.id);
    if (next !== undefined && next !== account.awsAccountId) exact.set(account.awsAccountId, next);
  }
  if (exact.size === 0) return Object.assign(() => undefined, { needles: [] });
  const rewrite: ValueRewrite = (value) => {
    const hit = exact.get(value);
    if (hit !== undefined) return hit;
    for (const [from, to] of prefixes)
      if (value.startsWith(from)) return to + value.slice(from.length);
    return undefined;
  };
  rewrite.needles = [...exact.keys(), ...prefixes.map(([from]) => from)];
  return rewrite;
}

/** `arn:aws:sts::ACCOUNT:assumed-role/NAME/`, the start of every session ARN of a role (sessions drop the path). */
function sessionPrefix(roleArn: string): string | undefined {
  const arn = parseArn(roleArn);
  if (arn?.service !== 'iam' || !arn.resource.startsWith('role/')) return undefined;
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  return formatArn({ ...arn, service: 'sts', resource: `assumed-role/${name}/` });
}

/** Rewrites string values (never keys) of a JSON text, leaving everything else byte for byte. */
function rewriteStringValues(text: string, rewrite: ValueRewrite): string {
  if (rewrite.needles && !rewrite.needles.some((needle) => text.includes(needle))) return text;
  const edits: { offset: number; length: number; content: string }[] = [];
  visit(text, {
    onLiteralValue: (value: unknown, offset, length) => {
      if (typeof value !== 'string') return;
      const next = rewrite(value);
      if (next !== undefined && next !== value)
        edits.push({ offset, length, content: JSON.stringify(next) });
    },
  });
  let out = text;
  for (const edit of edits.reverse())
    out = out.slice(0, edit.offset) + edit.content + out.slice(edit.offset + edit.length);
  return out;
}

/**
 * `after` with every policy that named an ARN changed since `before` updated to the new ARN
 * (a rename, a path change, a move to another account, a new account id).
 */
export function propagateArnChanges(before: Design, after: Design): Design {
  if (before === after) return after;
  const changes = arnChanges(before, after);
  if (changes.length === 0) return after;
  const rewrite = rewriteFor(changes, before, after);
  return mapPolicyTexts(after, (text) => rewriteStringValues(text, rewrite));
}
