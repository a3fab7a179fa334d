// Whose policies a run looks at (so a check can be traced to its policy text), and the
// small world adjustments a call needs.

import { arnAccount, formatArn, isAwsAccountId, parseArn } from '../../engine';
import type { CallerRef, SessionRecord, StsSimulator } from '../../sts/index.ts';
import type { DesignWorld } from '../world/design-world';
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

/**
 * The world for one call. A bucket policy governs the objects in the bucket, but the
 * simulator finds resource policies by exact ARN: for an object ARN of a modelled bucket,
 * the object is added with its bucket's policy, account and node.
 */
export function worldForCall(base: DesignWorld, resource: string): DesignWorld {
  const resources = base.world.resources ?? [];
  if (resources.some((r) => r.arn === resource)) return base;
  const arn = parseArn(resource);
  const slash = arn?.resource.indexOf('/') ?? -1;
  if (arn?.service !== 's3' || arn.region !== '' || arn.account !== '' || slash < 1) return base;
  if (slash === arn.resource.length - 1) return base;
  const bucketArn = formatArn({ ...arn, resource: arn.resource.slice(0, slash) });
  const bucket = resources.find((r) => r.arn === bucketArn);
  if (!bucket) return base;
  const sources = {
    ...base.sources,
    resource: new Map(base.sources.resource),
    entityByArn: new Map(base.sources.entityByArn),
  };
  const bucketSource = base.sources.resource.get(bucketArn);
  if (bucketSource) sources.resource.set(resource, bucketSource);
  const bucketEntity = base.sources.entityByArn.get(bucketArn);
  if (bucketEntity) sources.entityByArn.set(resource, bucketEntity);
  return {
    ...base,
    world: { ...base.world, resources: [...resources, { ...bucket, arn: resource }] },
    sources,
  };
}
