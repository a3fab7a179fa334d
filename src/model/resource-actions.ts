import { resourceTypeIds, resourceTypes, type ResourceType } from './resource-types';

/** Actions checked for a permission edge, per resource type (see `resource-types.ts`). */
export const representativeActions = Object.fromEntries(
  resourceTypeIds.map((t) => [t, resourceTypes[t].typicalActions]),
) as Record<ResourceType, readonly string[]>;

export const servicePrefix = Object.fromEntries(
  resourceTypeIds.map((t) => [t, resourceTypes[t].service]),
) as Record<ResourceType, string>;

/** S3 actions on objects act on `bucket/key` ARNs rather than on the bucket ARN. */
export function isS3ObjectAction(action: string): boolean {
  return (
    /^s3:[A-Za-z]*Object/i.test(action) ||
    /^s3:(AbortMultipartUpload|ListMultipartUploadParts|RestoreObject)$/i.test(action)
  );
}
