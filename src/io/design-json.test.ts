import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDesign, renameEntity, sampleDesign, setPositions, type Design } from '../model';
import { designJson, designParts, designPartsInSlices } from './design-json';

const asJson = (design: Design) => JSON.parse(JSON.stringify(design)) as unknown;

describe('designJson', () => {
  it('is the design as JSON, for the sample and generated designs', () => {
    for (const design of [sampleDesign(), generateDesign({ nodes: 400, seed: 3 })])
      expect(JSON.parse(designJson(design))).toEqual(asJson(design));
  });

  it('stays equal after changes that reuse the text of untouched entities', () => {
    let design = sampleDesign();
    designJson(design);
    design = setPositions(design, { positions: { 'user-alice': { x: 1, y: 2 } } });
    expect(JSON.parse(designJson(design))).toEqual(asJson(design));
    design = renameEntity(design, { id: 'role-deploy', name: 'Deployer' });
    expect(JSON.parse(designJson(design))).toEqual(asJson(design));
    expect(JSON.parse(designJson(design)).roles).toContainEqual(
      expect.objectContaining({ id: 'role-deploy', name: 'Deployer' }),
    );
  });

  it('leaves out what JSON leaves out and keeps odd text', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (name, note) => {
        const design = {
          ...sampleDesign(),
          name,
          drafts: { a: { text: name }, b: undefined },
          extra: note,
        } as unknown as Design;
        expect(JSON.parse(designJson(design))).toEqual(asJson(design));
      }),
      { numRuns: 50 },
    );
  });
});

describe('designPartsInSlices', () => {
  it('is designJson in parts, pausing between slices of new text', async () => {
    const design = generateDesign({ nodes: 1000, seed: 9 });
    let pauses = 0;
    const parts = await designPartsInSlices(design, async () => {
      pauses++;
    });
    expect(JSON.parse(`{${parts.map(([, text]) => text).join(',')}}`)).toEqual(asJson(design));
    expect(parts.map(([key]) => key)).toEqual(Object.keys(design));
    expect(pauses).toBeGreaterThan(5);
    pauses = 0;
    await designPartsInSlices(design, async () => {
      pauses++;
    });
    expect(pauses).toBe(0);
  });
});

describe('designParts', () => {
  it('after a drop, every part but the layout is the very same text', () => {
    const design = generateDesign({ nodes: 1000, seed: 9 });
    const before = new Map(designParts(design));
    const id = design.roles[3]!.id;
    const dropped = setPositions(design, { positions: { [id]: { x: 7, y: 9 } } });
    const after = designParts(dropped);
    for (const [key, text] of after)
      if (key === 'layout') expect(text).not.toBe(before.get(key));
      else expect(text, key).toBe(before.get(key));
    expect(JSON.parse(`{${after.map(([, text]) => text).join(',')}}`)).toEqual(asJson(dropped));
  });
});
