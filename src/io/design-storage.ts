import { promisifyRequest, type UseStore } from 'idb-keyval';
import { restoreDesign, type Design, type Restored } from '../model';
import { openDesignStore } from './open-store';

/** What the design list shows, without loading each design. */
export interface DesignSummary {
  id: string;
  name: string;
  /** ISO time of the last save. */
  updatedAt: string;
}

export interface DesignStorageOptions {
  /** idb-keyval store; default database `rolecraft`, store `designs`. */
  store?: UseStore;
  /** Clock for `updatedAt`. */
  now?: () => Date;
}

/** A stored design as loaded: the restore result, and the revision to save over. */
export type LoadedDesign = Restored & { revision: number };

/** A record that could not be read, kept aside under its own key (never overwritten). */
export interface UnreadableRecord {
  key: string;
  id: string;
  reason: string;
  /** ISO time it was set aside. */
  keptAt: string;
}

/** The save was refused: another tab saved the design since this one loaded it. */
export class StaleDesignError extends Error {
  constructor(
    readonly id: string,
    readonly storedRevision: number,
  ) {
    super('this design was changed in another tab');
  }
}

const SUMMARIES = 'summaries';
const LAST_OPENED = 'last-opened';
const designKey = (id: string) => `design:${id}`;
const revisionKey = (id: string) => `revision:${id}`;
const UNREADABLE = 'unreadable:';

function isSummary(value: unknown): value is DesignSummary {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.id === 'string' && typeof s.name === 'string' && typeof s.updatedAt === 'string';
}

/** The summaries record when it is a list of summaries; undefined when it is absent or broken. */
function validSummaries(value: unknown): DesignSummary[] | undefined {
  return Array.isArray(value) && value.every(isSummary) ? value : undefined;
}

function summaryOf(key: IDBValidKey, value: unknown): DesignSummary | undefined {
  if (typeof key !== 'string' || !key.startsWith('design:')) return undefined;
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  return {
    id: key.slice('design:'.length),
    name: typeof record.name === 'string' ? record.name : 'Untitled design',
    updatedAt: typeof record.savedAt === 'string' ? record.savedAt : new Date(0).toISOString(),
  };
}

/** Rebuilds the summaries from the design records, in the transaction of `store`. */
function rebuildSummaries(store: IDBObjectStore, done: (summaries: DesignSummary[]) => void) {
  const found: DesignSummary[] = [];
  const cursor = store.openCursor(IDBKeyRange.bound('design:', 'design:\uffff'));
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return done(found);
    const summary = summaryOf(at.key, at.value);
    if (summary) found.push(summary);
    at.continue();
  };
}

/** Reads the summaries in the transaction of `store`, rebuilding them when broken. */
function withSummaries(store: IDBObjectStore, then: (summaries: DesignSummary[]) => void) {
  const request = store.get(SUMMARIES);
  request.onsuccess = () => {
    const valid = request.result === undefined ? [] : validSummaries(request.result);
    if (valid) then(valid);
    else rebuildSummaries(store, then);
  };
}

/**
 * Several designs in IndexedDB. Each design is kept under its own key with a revision beside
 * it, and a list of summaries; a save writes all three in one transaction (whole or absent),
 * and is refused when the stored revision is not the one the caller loaded (another tab).
 * A record that cannot be read is never overwritten: `setAside` moves it to its own key.
 */
export class DesignStorage {
  private readonly store: UseStore;
  private readonly now: () => Date;

  constructor(options: DesignStorageOptions = {}) {
    this.store = options.store ?? openDesignStore('rolecraft', 'designs');
    this.now = options.now ?? (() => new Date());
  }

  /** Every saved design, the most recently saved first; a broken summaries record is rebuilt. */
  async list(): Promise<DesignSummary[]> {
    const summaries = await this.store('readonly', (store) => {
      return new Promise<DesignSummary[]>((resolve, reject) => {
        withSummaries(store, resolve);
        store.transaction.onerror = () => reject(store.transaction.error);
      });
    });
    return [...summaries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /**
   * Saves (creates or replaces) a design. With `expectedRevision`, the save happens only when the
   * stored revision is still that one (`StaleDesignError` otherwise); returns the new revision.
   */
  async save(
    design: Design,
    expectedRevision?: number,
  ): Promise<DesignSummary & { revision: number }> {
    const summary: DesignSummary = {
      id: design.id,
      name: design.name,
      updatedAt: this.now().toISOString(),
    };
    let revision = 0;
    let stale: number | undefined;
    await this.store('readwrite', (store) => {
      const current = store.get(revisionKey(design.id));
      current.onsuccess = () => {
        const stored = typeof current.result === 'number' ? current.result : 0;
        if (expectedRevision !== undefined && stored !== expectedRevision) {
          stale = stored;
          store.transaction.abort();
          return;
        }
        revision = stored + 1;
        store.put({ ...design, savedAt: summary.updatedAt }, designKey(design.id));
        store.put(revision, revisionKey(design.id));
        withSummaries(store, (summaries) => {
          const others = summaries.filter((s) => s.id !== design.id);
          store.put([...others, summary], SUMMARIES);
        });
      };
      return promisifyRequest(store.transaction).catch((error: unknown) => {
        if (stale === undefined) throw error;
      });
    });
    if (stale !== undefined) throw new StaleDesignError(design.id, stale);
    return { ...summary, revision };
  }

  /**
   * Loads a design through `restore` (older versions are migrated, a newer one is read as far as
   * possible and marked `newerVersion`); undefined when absent.
   */
  async load(id: string): Promise<LoadedDesign | undefined> {
    const [stored, revision] = await this.store('readonly', (store) =>
      Promise.all([
        promisifyRequest(store.get(designKey(id)) as IDBRequest<unknown>),
        promisifyRequest(store.get(revisionKey(id)) as IDBRequest<unknown>),
      ]),
    );
    if (stored === undefined) return undefined;
    const restored = restoreDesign(stored, { readNewer: true });
    return { ...restored, revision: typeof revision === 'number' ? revision : 0 };
  }

  /** The stored revision of a design (0 when never saved). */
  async revision(id: string): Promise<number> {
    const value = await this.read<unknown>(revisionKey(id));
    return typeof value === 'number' ? value : 0;
  }

  async rename(id: string, name: string): Promise<boolean> {
    const result = await this.load(id);
    if (!result?.ok || result.newerVersion) return false;
    await this.save({ ...result.design, name });
    return true;
  }

  /** Copies a design under a new id (and `name`, default "<name> copy"); the copy's summary, or undefined when absent. */
  async duplicate(id: string, newId: string, name?: string): Promise<DesignSummary | undefined> {
    const result = await this.load(id);
    if (!result?.ok) return undefined;
    const { revision: _revision, ...summary } = await this.save({
      ...structuredClone(result.design),
      id: newId,
      name: name ?? `${result.design.name} copy`,
    });
    return summary;
  }

  async delete(id: string): Promise<void> {
    await this.store('readwrite', (store) => {
      store.delete(designKey(id));
      store.delete(revisionKey(id));
      withSummaries(store, (summaries) =>
        store.put(
          summaries.filter((s) => s.id !== id),
          SUMMARIES,
        ),
      );
      const last = store.get(LAST_OPENED);
      last.onsuccess = () => {
        if (last.result === id) store.delete(LAST_OPENED);
      };
      return promisifyRequest(store.transaction);
    });
  }

  /**
   * Moves an unreadable design record aside, in one transaction: the raw record goes under its
   * own `unreadable:` key with the reason, and leaves the design list. Nothing is deleted.
   */
  async setAside(id: string, reason: string): Promise<UnreadableRecord> {
    const keptAt = this.now().toISOString();
    const key = `${UNREADABLE}${id}:${keptAt}`;
    await this.store('readwrite', (store) => {
      const raw = store.get(designKey(id));
      raw.onsuccess = () => {
        if (raw.result === undefined) return;
        store.put({ id, reason, keptAt, raw: raw.result }, key);
        store.delete(designKey(id));
        store.delete(revisionKey(id));
        withSummaries(store, (summaries) =>
          store.put(
            summaries.filter((s) => s.id !== id),
            SUMMARIES,
          ),
        );
        const last = store.get(LAST_OPENED);
        last.onsuccess = () => {
          if (last.result === id) store.delete(LAST_OPENED);
        };
      };
      return promisifyRequest(store.transaction);
    });
    return { key, id, reason, keptAt };
  }

  /** Records set aside, oldest first. */
  async unreadable(): Promise<UnreadableRecord[]> {
    return this.store('readonly', (store) => {
      return new Promise<UnreadableRecord[]>((resolve, reject) => {
        const found: UnreadableRecord[] = [];
        const cursor = store.openCursor(IDBKeyRange.bound(UNREADABLE, `${UNREADABLE}\uffff`));
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return resolve(found);
          const v = at.value as Partial<UnreadableRecord>;
          found.push({
            key: String(at.key),
            id: String(v.id),
            reason: String(v.reason),
            keptAt: String(v.keptAt),
          });
          at.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      });
    });
  }

  /** The raw stored value of a record set aside (to download as it is). */
  async unreadableRaw(key: string): Promise<unknown> {
    const kept = await this.read<{ raw?: unknown }>(key);
    return kept?.raw;
  }

  async deleteUnreadable(key: string): Promise<void> {
    if (!key.startsWith(UNREADABLE)) return;
    await this.store('readwrite', (store) => promisifyRequest(store.delete(key)));
  }

  /** The design to reopen on reload. */
  async lastOpened(): Promise<string | undefined> {
    const value = await this.read<unknown>(LAST_OPENED);
    return typeof value === 'string' ? value : undefined;
  }

  async setLastOpened(id: string): Promise<void> {
    await this.store('readwrite', (store) => promisifyRequest(store.put(id, LAST_OPENED)));
  }

  private read<T>(key: string): Promise<T | undefined> {
    return this.store('readonly', (store) =>
      promisifyRequest(store.get(key) as IDBRequest<T | undefined>),
    );
  }
}
