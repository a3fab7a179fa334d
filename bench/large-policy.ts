/** Large identity policies shaped like real ones, for the validation and editor benchmarks. */
import type { PolicyDocument } from '../src/engine/index.ts';

const services = ['s3', 'ec2', 'dynamodb', 'sqs', 'sns', 'lambda', 'kms', 'logs'];
const verbs = ['Get', 'Put', 'Delete', 'List', 'Describe', 'Create', 'Update', 'Tag'];

/** A policy of `n` statements: mixed services, lists, wildcards, conditions; `first` leads. */
export function largePolicy(n: number, first: Record<string, unknown>[] = []): PolicyDocument {
  const Statement: Record<string, unknown>[] = [...first];
  for (let i = 0; Statement.length < n; i++) {
    const service = services[i % services.length]!;
    const statement: Record<string, unknown> = {
      Sid: `S${i}`,
      Effect: i % 7 === 0 ? 'Deny' : 'Allow',
      Action:
        i % 5 === 0
          ? `${service}:${verbs[i % verbs.length]}*`
          : [
              `${service}:${verbs[i % verbs.length]}Object`,
              `${service}:${verbs[(i + 3) % verbs.length]}Item`,
            ],
      Resource: `arn:aws:${service}:us-east-1:111122223333:thing-${i}/*`,
    };
    if (i % 3 === 0)
      statement.Condition = { StringEquals: { 'aws:PrincipalTag/team': `team-${i % 11}` } };
    Statement.push(statement);
  }
  return { Version: '2012-10-17', Statement };
}
