/**
 * Access analysis (pure TypeScript; Node and Web Workers): reachability through AssumeRole
 * chains, privilege escalation over every technique of ../shared/analysis/README.md, findings,
 * who-can, every path of a pair, `check` expectations and what-if between two design versions.
 * Every access question goes through the model's adapter (`access(design)`).
 */
export * from './types';
export { analyze, Analysis, parseNow, type WhoCanEntry } from './analyze';
export { toAnalysisJson } from './json';
export { check, readExpectations } from './check';
export { whatIf, whatIfLines, type WhatIf, type WhatIfLine } from './what-if';
export { findingBadges, type FindingBadge } from './finding-badges';
