import { describe, expect, it } from 'vitest';
import { findingBadges } from './finding-badges';
import type { Finding, Severity } from './types';

const finding = (subjectId: string, severity: Severity): Finding => ({
  kind: 'role-unused',
  severity,
  subject: `arn:aws:iam::111122223333:role/${subjectId}`,
  policy: 'trust',
  statement: 0,
  message: '',
  subjectId,
  statementIndex: 0,
});

describe('findingBadges', () => {
  it.each([
    { severities: ['low'], count: 1, worst: 'low' },
    { severities: ['low', 'high', 'medium'], count: 3, worst: 'high' },
    { severities: ['medium', 'critical', 'high'], count: 3, worst: 'critical' },
    { severities: ['high', 'high'], count: 2, worst: 'high' },
  ] as { severities: Severity[]; count: number; worst: Severity }[])(
    '$severities: $count, worst $worst',
    ({ severities, count, worst }) => {
      const badges = findingBadges(severities.map((s) => finding('R', s)));
      expect(badges.get('R')).toEqual({ count, worst });
    },
  );

  it('counts each node on its own and gives nodes without findings no badge', () => {
    const badges = findingBadges([finding('A', 'low'), finding('B', 'high'), finding('A', 'low')]);
    expect([...badges]).toEqual([
      ['A', { count: 2, worst: 'low' }],
      ['B', { count: 1, worst: 'high' }],
    ]);
  });
});
