/**
 * What an edit changes (CheckNoNewAccess in spirit): given the analyses of two versions of a
 * design, the accesses (roles reached, admin held), escalations and findings the second one has
 * that the first lacks, and the other way round. Pairs are told apart by ARN, so a rename reads
 * as one removed and one added.
 */
import type { Analysis } from './analyze';
import type { Escalation, Finding, Reachability } from './types';

interface Diff<T> {
  added: T[];
  removed: T[];
}

/** A principal that holds `*` on `*` with nothing more to meet. */
interface Admin {
  principal: string;
  principalId: string;
}

/** A pair reachable in both versions whose needs changed (an MFA condition added, say). */
interface NeedsChange {
  before: Reachability;
  after: Reachability;
}

export interface WhatIf {
  reachability: Diff<Reachability> & { changed: NeedsChange[] };
  admins: Diff<Admin>;
  escalations: Diff<Escalation>;
  findings: Diff<Finding>;
}

function diff<T>(before: readonly T[], after: readonly T[], key: (t: T) => string): Diff<T> {
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  return {
    added: after.filter((t) => !b.has(key(t))),
    removed: before.filter((t) => !a.has(key(t))),
  };
}

const pair = (r: Reachability) => `${r.from}\n${r.to}`;
const sameNeeds = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function admins(analysis: Analysis): Admin[] {
  return [...analysis.admin.keys()]
    .filter((id) => analysis.isAdmin(id))
    .map((id) => ({ principal: analysis.u.arnOf(id), principalId: id }));
}

/** The accesses, escalations and findings `after` adds to `before` and removes from it. */
export function whatIf(before: Analysis, after: Analysis): WhatIf {
  const b = before.result;
  const a = after.result;
  const beforePairs = new Map(b.reachability.map((r) => [pair(r), r]));
  const changed: NeedsChange[] = [];
  for (const r of a.reachability) {
    const old = beforePairs.get(pair(r));
    if (old && !sameNeeds(old.needs, r.needs)) changed.push({ before: old, after: r });
  }
  return {
    reachability: { ...diff(b.reachability, a.reachability, pair), changed },
    admins: diff(admins(before), admins(after), (x) => x.principal),
    escalations: diff(b.escalations, a.escalations, (e) => `${e.principal}\n${e.gains}`),
    findings: diff(
      b.findings,
      a.findings,
      (f) => `${f.kind}\n${f.subject}\n${f.policy}\n${f.statement}`,
    ),
  };
}

/** One change as people read it, with the node it is about (to select it on the canvas). */
export interface WhatIfLine {
  change: 'adds' | 'removes' | 'changes';
  text: string;
  subjectId: string;
}

const needsWords = (needs: string[]) => (needs.length > 0 ? ` if ${needs.join(', ')}` : '');

/**
 * The changes as sentences, accesses first: `Deploy can now reach prod-admin`. `name` turns an
 * ARN into the name people know it by.
 */
export function whatIfLines(w: WhatIf, name: (arn: string) => string): WhatIfLine[] {
  const gains = (e: Escalation) => (e.gains === 'admin' ? 'admin' : name(e.gains));
  const subject = (f: Finding) => `${f.kind} on ${name(f.subject)}`;
  return [
    ...w.reachability.added.map((r) => ({
      change: 'adds' as const,
      text: `${name(r.from)} can now reach ${name(r.to)}${needsWords(r.needs)}`,
      subjectId: r.hopIds[0]!,
    })),
    ...w.reachability.changed.map(({ before, after }) => ({
      change: 'changes' as const,
      text: `${name(after.from)} reaches ${name(after.to)}${needsWords(after.needs) || ' with no condition'} (was${needsWords(before.needs) || ' with no condition'})`,
      subjectId: after.hopIds[0]!,
    })),
    ...w.admins.added.map((x) => ({
      change: 'adds' as const,
      text: `${name(x.principal)} is now admin`,
      subjectId: x.principalId,
    })),
    ...w.escalations.added.map((e) => ({
      change: 'adds' as const,
      text: `${name(e.principal)} can escalate to ${gains(e)}`,
      subjectId: e.principalId,
    })),
    ...w.findings.added.map((f) => ({
      change: 'adds' as const,
      text: `finding ${subject(f)}`,
      subjectId: f.subjectId,
    })),
    ...w.reachability.removed.map((r) => ({
      change: 'removes' as const,
      text: `${name(r.from)} can no longer reach ${name(r.to)}`,
      subjectId: r.hopIds[0]!,
    })),
    ...w.admins.removed.map((x) => ({
      change: 'removes' as const,
      text: `${name(x.principal)} is no longer admin`,
      subjectId: x.principalId,
    })),
    ...w.escalations.removed.map((e) => ({
      change: 'removes' as const,
      text: `${name(e.principal)} can no longer escalate to ${gains(e)}`,
      subjectId: e.principalId,
    })),
    ...w.findings.removed.map((f) => ({
      change: 'removes' as const,
      text: `finding ${subject(f)}`,
      subjectId: f.subjectId,
    })),
  ];
}
