import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '#src/client/db/storage-persistence.ts';

/** A StorageManager as a browser behaves: persistence granted or refused, remembered once granted. */
function storageManager(willGrant: boolean) {
  let isPersisted = false;
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    persisted: async () => isPersisted,
    persist: async () => {
      requests += 1;
      isPersisted = willGrant;
      return willGrant;
    },
  };
}

describe('asking the browser to keep the device database', () => {
  it('asks once and then knows storage is persistent', async () => {
    const storage = storageManager(true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.requests).toBe(1);
  });

  it('reports a refusal, and no StorageManager as unknown', async () => {
    expect(await requestPersistentStorage(storageManager(false))).toBe(false);
    expect(await requestPersistentStorage(undefined)).toBeNull();
  });

  it('treats a browser that throws as a refusal', async () => {
    const throwing = { persisted: async () => false, persist: async (): Promise<boolean> => { throw new Error('SecurityError'); } };
    expect(await requestPersistentStorage(throwing)).toBe(false);
  });
});
