import type { UseStore } from 'idb-keyval';

/**
 * Like idb-keyval's `createStore`, but repairs a database that exists without its object store
 * (left by an older build or a cleared store): it reopens the database one version up and
 * creates the store, instead of failing every transaction with `NotFoundError`.
 */
export function openDesignStore(dbName: string, storeName: string): UseStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = (version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, version);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(storeName))
          request.result.createObjectStore(storeName);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('could not open browser storage'));
      request.onblocked = () =>
        reject(new Error('browser storage is held by another tab of an older Rolecraft'));
    });
  const ready = async () => {
    const first = await open();
    if (first.objectStoreNames.contains(storeName)) return first;
    const version = first.version + 1;
    first.close();
    return open(version);
  };
  return (txMode, callback) => {
    db ??= ready().then((opened) => {
      // Another tab upgrading the database: let it, and open again on next use.
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      return opened;
    });
    const current = db;
    current.catch(() => {
      if (db === current) db = undefined; // try again on the next call
    });
    return current.then((opened) =>
      callback(opened.transaction(storeName, txMode).objectStore(storeName)),
    );
  };
}
