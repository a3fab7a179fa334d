import { describe, expect, it } from 'vitest';
import { iamDataGroups } from '../../../scripts/iam-data-chunks.ts';
import { loadServiceFiles, loadServiceNames } from './iam-data-files';

describe('iam-data chunks', () => {
  const { keys, json } = iamDataGroups();

  it('put every service in exactly one group, no group empty, far fewer groups than services', () => {
    const all = keys.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(json.size);
    expect(keys.every((group) => group.length > 0)).toBe(true);
    expect(keys.length).toBeLessThan(json.size / 2);
    expect(keys.length).toBeLessThan(300);
  });

  it('merge the three files of a service', () => {
    const iam = JSON.parse(json.get('iam') ?? 'null');
    expect(Object.keys(iam)).toEqual(['actions', 'conditionKeys', 'resourceTypes']);
    expect(iam.actions.passrole.name).toBe('PassRole');
    expect(iam.resourceTypes.role.arn).toContain(':role/');
  });

  it('serve a service through the virtual module, and nothing for an unknown key', async () => {
    const s3 = await loadServiceFiles('S3');
    expect(s3?.actions.getobject?.name).toBe('GetObject');
    expect(await loadServiceFiles('no-such-service')).toBeUndefined();
    expect(await loadServiceFiles('constructor')).toBeUndefined();
    expect((await loadServiceNames()).s3).toBe('Amazon S3');
  });
});
