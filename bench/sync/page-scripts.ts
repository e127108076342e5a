// Functions the sync bench runs inside the page (page.evaluate): each is self-contained (no
// imports, no closures), reads and writes IndexedDB directly, and returns plain data.

export interface FillArgs {
  dbName: string;
  count: number;
  /** Spreads the entries' days over the last year. */
  dayOffset: number;
}

/**
 * Writes `count` outreach entries of the signed-in member into the app's database as the app's
 * save does (the record, and an outbox entry carrying it), in transactions of 1,000.
 */
export async function fillOutbox({ dbName, count, dayOffset }: FillArgs): Promise<number> {
  const openDb = (name: string) => new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const read = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const uuidv7 = () => {
    const time = Date.now().toString(16).padStart(12, '0');
    const random = hex(crypto.getRandomValues(new Uint8Array(10)));
    return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${'89ab'[parseInt(random[3]!, 16) % 4]}${random.slice(4, 7)}-${random.slice(8, 20)}`;
  };
  const db = await openDb(dbName);
  const meta = db.transaction(['session', 'household']);
  const session = await read(meta.objectStore('session').get('current')) as { profile: { user: { id: string }; team: { id: string } } };
  const households = (await read(meta.objectStore('household').getAllKeys())) as string[];
  const memberId = session.profile.user.id;
  const teamId = session.profile.team.id;
  const topics = ['Phòng chống lừa đảo qua mạng', 'Phòng cháy, chữa cháy', 'An toàn giao thông', 'Phòng chống ma túy'];
  for (let start = 0; start < count; start += 1000) {
    const tx = db.transaction(['fieldLog', 'outbox'], 'readwrite');
    for (let index = start; index < Math.min(count, start + 1000); index += 1) {
      const at = new Date().toISOString();
      const date = new Date(Date.now() - ((index + dayOffset) % 360 + 1) * 86_400_000).toISOString().slice(0, 10);
      const record = {
        id: uuidv7(), teamId, memberId, kind: 'outreach', date, note: '', reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null,
        photoIds: [], location: null, createdAt: at, updatedAt: at,
        householdIds: [households[index % households.length]!], agencyId: null, topic: topics[index % topics.length]!, form: 'home-visit', peopleReached: 3,
      };
      tx.objectStore('fieldLog').put(record);
      tx.objectStore('outbox').add({ collection: 'fieldLog', recordId: record.id, op: 'put', data: record, base: 0, createdAt: at });
    }
    await done(tx);
  }
  db.close();
  return count;
}

/** Counts DOM updates (MutationObserver batches ≈ React commits that changed the page) and long tasks. */
export function startRenderCounter(): void {
  const counter = { batches: 0, records: 0, longTaskMs: 0, longTasks: 0 };
  (window as unknown as { benchCounter: typeof counter }).benchCounter = counter;
  new MutationObserver((records) => {
    counter.batches += 1;
    counter.records += records.length;
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      counter.longTasks += 1;
      counter.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask' });
}

export interface RenderCount {
  batches: number;
  records: number;
  longTasks: number;
  longTaskMs: number;
}

export function readRenderCounter(): RenderCount {
  return (window as unknown as { benchCounter: RenderCount }).benchCounter;
}

/**
 * Waits until `store` of `dbName` is empty, or holds the row `key`; resolves to Date.now(). Each
 * look reads one key: a count walks every row (50,000 of them at the end of a fresh pull, 40
 * times a second), and the benchmark would measure its own reads and hold the app's writes back
 * behind them.
 */
export async function waitForStore({ dbName, store, until, key, timeoutMs }: { dbName: string; store: string; until: 'empty' | 'holds'; key?: string; timeoutMs: number }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const done = await new Promise<boolean>((resolve, reject) => {
        const objectStore = db.transaction(store).objectStore(store);
        const request: IDBRequest = until === 'empty' ? objectStore.openKeyCursor() : objectStore.getKey(key!);
        request.onsuccess = () => resolve(until === 'empty' ? request.result === null : request.result !== undefined);
        request.onerror = () => reject(request.error);
      });
      if (done) return Date.now();
      if (Date.now() > deadline) throw new Error(until === 'empty' ? `${store} is still not empty` : `${store} still lacks ${key}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    db.close();
  }
}

/** Rows of `store` in `dbName` right now. */
export async function countRows({ dbName, store }: { dbName: string; store: string }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<number>((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return rows;
}

/**
 * The references: the rows the app stored (fieldLog and household), put again into a fresh
 * database in transactions of `pageSize` rows, as fast as IndexedDB takes them: once into bare
 * stores (no index), once into stores with the app's own indexes (what IndexedDB itself must do
 * to keep the logbook's queries).
 */
export async function rawBulkPut({ dbName, pageSize }: { dbName: string; pageSize: number }): Promise<{ bare: { rows: number; ms: number }; indexed: { rows: number; ms: number } }> {
  const stores = ['fieldLog', 'household'];
  const openDb = (name: string, upgrade?: (db: IDBDatabase) => void) => new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const source = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows: Record<string, unknown[]> = {};
  const indexes: Record<string, Array<{ name: string; keyPath: string | string[]; multiEntry: boolean; unique: boolean }>> = {};
  for (const store of stores) {
    const objects = source.transaction(store).objectStore(store);
    indexes[store] = [...objects.indexNames].map((name) => {
      const index = objects.index(name);
      return { name, keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique };
    });
    rows[store] = await new Promise<unknown[]>((resolve, reject) => {
      const request = objects.getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  source.close();
  const putAll = async (withIndexes: boolean) => {
    const bareName = `bench-raw-${withIndexes ? 'indexed' : 'bare'}-${Date.now()}`;
    const bare = await openDb(bareName, (db) => {
      for (const store of stores) {
        const objects = db.createObjectStore(store, { keyPath: 'id' });
        if (withIndexes) for (const index of indexes[store]!) objects.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
      }
    });
    const start = performance.now();
    let total = 0;
    for (const store of stores) {
      const all = rows[store]!;
      for (let from = 0; from < all.length; from += pageSize) {
        const tx = bare.transaction(store, 'readwrite');
        const objects = tx.objectStore(store);
        for (const row of all.slice(from, from + pageSize)) objects.put(row);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      total += all.length;
    }
    const ms = performance.now() - start;
    bare.close();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(bareName);
      request.onsuccess = request.onerror = () => resolve(undefined);
    });
    return { rows: total, ms };
  };
  const bare = await putAll(false);
  const indexed = await putAll(true);
  return { bare, indexed };
}
