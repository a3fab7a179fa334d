import { describe, expect, it } from 'vitest';
import { renameEntity, sampleDesign, setPositions } from '../model';
import { createRolecraftStore } from './store';
import { selectDesignContent } from './selectors';

describe('the design for views that do not draw it', () => {
  it('stays the same object over a drop, and follows any other change', () => {
    const store = createRolecraftStore(sampleDesign());
    const first = selectDesignContent(store.getState());
    expect(first).toBe(store.getState().design);

    store.getState().apply(setPositions, { positions: { 'role-deploy': { x: 999, y: 999 } } });
    expect(store.getState().design).not.toBe(first);
    expect(selectDesignContent(store.getState())).toBe(first);

    store.getState().apply(renameEntity, { id: 'role-deploy', name: 'Shipper' });
    const renamed = selectDesignContent(store.getState());
    expect(renamed).toBe(store.getState().design);
    expect(renamed.layout['role-deploy']).toMatchObject({ x: 999, y: 999 });
  });

  it('follows a design with other fields, even when its layout is the same', () => {
    const store = createRolecraftStore(sampleDesign());
    const first = selectDesignContent(store.getState());
    store.setState({ design: { ...first, name: 'Another' } });
    expect(selectDesignContent(store.getState()).name).toBe('Another');
  });
});
