import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { restoreDesign, type Design, type Restored } from '../model';

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

const SUMMARIES = 'summaries';
const LAST_OPENED = 'last-opened';
const designKey = (id: string) => `design:${id}`;

/**
 * Several designs in IndexedDB. Each design is kept under its own key, with a list of summaries
 * beside it, updated in the same transaction so the list never disagrees with the designs.
 */
export class DesignStorage {
  private readonly store: UseStore;
  private readonly now: () => Date;

  constructor(options: DesignStorageOptions = {}) {
    this.store = options.store ?? createStore('rolecraft', 'designs');
    this.now = options.now ?? (() => new Date());
  }

  /** Every saved design, the most recently saved first. */
  async list(): Promise<DesignSummary[]> {
    const summaries = await this.read<DesignSummary[]>(SUMMARIES);
    return [...(summaries ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Saves (creates or replaces) a design. */
  async save(design: Design): Promise<DesignSummary> {
    const summary: DesignSummary = {
      id: design.id,
      name: design.name,
      updatedAt: this.now().toISOString(),
    };
    await this.store('readwrite', (store) => {
      store.put(design, designKey(design.id));
      const request = store.get(SUMMARIES);
      request.onsuccess = () => {
        const others = ((request.result as DesignSummary[] | undefined) ?? []).filter(
          (s) => s.id !== design.id,
        );
        store.put([...others, summary], SUMMARIES);
      };
      return promisifyRequest(store.transaction);
    });
    return summary;
  }

  /** Loads a design through `restore`, so a stored design of an older version is migrated; undefined when absent. */
  async load(id: string): Promise<Restored | undefined> {
    const stored = await this.read<unknown>(designKey(id));
    return stored === undefined ? undefined : restoreDesign(stored);
  }

  async rename(id: string, name: string): Promise<boolean> {
    const result = await this.load(id);
    if (!result?.ok) return false;
    await this.save({ ...result.design, name });
    return true;
  }

  /** Copies a design under a new id (and `name`, default "<name> copy"); the copy's summary, or undefined when absent. */
  async duplicate(id: string, newId: string, name?: string): Promise<DesignSummary | undefined> {
    const result = await this.load(id);
    if (!result?.ok) return undefined;
    return this.save({
      ...structuredClone(result.design),
      id: newId,
      name: name ?? `${result.design.name} copy`,
    });
  }

  async delete(id: string): Promise<void> {
    await this.store('readwrite', (store) => {
      store.delete(designKey(id));
      const request = store.get(SUMMARIES);
      request.onsuccess = () => {
        const summaries = (request.result as DesignSummary[] | undefined) ?? [];
        store.put(
          summaries.filter((s) => s.id !== id),
          SUMMARIES,
        );
      };
      const last = store.get(LAST_OPENED);
      last.onsuccess = () => {
        if (last.result === id) store.delete(LAST_OPENED);
      };
      return promisifyRequest(store.transaction);
    });
  }

  /** The design to reopen on reload. */
  async lastOpened(): Promise<string | undefined> {
    return this.read<string>(LAST_OPENED);
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
