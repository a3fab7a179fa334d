import type { ResourceType } from './types';

/**
 * Actions checked for a permission edge, per resource type: the common data and management
 * actions of each service, plus any action of that service a policy in the request names.
 */
export const representativeActions: Record<ResourceType, readonly string[]> = {
  's3-bucket': [
    's3:GetObject',
    's3:PutObject',
    's3:DeleteObject',
    's3:ListBucket',
    's3:GetBucketPolicy',
    's3:PutBucketPolicy',
    's3:DeleteBucket',
  ],
  'kms-key': [
    'kms:Decrypt',
    'kms:Encrypt',
    'kms:GenerateDataKey',
    'kms:DescribeKey',
    'kms:ReEncryptFrom',
    'kms:CreateGrant',
    'kms:PutKeyPolicy',
    'kms:ScheduleKeyDeletion',
  ],
  'sqs-queue': [
    'sqs:SendMessage',
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
    'sqs:SetQueueAttributes',
    'sqs:PurgeQueue',
    'sqs:DeleteQueue',
  ],
  'sns-topic': [
    'sns:Publish',
    'sns:Subscribe',
    'sns:GetTopicAttributes',
    'sns:SetTopicAttributes',
    'sns:DeleteTopic',
  ],
  secret: [
    'secretsmanager:GetSecretValue',
    'secretsmanager:DescribeSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:UpdateSecret',
    'secretsmanager:DeleteSecret',
    'secretsmanager:PutResourcePolicy',
  ],
  'lambda-function': [
    'lambda:InvokeFunction',
    'lambda:GetFunction',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
    'lambda:DeleteFunction',
    'lambda:AddPermission',
  ],
};

export const servicePrefix: Record<ResourceType, string> = {
  's3-bucket': 's3',
  'kms-key': 'kms',
  'sqs-queue': 'sqs',
  'sns-topic': 'sns',
  secret: 'secretsmanager',
  'lambda-function': 'lambda',
};

/** S3 actions on objects act on `bucket/key` ARNs rather than on the bucket ARN. */
export function isS3ObjectAction(action: string): boolean {
  return (
    /^s3:[A-Za-z]*Object/i.test(action) ||
    /^s3:(AbortMultipartUpload|ListMultipartUploadParts|RestoreObject)$/i.test(action)
  );
}
