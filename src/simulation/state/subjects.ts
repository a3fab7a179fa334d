// Whose policies a run looks at (so a check can be traced to its policy text), and the
// small world adjustments a call needs.

import { arnAccount, isAwsAccountId, parseArn } from '../../engine';
import type { CallerRef, SessionRecord, StsSimulator } from '../../sts/index.ts';
import { worldForResource, type DesignWorld } from '../../model';
import type { FocusSubject } from '../world/locate';

const accountOf = (arn: string): string | undefined => {
  const account = arnAccount(arn);
  return account !== undefined && isAwsAccountId(account) ? account : undefined;
};

/** `Developer/alice`: the role and session name, as the console shows an assumed role. */
export function sessionLabel(session: Pick<SessionRecord, 'assumedRoleArn'>): string {
  const resource = parseArn(session.assumedRoleArn)?.resource;
  return resource?.startsWith('assumed-role/')
    ? resource.slice('assumed-role/'.length)
    : session.assumedRoleArn;
}

export function subjectOfAssume(
  by: CallerRef,
  roleArn: string,
  simulator: StsSimulator,
): FocusSubject {
  const subject: FocusSubject = { roleArn };
  const roleAccount = accountOf(roleArn);
  if (roleAccount) subject.rcpAccount = roleAccount;
  if ('principal' in by) {
    subject.identityArn = by.principal;
    const account = accountOf(by.principal);
    if (account) subject.scpAccount = account;
  } else if ('accessKeyId' in by) {
    const session = simulator.sessions.get(by.accessKeyId);
    if (session) {
      subject.identityArn = session.roleArn;
      const account = accountOf(session.roleArn);
      if (account) subject.scpAccount = account;
      subject.sessionPolicies = session.sessionPolicies;
    }
  }
  return subject;
}

export function subjectOfCall(
  session: SessionRecord | undefined,
  resource: string,
  world: DesignWorld,
): FocusSubject {
  const subject: FocusSubject = { resourceArn: resource };
  const resourceAccount =
    world.world.resources?.find((r) => r.arn === resource)?.account ?? accountOf(resource);
  if (resourceAccount) subject.rcpAccount = resourceAccount;
  if (session) {
    subject.identityArn = session.roleArn;
    const account = accountOf(session.roleArn);
    if (account) subject.scpAccount = account;
    subject.sessionPolicies = session.sessionPolicies;
  }
  return subject;
}

/** The world for one call: an object ARN of a modelled bucket takes the bucket's policy (see the adapter). */
export const worldForCall = worldForResource;
