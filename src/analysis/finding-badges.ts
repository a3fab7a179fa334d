/** What a node's badge shows: how many findings are about it and the worst of their severities. */
import type { EntityId } from '../model';
import { severities, type Finding, type Severity } from './types';

export interface FindingBadge {
  count: number;
  worst: Severity;
}

const rank = (s: Severity) => severities.indexOf(s);

/** One badge per node that findings are about. */
export function findingBadges(findings: readonly Finding[]): Map<EntityId, FindingBadge> {
  const badges = new Map<EntityId, FindingBadge>();
  for (const f of findings) {
    const badge = badges.get(f.subjectId);
    if (!badge) badges.set(f.subjectId, { count: 1, worst: f.severity });
    else {
      badge.count++;
      if (rank(f.severity) < rank(badge.worst)) badge.worst = f.severity;
    }
  }
  return badges;
}
