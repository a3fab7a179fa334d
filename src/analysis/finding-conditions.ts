/**
 * What the findings read in a policy statement's conditions: its keys and values, the keys
 * that limit who a `*` principal can be, and what a shared OIDC issuer's `sub` must pin.
 */
import { stringList } from '../model';

export type Statement = Record<string, unknown>;

/** Condition keys of a statement, lowercased (operators and IfExists forms alike). */
export function conditionKeys(s: Statement): Set<string> {
  const keys = new Set<string>();
  const c = s.Condition;
  if (typeof c !== 'object' || c === null) return keys;
  for (const block of Object.values(c as Record<string, unknown>))
    if (typeof block === 'object' && block !== null)
      for (const k of Object.keys(block)) keys.add(k.toLowerCase());
  return keys;
}

export function conditionValues(s: Statement, key: string): string[] {
  const c = s.Condition;
  if (typeof c !== 'object' || c === null) return [];
  const out: string[] = [];
  for (const block of Object.values(c as Record<string, unknown>))
    if (typeof block === 'object' && block !== null)
      for (const [k, v] of Object.entries(block))
        if (k.toLowerCase() === key.toLowerCase()) out.push(...stringList(v));
  return out;
}

/** Keys that limit who a `*` principal can be. */
export const WHO_LIMITING = [
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:userid',
  'aws:sourcevpce',
  'aws:sourcevpc',
];
export const ORG_KEYS = ['aws:principalorgid', 'aws:principalorgpaths'];
export const hasAny = (keys: Set<string>, wanted: string[]) => wanted.some((k) => keys.has(k));

/** Terraform Cloud is not in the engine's table of well-known providers but shares its issuer too. */
export const OTHER_SHARED_ISSUERS = ['app.terraform.io'];

/** Services that send `aws:SourceArn` / `aws:SourceAccount` when they assume a role or call a resource. */
export const SOURCE_AWARE_SERVICES = new Set([
  'sns.amazonaws.com',
  'sqs.amazonaws.com',
  'events.amazonaws.com',
  'states.amazonaws.com',
  'scheduler.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'config.amazonaws.com',
  'logs.amazonaws.com',
  'firehose.amazonaws.com',
  'sagemaker.amazonaws.com',
  'glue.amazonaws.com',
  'codebuild.amazonaws.com',
  'backup.amazonaws.com',
  's3.amazonaws.com',
  'ssm.amazonaws.com',
  'apigateway.amazonaws.com',
  'elasticmapreduce.amazonaws.com',
  'datapipeline.amazonaws.com',
  'cloudformation.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'iot.amazonaws.com',
]);

export function issuerOf(federated: string): string {
  return federated.replace(/^arn:[^:]+:iam::\d{12}:oidc-provider\//, '').toLowerCase();
}

/** `sub` values wider than one repository (`repo:org/*`, `*`, `repo:*`). */
export function wildcardWiderThanRepo(value: string): boolean {
  const github = /^repo:([^:]*)(?::|$)/.exec(value);
  if (github) return /[*?]/.test(github[1]!) || !github[1]!.includes('/');
  const gitlab = /^project_path:([^:]*)(?::|$)/.exec(value);
  if (gitlab) return /[*?]/.test(gitlab[1]!);
  const tfc = /^organization:([^:]*):project:([^:]*):workspace:([^:]*)/.exec(value);
  if (tfc) return /[*?]/.test(tfc[1]! + tfc[2]! + tfc[3]!);
  return /[*?]/.test(value.split(':').slice(0, 2).join(':'));
}
