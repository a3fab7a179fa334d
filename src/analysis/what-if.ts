/** What an edit changes: the accesses, escalations and findings one design version has that the other lacks. */
import type { AnalysisResult, Escalation, Finding, Reachability } from './types';

export interface WhatIf {
  reachability: { added: Reachability[]; removed: Reachability[] };
  escalations: { added: Escalation[]; removed: Escalation[] };
  findings: { added: Finding[]; removed: Finding[] };
}

function diff<T>(before: T[], after: T[], key: (t: T) => string) {
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  return {
    added: after.filter((t) => !b.has(key(t))),
    removed: before.filter((t) => !a.has(key(t))),
  };
}

export function whatIf(before: AnalysisResult, after: AnalysisResult): WhatIf {
  return {
    reachability: diff(before.reachability, after.reachability, (r) => `${r.from}\n${r.to}`),
    escalations: diff(before.escalations, after.escalations, (e) => `${e.principal}\n${e.gains}`),
    findings: diff(
      before.findings,
      after.findings,
      (f) => `${f.kind}\n${f.subject}\n${f.policy}\n${f.statement}`,
    ),
  };
}

export const isEmptyWhatIf = (w: WhatIf): boolean =>
  [w.reachability, w.escalations, w.findings].every(
    (d) => d.added.length === 0 && d.removed.length === 0,
  );

/** One line per change, for people: `adds: Deploy can now reach prod-admin`. */
export function whatIfLines(w: WhatIf, name: (arn: string) => string = (a) => a): string[] {
  const lines: string[] = [];
  for (const r of w.reachability.added)
    lines.push(`adds: ${name(r.from)} can now reach ${name(r.to)}`);
  for (const r of w.reachability.removed)
    lines.push(`removes: ${name(r.from)} can no longer reach ${name(r.to)}`);
  for (const e of w.escalations.added)
    lines.push(
      `adds escalation: ${name(e.principal)} gains ${e.gains === 'admin' ? 'admin' : name(e.gains)}`,
    );
  for (const e of w.escalations.removed)
    lines.push(
      `removes escalation: ${name(e.principal)} no longer gains ${e.gains === 'admin' ? 'admin' : name(e.gains)}`,
    );
  for (const f of w.findings.added) lines.push(`adds finding ${f.kind}: ${f.message}`);
  for (const f of w.findings.removed) lines.push(`resolves finding ${f.kind}: ${f.message}`);
  return lines;
}
