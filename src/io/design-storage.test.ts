import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { emptyDesign, sampleDesign, type Design } from '../model';
import { DesignStorage, StaleDesignError } from './design-storage';
import { openDesignStore } from './open-store';

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
    expect(await storage.load('design-sample')).toEqual({
      ok: true,
      design: sampleDesign(),
      revision: 1,
    });
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
      revision: 0,
    });
  });

  it('refuses a save over a revision another tab saved since, and writes nothing', async () => {
    const storage = freshStorage();
    const first = await storage.save(sampleDesign());
    expect(first.revision).toBe(1);
    const other = await storage.save({ ...sampleDesign(), name: 'Other tab' }, first.revision);
    expect(other.revision).toBe(2);
    await expect(storage.save({ ...sampleDesign(), name: 'Stale tab' }, 1)).rejects.toEqual(
      new StaleDesignError('design-sample', 2),
    );
    const loaded = await storage.load('design-sample');
    expect(loaded?.ok && loaded.design.name).toBe('Other tab');
    expect(loaded?.revision).toBe(2);
    expect((await storage.list()).map((s) => s.name)).toEqual(['Other tab']);
  });

  it('rebuilds a broken summaries record from the design records, and saves again', async () => {
    const store = createStore(`rolecraft-test-${++databases}`, 'designs');
    const storage = new DesignStorage({ store, now: () => new Date(Date.UTC(2026, 0, 1)) });
    await storage.save(sampleDesign());
    await storage.save(design('d2', 'Second'));
    for (const broken of [{ not: 'a list' }, [{ id: 5 }], 'text', null]) {
      await set('summaries', broken, store);
      expect((await storage.list()).map((s) => s.id).sort()).toEqual(['d2', 'design-sample']);
      await storage.save(design('d3', 'Third'));
      expect((await storage.list()).map((s) => s.id).sort()).toEqual(['d2', 'd3', 'design-sample']);
      await storage.delete('d3');
    }
  });

  it('sets an unreadable record aside with its reason, raw, and never over it', async () => {
    const store = createStore(`rolecraft-test-${++databases}`, 'designs');
    const storage = new DesignStorage({ store, now: () => new Date(Date.UTC(2026, 0, 1)) });
    await storage.save(sampleDesign());
    const raw = {
      ...sampleDesign(),
      roles: [{ ...sampleDesign().roles[0], maxSessionDuration: 100 }],
    };
    await set('design:design-sample', raw, store);
    const loaded = await storage.load('design-sample');
    expect(loaded?.ok).toBe(false);
    const kept = await storage.setAside('design-sample', loaded!.ok ? '' : loaded!.reason);
    expect(kept).toEqual({
      key: 'unreadable:design-sample:2026-01-01T00:00:00.000Z',
      id: 'design-sample',
      reason:
        '`design.roles[0].maxSessionDuration` must be whole seconds from 3600 to 43200, got `100`',
      keptAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await storage.list()).toEqual([]);
    expect(await storage.load('design-sample')).toBeUndefined();
    // A fresh sample saved under the same id leaves the kept record as it was.
    await storage.save(sampleDesign());
    expect(await storage.unreadable()).toEqual([kept]);
    expect(await storage.unreadableRaw(kept.key)).toEqual(raw);
  });

  it('loads a record of a newer format version marked, to open read-only', async () => {
    const store = createStore(`rolecraft-test-${++databases}`, 'designs');
    const storage = new DesignStorage({ store });
    await set('design:design-sample', { ...sampleDesign(), formatVersion: 3 }, store);
    expect(await storage.load('design-sample')).toEqual({
      ok: true,
      design: sampleDesign(),
      newerVersion: 3,
      revision: 0,
    });
  });
});

describe('openDesignStore', () => {
  it('repairs a database that exists without its object store', async () => {
    const name = `rolecraft-bare-${++databases}`;
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(name, 3);
      request.onupgradeneeded = () => request.result.createObjectStore('other');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const storage = new DesignStorage({ store: openDesignStore(name, 'designs') });
    await storage.save(sampleDesign());
    expect((await storage.list()).map((s) => s.id)).toEqual(['design-sample']);
  });
});
