// The whole analysis of a generated 1k organization (the bench's shapes: 4 accounts of 200
// roles and 50 users) held to a snapshot: the counts and a SHA-256 of each list of the
// analysis/1 JSON. A speed-up of the import or of any stage that changes one pair, one
// need, one step or one finding fails here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../bench/generate-org';
import { importAuthzFiles } from '../io/authz-details';
import { analyze, toAnalysisJson } from '.';

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the analysis of a generated 1k organization', () => {
  it('is the snapshot: counts and a hash of pairs, escalations and findings', async () => {
    const files = generateOrg({ accounts: 4, rolesPerAccount: 200, usersPerAccount: 50, seed: 7 });
    let next = 0;
    const ids = (prefix: string) => `${prefix}-${++next}`;
    const imported = await importAuthzFiles(files, { layout: false, ids });
    if (!imported.ok) throw new Error(imported.reason);
    const json = toAnalysisJson(analyze(imported.design, { now: '2026-06-01T00:00:00Z' }).result);
    expect({
      principals: json.principals,
      accounts: json.accounts.length,
      warnings: json.warnings.length,
      reachability: json.reachability.length,
      conditional: json.reachability.filter((r) => r.needs.length > 0).length,
      escalations: json.escalations.length,
      findings: json.findings.length,
      imported: imported.summary.counts,
      importWarnings: imported.summary.warnings.length,
      hashes: {
        design: sha(imported.design),
        reachability: sha(json.reachability),
        escalations: sha(json.escalations),
        findings: sha(json.findings),
        warnings: sha(json.warnings),
      },
    }).toMatchInlineSnapshot(`
      {
        "accounts": 4,
        "conditional": 3118,
        "escalations": 11524,
        "findings": 955,
        "hashes": {
          "design": "26dca124bd2d34f15955355e340f94abdb276d6ad30105b5362c704aec40b163",
          "escalations": "bb0b56aa505fbae1df73ee717bf0ae76981761265a5960b724309618ef585b2d",
          "findings": "504c0f85213ef6b8c74aa2ef8630b1a7c1a124a96ddc84349ebcb14780fb98a7",
          "reachability": "9ffad94c8ec8fc65a4f9a56af6a95aa816a59854c44ce87db490b7ce6265607c",
          "warnings": "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
        },
        "importWarnings": 0,
        "imported": {
          "accounts": 4,
          "danglingTrustPrincipals": 22,
          "groups": 20,
          "identityProviders": 8,
          "managedPolicies": 84,
          "outsidePrincipals": 0,
          "roles": 800,
          "services": 6,
          "users": 200,
        },
        "principals": 1000,
        "reachability": 8185,
        "warnings": 0,
      }
    `);
  }, 120_000);
});
