/** What each technique's test case is, and the builders the cases share. */
import {
  ACCOUNT,
  ADMIN_DOC,
  allow,
  arn,
  doc,
  trustStatement,
  type AccountBuilder,
} from '../test-accounts';
import type { TechniqueId } from '../types';

export const ROOT = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
export const ALICE = arn('user', 'alice');
export const past = { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } };

/** The escalations of `principal` found by the analysis, as gains -> techniques of its steps. */
export function escalationsOf(b: AccountBuilder, principal = ALICE) {
  return b
    .analyze()
    .result.escalations.filter((e) => e.principal === principal)
    .map((e) => ({
      gains: e.gains,
      techniques: e.steps.map((s) => s.technique),
      needs: e.steps.flatMap((s) => s.needs),
    }));
}

export const adminRole = (b: AccountBuilder, name: string, service: string) =>
  b.role(name, [trustStatement({ Service: service })], [ADMIN_DOC]);

export interface Case {
  technique: TechniqueId;
  /** Who starts (default alice). */
  principal?: string;
  gains: string;
  positive: (b: AccountBuilder) => void;
  /** The trap that must find nothing for this technique. */
  trap: string;
  negative: (b: AccountBuilder) => void;
}

export const passRole = (service: string, roleName: string) =>
  allow('iam:PassRole', arn('role', roleName), {
    StringEquals: { 'iam:PassedToService': service },
  });

export const serviceCase = (
  technique: TechniqueId,
  service: string,
  actions: string[],
  trap: string,
  negativeActions: string[],
  withPassRole = true,
): Case => ({
  technique,
  gains: arn('role', 'Target'),
  positive: (b) => {
    adminRole(b, 'Target', service);
    b.user('alice', [doc(allow(actions), ...(withPassRole ? [passRole(service, 'Target')] : []))]);
  },
  trap,
  negative: (b) => {
    adminRole(b, 'Target', service);
    b.user('alice', [
      doc(allow(negativeActions), ...(withPassRole ? [passRole(service, 'Target')] : [])),
    ]);
  },
});
