// The analysis of a generated 1k organization, pinned: its counts and a hash of every
// reachable pair, escalation and finding (analysis/1 JSON) as the analysis gave them before
// its speed work. A change that alters one answer fails here; a deliberate change of
// behaviour (or of bench/generate-org.ts) updates the numbers in the same commit, saying why.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../bench/generate-org';
import { importAuthzFiles } from '../io/authz-details';
import { analyze, toAnalysisJson } from '.';

const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('the analysis of a generated 1k organization', () => {
  it('gives the same pairs, escalations and findings', async () => {
    const files = generateOrg({ accounts: 4, rolesPerAccount: 200, usersPerAccount: 50, seed: 7 });
    const imported = await importAuthzFiles(files, { layout: false });
    if (!imported.ok) throw new Error(imported.reason);
    const json = toAnalysisJson(analyze(imported.design, { now: '2026-06-01T00:00:00Z' }).result);
    expect({
      principals: json.principals,
      reachability: json.reachability.length,
      escalations: json.escalations.length,
      findings: json.findings.length,
      hashes: {
        reachability: hash(json.reachability),
        escalations: hash(json.escalations),
        findings: hash(json.findings),
      },
    }).toMatchInlineSnapshot(`
      {
        "escalations": 11524,
        "findings": 955,
        "hashes": {
          "escalations": "bb0b56aa505fbae1",
          "findings": "504c0f85213ef6b8",
          "reachability": "9ffad94c8ec8fc65",
        },
        "principals": 1000,
        "reachability": 8185,
      }
    `);
  }, 120_000);
});
