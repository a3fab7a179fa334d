// Which Resource (or NotResource) patterns of a policy cover a resource, as the engine
// matches them: each pattern asked of the engine itself, as the one statement of a probe
// policy (so an ARN pattern is matched component by component, exactly as in a decision).
// Resources covered by the same patterns, in the same account, are the same to those policies.

import { compilePolicies, evaluate, type CompiledPolicySet } from '../../engine';

/** The probe's caller and the resource's account: one account, so the identity Allow alone decides. */
const PROBE_ACCOUNT = '000000000000';
const PROBE_PRINCIPAL = `arn:aws:iam::${PROBE_ACCOUNT}:user/rolecraft-probe`;
const PROBE_ACTION = 'rolecraft:Probe';

const probes = new Map<string, { set: CompiledPolicySet; covers: Map<string, boolean> }>();

/** Whether the pattern covers the resource, by the engine's decision on a probe policy. */
function patternCovers(pattern: string, resource: string): boolean {
  let probe = probes.get(pattern);
  if (!probe) {
    if (probes.size >= 20_000) probes.clear();
    const set = compilePolicies({
      identity: [
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: pattern }] },
      ],
    });
    probe = { set, covers: new Map() };
    probes.set(pattern, probe);
  }
  let covered = probe.covers.get(resource);
  if (covered === undefined) {
    if (probe.covers.size >= 50_000) probe.covers.clear();
    covered =
      evaluate(
        {
          principal: PROBE_PRINCIPAL,
          action: PROBE_ACTION,
          resource,
          resourceAccount: PROBE_ACCOUNT,
        },
        probe.set,
      ).decision === 'Allow';
    probe.covers.set(resource, covered);
  }
  return covered;
}

/** One character per pattern: `1` when it covers the resource, else `0`. */
export function coveredBy(patterns: readonly string[], resource: string): string {
  let bits = '';
  for (const p of patterns) bits += patternCovers(p, resource) ? '1' : '0';
  return bits;
}
