// A full phone is told apart from other storage failures, however Dexie passes the error on.
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { isStorageFull } from '#src/client/db/storage-errors.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

it('recognises QuotaExceededError as the browser raises it and as Dexie wraps it', () => {
  expect(isStorageFull(quota())).toBe(true);
  expect(isStorageFull(new Dexie.QuotaExceededError('full'))).toBe(true);
  expect(isStorageFull(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
  expect(isStorageFull(new Error('wrapped', { cause: quota() }))).toBe(true);
});

it('does not take other failures for a full phone', () => {
  expect(isStorageFull(new Dexie.AbortError('Transaction aborted', new Error('constraint')))).toBe(false);
  expect(isStorageFull(new DOMException('closed', 'InvalidStateError'))).toBe(false);
  expect(isStorageFull(new Error('Dữ liệu chưa hợp lệ'))).toBe(false);
  expect(isStorageFull('QuotaExceededError')).toBe(false);
  expect(isStorageFull(null)).toBe(false);
});
