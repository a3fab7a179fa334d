import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { emptyDesign, sampleDesign, type Design } from '../model';
import { DesignStorage } from './design-storage';

let databases = 0;

/** A storage on a fresh database, with a clock that ticks one minute per save. */
function freshStorage(): DesignStorage {
  let minute = 0;
  return new DesignStorage({
    store: createStore(`rolecraft-test-${++databases}`, 'designs'),
    now: () => new Date(Date.UTC(2026, 0, 1, 0, minute++)),
  });
}

const design = (id: string, name: string): Design => ({ ...emptyDesign(name, () => id) });

describe('DesignStorage', () => {
  it('saves, lists (newest first) and loads designs', async () => {
    const storage = freshStorage();
    await storage.save(sampleDesign());
    await storage.save(design('d2', 'Second'));
    expect(await storage.list()).toEqual([
      { id: 'd2', name: 'Second', updatedAt: '2026-01-01T00:01:00.000Z' },
      { id: 'design-sample', name: 'Cross-account example', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(await storage.load('design-sample')).toEqual({ ok: true, design: sampleDesign() });
    expect(await storage.load('missing')).toBeUndefined();
  });

  it('replaces a design saved again, keeping one summary', async () => {
    const storage = freshStorage();
    await storage.save(sampleDesign());
    await storage.save({ ...sampleDesign(), users: [] });
    expect((await storage.list()).map((s) => s.updatedAt)).toEqual(['2026-01-01T00:01:00.000Z']);
    const loaded = await storage.load('design-sample');
    expect(loaded?.ok && loaded.design.users).toEqual([]);
  });

  it('renames, duplicates and deletes', async () => {
    const storage = freshStorage();
    await storage.save(sampleDesign());
    expect(await storage.rename('design-sample', 'Renamed')).toBe(true);
    expect(await storage.rename('missing', 'x')).toBe(false);
    const copy = await storage.duplicate('design-sample', 'design-copy');
    expect(copy?.name).toBe('Renamed copy');
    const loaded = await storage.load('design-copy');
    expect(loaded?.ok && loaded.design.roles).toEqual(sampleDesign().roles);
    await storage.delete('design-sample');
    expect((await storage.list()).map((s) => s.id)).toEqual(['design-copy']);
    expect(await storage.load('design-sample')).toBeUndefined();
  });

  it('remembers the last opened design and forgets it on delete', async () => {
    const storage = freshStorage();
    expect(await storage.lastOpened()).toBeUndefined();
    await storage.save(sampleDesign());
    await storage.setLastOpened('design-sample');
    expect(await storage.lastOpened()).toBe('design-sample');
    await storage.delete('design-sample');
    expect(await storage.lastOpened()).toBeUndefined();
  });

  it('refuses a stored design that no longer restores, with the reason', async () => {
    const store = createStore(`rolecraft-test-${++databases}`, 'designs');
    const storage = new DesignStorage({ store });
    await set('design:bad', { formatVersion: 1, id: 'bad', roles: 'nope' }, store);
    expect(await storage.load('bad')).toEqual({
      ok: false,
      reason: '`design.roles` must be a list, got `"nope"`',
    });
  });
});
