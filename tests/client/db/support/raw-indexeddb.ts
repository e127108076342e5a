// Reads an IndexedDB database as stored, without Dexie (so without the sealing middleware):
// every value of every store, with strings inside ArrayBuffers and typed arrays decoded, so a
// test can search what an attacker holding the phone's storage would find.
function textOf(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof ArrayBuffer) out.push(new TextDecoder().decode(value));
  else if (ArrayBuffer.isView(value)) out.push(new TextDecoder().decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
  else if (Array.isArray(value)) for (const item of value) textOf(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) textOf(item, out);
}

/** Every value of every store of `dbName`, by store name. */
export function rawStores(dbName: string): Promise<Record<string, unknown[]>> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(dbName);
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
    opening.onsuccess = () => {
      const idb = opening.result;
      const names = [...idb.objectStoreNames];
      const tx = idb.transaction(names);
      const stores: Record<string, unknown[]> = {};
      for (const name of names) {
        const all = tx.objectStore(name).getAll();
        all.onsuccess = () => (stores[name] = all.result as unknown[]);
      }
      tx.oncomplete = () => {
        idb.close();
        resolve(stores);
      };
      tx.onerror = () => reject(tx.error ?? new Error('read failed'));
    };
  });
}

/** All the text a database holds as stored, one string per store. */
export async function rawText(dbName: string): Promise<Record<string, string>> {
  const stores = await rawStores(dbName);
  return Object.fromEntries(Object.entries(stores).map(([name, rows]) => {
    const out: string[] = [];
    textOf(rows, out);
    return [name, out.join('\n')];
  }));
}
