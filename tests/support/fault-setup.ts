// The fault tests run the real client in Node: Dexie over fake-indexeddb (a full IndexedDB in memory).
import 'fake-indexeddb/auto';
