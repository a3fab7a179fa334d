import { describe, expect, it } from 'vitest';
import { sampleDesign, type Design } from '../../model';
import { grantTargets } from './grant-targets';

describe('grant targets', () => {
  const design = sampleDesign();

  it('lists each resource, every object of a bucket, then `*`', () => {
    const targets = grantTargets(design);
    const bucket = design.resources.find((r) => r.resourceType === 's3-bucket');
    expect(bucket).toBeDefined();
    const values = targets.map((t) => t.value);
    const own = values.find((v) => v.endsWith(`:::${bucket!.name}`));
    expect(own).toBeDefined();
    expect(values).toContain(`${own}/*`);
    expect(values.at(-1)).toBe('*');
  });

  it('is the same list after an edit that leaves resources and accounts alone (a drop)', () => {
    const moved: Design = { ...design, layout: { ...design.layout } };
    expect(grantTargets(moved)).toBe(grantTargets(design));
  });

  it('is made again when a resource or an account changes', () => {
    const before = grantTargets(design);
    const renamed: Design = {
      ...design,
      resources: design.resources.map((r, i) => (i === 0 ? { ...r, name: 'renamed-target' } : r)),
    };
    expect(grantTargets(renamed)).not.toBe(before);
    expect(
      grantTargets(renamed)
        .map((t) => t.label)
        .join(),
    ).toContain('renamed-target');
    // An ARN reads its account: without the accounts no resource has one, so only `*` is left.
    const noAccounts: Design = { ...design, accounts: [] };
    expect(grantTargets(noAccounts).map((t) => t.value)).toEqual(['*']);
  });
});
