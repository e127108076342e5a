/**
 * The pull cursor on the wire: an opaque string for devices, a feed position for the server
 * (db/pull-repository.ts). '' is the start. The text is `<feed>.<xid>.<seq>` in decimal, the
 * feed being the database cluster's identity (readFeedId); only this file reads or writes it, so
 * its form may change with the protocol version. A cursor of another feed (the database was
 * restored into another cluster, or the province moved to another server) means the start: the
 * device pulls everything again, which is safe (puts are idempotent, edits waiting to be pushed
 * are never overwritten) where a position from another count of transactions would not be.
 *
 * Bare digits are a cursor of the change-counter era (before migration 0006), which devices
 * stored as a number: every row written then has xid 0 and keeps its old number, so change
 * number N is the position (0, N) exactly.
 */
import { START, type Position } from '#src/server/db/pull-repository.ts';

const CURSOR = /^(\d{1,20})\.(\d{1,20})\.(\d{1,16})$/;
const COUNTER_ERA_CURSOR = /^\d{1,16}$/;
const MAX_XID8 = 2n ** 64n - 1n;

/** The position a cursor stands for in feed `feed`; null when the text is no cursor at all. */
export function parseCursor(text: string, feed: string): Position | null {
  if (text === '') return START;
  if (COUNTER_ERA_CURSOR.test(text)) return Number.isSafeInteger(Number(text)) ? { xid: START.xid, seq: Number(text) } : null;
  const match = CURSOR.exec(text);
  if (!match) return null;
  const seq = Number(match[3]);
  if (BigInt(match[2]!) > MAX_XID8 || !Number.isSafeInteger(seq)) return null;
  if (match[1] !== feed) return START;
  return { xid: BigInt(match[2]!).toString(), seq };
}

export function formatCursor(position: Position, feed: string): string {
  return position.xid === START.xid && position.seq === START.seq ? '' : `${feed}.${position.xid}.${position.seq}`;
}

/** True when `a` comes before `b` in the feed. */
export function isBefore(a: Position, b: Position): boolean {
  const ax = BigInt(a.xid);
  const bx = BigInt(b.xid);
  return ax < bx || (ax === bx && a.seq < b.seq);
}
