/**
 * The pull cursor on the wire: an opaque string for devices, a feed position for the server
 * (db/pull-repository.ts). '' is the start. The text is `<xid>.<seq>` in decimal; only this
 * file reads or writes it, so its form may change with the protocol version.
 *
 * Bare digits are a cursor of the change-counter era (before migration 0006), which devices
 * stored as a number: every row written then has xid 0 and keeps its old number, so change
 * number N is the position (0, N) exactly.
 */
import { START, type Position } from '#src/server/db/pull-repository.ts';

const CURSOR = /^(\d{1,20})\.(\d{1,16})$/;
const COUNTER_ERA_CURSOR = /^\d{1,16}$/;
const MAX_XID8 = 2n ** 64n - 1n;

/** The position a cursor stands for; null when the text is no cursor this server hands out. */
export function parseCursor(text: string): Position | null {
  if (text === '') return START;
  if (COUNTER_ERA_CURSOR.test(text)) return Number.isSafeInteger(Number(text)) ? { xid: START.xid, seq: Number(text) } : null;
  const match = CURSOR.exec(text);
  if (!match) return null;
  const seq = Number(match[2]);
  if (BigInt(match[1]!) > MAX_XID8 || !Number.isSafeInteger(seq)) return null;
  return { xid: BigInt(match[1]!).toString(), seq };
}

export function formatCursor(position: Position): string {
  return position.xid === START.xid && position.seq === START.seq ? '' : `${position.xid}.${position.seq}`;
}

/** True when `a` comes before `b` in the feed. */
export function isBefore(a: Position, b: Position): boolean {
  const ax = BigInt(a.xid);
  const bx = BigInt(b.xid);
  return ax < bx || (ax === bx && a.seq < b.seq);
}
