/** Runner for `session` cases: a timeline of assumes and calls on the simulated clock. */
import { parseDate } from '../../../engine/index.ts';
import {
  StsSimulator,
  type AssumeRoleParams,
  type CallerRef,
  type ContextMap,
  type PolicyLevels,
  type PrincipalDefinition,
  type ResourceDefinition,
  type RoleDefinition,
  type StsWorld,
} from '../../../sts/index.ts';
import {
  defaultNow,
  type CaseResult,
  type ConformanceCase,
  type KindRunner,
} from '../case-types.ts';

interface Step {
  at: string;
  as?: string;
  assume?: { by: string; role: string; params?: AssumeRoleParams; context?: ContextMap };
  call?: { by: string; action: string; resource: string; context?: ContextMap };
  expect: { outcome?: string; expiration?: string };
}

function worldOf(testCase: ConformanceCase): StsWorld {
  const principals = Object.values(
    (testCase.principals ?? {}) as Record<string, PrincipalDefinition>,
  );
  const roles = Object.values((testCase.roles ?? {}) as Record<string, RoleDefinition>);
  const resources = Object.values((testCase.resources ?? {}) as Record<string, ResourceDefinition>);
  return {
    principals,
    roles,
    resources,
    scp: (testCase.scp ?? {}) as Record<string, PolicyLevels>,
  };
}

function stepName(step: Step, index: number): string {
  const what = step.assume
    ? `assume ${step.assume.role} by ${step.assume.by}`
    : `call ${step.call?.action} by ${step.call?.by}`;
  return `step ${index + 1} (${what} at ${step.at})`;
}

export const sessionRunner: KindRunner = {
  run(testCase: ConformanceCase): CaseResult {
    const principals = (testCase.principals ?? {}) as Record<string, PrincipalDefinition>;
    const roles = (testCase.roles ?? {}) as Record<string, RoleDefinition>;
    const sim = new StsSimulator({ world: worldOf(testCase), seed: testCase.id });
    sim.clock.set(typeof testCase.now === 'string' ? testCase.now : defaultNow);
    const sessions = new Map<string, string>();
    const steps = (testCase.steps ?? []) as Step[];
    const trace: string[] = [];

    const callerOf = (name: string, context?: ContextMap): CallerRef | string => {
      const key = sessions.get(name);
      if (key) return { accessKeyId: key, context };
      const principal = principals[name];
      if (principal) return { principal: principal.arn, context };
      return `\`${name}\` names no principal and no session created earlier`;
    };

    for (const [index, step] of steps.entries()) {
      sim.clock.set(step.at);
      const name = stepName(step, index);
      let got: string;
      let expiration: string | undefined;
      if (step.assume) {
        const by = callerOf(step.assume.by, step.assume.context);
        const role = roles[step.assume.role];
        if (typeof by === 'string' || !role) {
          return {
            pass: false,
            expected: String(step.expect.outcome),
            got: `${name}: ${typeof by === 'string' ? by : `no role \`${step.assume.role}\``}`,
            detail: { trace },
          };
        }
        const result = sim.assume({ by, roleArn: role.arn, params: step.assume.params ?? {} });
        if (result.ok) {
          if (step.as) sessions.set(step.as, result.session.accessKeyId);
          got = 'Success';
          expiration = result.response.Credentials.Expiration;
        } else got = result.error.code;
        trace.push(
          `${name}: ${got}${result.ok ? ` until ${expiration}` : ` (${result.error.message})`}`,
        );
      } else if (step.call) {
        const by = callerOf(step.call.by, step.call.context);
        if (typeof by === 'string')
          return {
            pass: false,
            expected: String(step.expect.outcome),
            got: `${name}: ${by}`,
            detail: { trace },
          };
        const result = sim.call(by, { action: step.call.action, resource: step.call.resource });
        got = result.outcome;
        trace.push(`${name}: ${got} (${result.message})`);
      } else {
        return {
          pass: false,
          expected: String(step.expect.outcome),
          got: `${name}: neither assume nor call`,
          detail: { trace },
        };
      }
      if (got !== step.expect.outcome) {
        return {
          pass: false,
          expected: `${name}: ${step.expect.outcome}`,
          got: `${name}: ${trace[trace.length - 1]?.slice(name.length + 2)}`,
          detail: { trace },
        };
      }
      if (
        step.expect.expiration !== undefined &&
        expiration !== undefined &&
        parseDate(expiration) !== parseDate(step.expect.expiration)
      ) {
        return {
          pass: false,
          expected: `${name}: expiration ${step.expect.expiration}`,
          got: `${name}: expiration ${expiration}`,
          detail: { trace },
        };
      }
    }
    return {
      pass: true,
      expected: 'every step as expected',
      got: 'every step as expected',
      detail: { trace, events: sim.log.size },
    };
  },
};
