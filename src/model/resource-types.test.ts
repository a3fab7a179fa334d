import { describe, expect, it } from 'vitest';
import { parseArn } from '../engine';
import { loadCatalogForPolicy } from '../engine/catalog/index.ts';
import {
  actsOnObject,
  fillArnTemplate,
  isRegional,
  isResourceType,
  resourceTypeIds,
  resourceTypes,
} from './resource-types';

const fields = { partition: 'aws', region: 'eu-west-1', account: '123456789012', name: 'thing' };

/** An ARN format (`arn:${Partition}:s3:::${BucketName}`) as a regular expression. */
const formatPattern = (format: string) =>
  new RegExp(
    `^${format
      .split(/\$\{[^}]*\}/)
      .map((s) => s.replace(/[.*+?^()|[\]\\/]/g, '\\$&'))
      .join('[^:/]+')}$`,
  );

describe('resource-type registry', () => {
  it.each(resourceTypeIds)(
    '%s: its ARN, service and actions agree with the IAM catalogue',
    async (type) => {
      const info = resourceTypes[type];
      const arn = fillArnTemplate(type, fields);
      const parsed = parseArn(arn);
      expect(parsed?.service).toBe(info.service);
      expect(parsed?.region).toBe(isRegional(type) ? 'eu-west-1' : '');
      expect(arn.endsWith('thing')).toBe(true);

      const catalog = await loadCatalogForPolicy({ Statement: [{ Action: `${info.service}:*` }] });
      const service = catalog.service(info.service)!;
      expect(service).toBeDefined();
      const formats = [...service.resourceTypes.values()].map((r) => r.arn);
      expect(formats.some((f) => formatPattern(f).test(arn))).toBe(true);
      for (const action of info.typicalActions) {
        expect(action.startsWith(`${info.service}:`)).toBe(true);
        expect(service.actions.has(action.slice(info.service.length + 1).toLowerCase())).toBe(true);
      }
      for (const action of info.callActions) expect(info.typicalActions).toContain(action);
    },
  );

  it('recognises its own ids only', () => {
    expect(resourceTypeIds.every(isResourceType)).toBe(true);
    expect(isResourceType('toString')).toBe(false);
    expect(isResourceType('ec2-instance')).toBe(false);
  });

  it('an S3 action acts on an object exactly when the catalogue says its resource is an object', async () => {
    const catalog = await loadCatalogForPolicy({ Statement: [{ Action: 's3:*' }] });
    const s3 = catalog.service('s3')!;
    const wrong = [...s3.actions.values()].filter((action) => {
      const onObject = action.resourceTypes.some((r) => r.name === 'object');
      return actsOnObject('s3-bucket', `s3:${action.name}`) !== onObject;
    });
    expect(wrong.map((a) => a.name)).toEqual([]);
    expect(actsOnObject('kms-key', 'kms:Decrypt')).toBe(false);
  });
});
