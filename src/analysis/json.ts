/** The `analysis/1` JSON of a result: the README's fields only, in its order. */
import type { AnalysisResult } from './types';

export function toAnalysisJson(r: AnalysisResult) {
  return {
    format: r.format,
    now: r.now,
    accounts: r.accounts,
    principals: r.principals,
    warnings: r.warnings,
    reachability: r.reachability.map(({ from, to, hops, needs }) => ({ from, to, hops, needs })),
    escalations: r.escalations.map(({ principal, gains, steps }) => ({
      principal,
      gains,
      steps: steps.map(({ technique, actor, target, actions, needs }) => ({
        technique,
        actor,
        target,
        actions,
        needs,
      })),
    })),
    findings: r.findings.map(({ kind, severity, subject, policy, statement, message }) => ({
      kind,
      severity,
      subject,
      policy,
      statement,
      message,
    })),
  };
}
