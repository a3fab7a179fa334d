/**
 * The resource types a design can hold, each described once: adding a type means adding an
 * entry here (and, for a new icon, its glyph in the canvas). Labels, ARNs, the service of its
 * actions, the actions edges and the simulator look at, and its icon all read this table.
 */

/** Icons the canvas draws for resources (`resource` is the generic one). */
export type ResourceIcon =
  's3-bucket' | 'kms-key' | 'sqs-queue' | 'sns-topic' | 'secret' | 'lambda-function' | 'resource';

export interface ResourceTypeInfo {
  /** What the type is called on its node and in menus (`S3 bucket`). */
  label: string;
  /** What its resource-based policy is called (`Bucket policy`). */
  policyLabel: string;
  /** The IAM service prefix of its actions (`s3`). */
  service: string;
  /** Its ARN, with `${Partition}`, `${Region}`, `${Account}` and `${Name}` to fill in. */
  arnTemplate: string;
  /** Actions a permission edge checks: the common data and management actions. */
  typicalActions: readonly string[];
  /** Actions the simulator's "Make a call" form offers for it first. */
  callActions: readonly string[];
  icon: ResourceIcon;
  /** The name a new resource of this type starts with. */
  newName: string;
  /** Its resource policy must allow even callers in its own account (KMS key policies). */
  policyMustAllow?: boolean;
  /** It holds objects with ARNs `ARN/KEY` that object actions act on (S3). */
  hasObjects?: boolean;
  /** With `hasObjects`: the actions that act on an object (`ARN/KEY`) rather than on the resource. */
  objectActions?: RegExp;
}

const table = {
  's3-bucket': {
    label: 'S3 bucket',
    policyLabel: 'Bucket policy',
    service: 's3',
    arnTemplate: 'arn:${Partition}:s3:::${Name}',
    typicalActions: [
      's3:GetObject',
      's3:PutObject',
      's3:DeleteObject',
      's3:ListBucket',
      's3:GetBucketPolicy',
      's3:PutBucketPolicy',
      's3:DeleteBucket',
    ],
    callActions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'],
    icon: 's3-bucket',
    newName: 'new-bucket',
    hasObjects: true,
    // Checked against the IAM catalogue's `object` resource type (resource-types.test.ts).
    objectActions:
      /^s3:(?:(?![a-z]*ObjectLambda$|(?:Get|Put)BucketObjectLock)[a-z]*Object[a-z]*|AbortMultipartUpload|ListMultipartUploadParts|InitiateReplication|BypassGovernanceRetention|Replicate(?:Delete|Tags))$/i,
  },
  'kms-key': {
    label: 'KMS key',
    policyLabel: 'Key policy',
    service: 'kms',
    arnTemplate: 'arn:${Partition}:kms:${Region}:${Account}:key/${Name}',
    typicalActions: [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:DescribeKey',
      'kms:ReEncryptFrom',
      'kms:CreateGrant',
      'kms:PutKeyPolicy',
      'kms:ScheduleKeyDeletion',
    ],
    callActions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
    icon: 'kms-key',
    newName: 'new-key',
    policyMustAllow: true,
  },
  'sqs-queue': {
    label: 'SQS queue',
    policyLabel: 'Queue policy',
    service: 'sqs',
    arnTemplate: 'arn:${Partition}:sqs:${Region}:${Account}:${Name}',
    typicalActions: [
      'sqs:SendMessage',
      'sqs:ReceiveMessage',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:SetQueueAttributes',
      'sqs:PurgeQueue',
      'sqs:DeleteQueue',
    ],
    callActions: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
    icon: 'sqs-queue',
    newName: 'new-queue',
  },
  'sns-topic': {
    label: 'SNS topic',
    policyLabel: 'Topic policy',
    service: 'sns',
    arnTemplate: 'arn:${Partition}:sns:${Region}:${Account}:${Name}',
    typicalActions: [
      'sns:Publish',
      'sns:Subscribe',
      'sns:GetTopicAttributes',
      'sns:SetTopicAttributes',
      'sns:DeleteTopic',
    ],
    callActions: ['sns:Publish', 'sns:Subscribe'],
    icon: 'sns-topic',
    newName: 'new-topic',
  },
  secret: {
    label: 'Secrets Manager secret',
    policyLabel: 'Secret policy',
    service: 'secretsmanager',
    arnTemplate: 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${Name}',
    typicalActions: [
      'secretsmanager:GetSecretValue',
      'secretsmanager:DescribeSecret',
      'secretsmanager:PutSecretValue',
      'secretsmanager:UpdateSecret',
      'secretsmanager:DeleteSecret',
      'secretsmanager:PutResourcePolicy',
    ],
    callActions: ['secretsmanager:GetSecretValue'],
    icon: 'secret',
    newName: 'new-secret',
  },
  'lambda-function': {
    label: 'Lambda function',
    policyLabel: 'Function policy',
    service: 'lambda',
    arnTemplate: 'arn:${Partition}:lambda:${Region}:${Account}:function:${Name}',
    typicalActions: [
      'lambda:InvokeFunction',
      'lambda:GetFunction',
      'lambda:UpdateFunctionCode',
      'lambda:UpdateFunctionConfiguration',
      'lambda:DeleteFunction',
      'lambda:AddPermission',
    ],
    callActions: ['lambda:InvokeFunction'],
    icon: 'lambda-function',
    newName: 'new-function',
  },
} satisfies Record<string, ResourceTypeInfo>;

export type ResourceType = keyof typeof table;

export const resourceTypes: Readonly<Record<ResourceType, ResourceTypeInfo>> = table;

/** Every resource type, in menu order. */
export const resourceTypeIds = Object.keys(table) as ResourceType[];

export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === 'string' && Object.hasOwn(resourceTypes, value);
}

/** Whether the action acts on an object inside a resource of this type (`s3:GetObject` on a bucket). */
export function actsOnObject(type: ResourceType, action: string): boolean {
  return resourceTypes[type].objectActions?.test(action) ?? false;
}

/** Whether the type's ARN holds a region (S3 bucket ARNs do not). */
export function isRegional(type: ResourceType): boolean {
  return resourceTypes[type].arnTemplate.includes('${Region}');
}

/** The ARN of a resource of this type. */
export function fillArnTemplate(
  type: ResourceType,
  fields: { partition: string; region: string; account: string; name: string },
): string {
  const values: Record<string, string> = {
    Partition: fields.partition,
    Region: fields.region,
    Account: fields.account,
    Name: fields.name,
  };
  return resourceTypes[type].arnTemplate.replace(/\$\{(\w+)\}/g, (_, key: string) => values[key]!);
}
