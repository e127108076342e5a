/**
 * Whether one mutation may be applied, given who pushes it and the server's current copy. Pure:
 * push.ts reads the copy under the change counter's lock, so the decision and the write see the
 * same state (a leader's approval cannot slip in between the check and a member's edit).
 *
 * - fieldLog: members and leaders, only in their team (restricted kinds: in their own
 *   restricted scope, `restricted:<team>:<self>`). A member writes only their own logs,
 *   keeps reviewStatus 'pending', and can no longer change or delete a log once the leader
 *   reviewed it ('already-reviewed'). A leader reviews (approved/returned) the team's logs.
 * - household: leaders (their team's hamlets) and commune police (their commune's hamlets).
 * - campaignPlan: province staff (any unit of the province) and commune police (their commune).
 * - checklistTemplate: commune police of that commune only (the account's own unit).
 * Both the stored copy and the new one must be writable: a record cannot be moved into, or out
 * of, a scope its writer does not hold.
 */
import type { StoredRecord } from '#src/server/db/sync-repository.ts';
import type { CollectionName, Scope } from '#src/shared/sync/collections.ts';
import type { RejectReason } from '#src/shared/sync/protocol.ts';
import type { Access } from './access.ts';

export type WriteDecision = { isAllowed: true } | { isAllowed: false; reason: RejectReason; message: string };

export const rejectMessages = {
  unknownCollection: 'Máy chủ không nhận loại dữ liệu này. Hãy cập nhật ứng dụng.',
  idMismatch: 'Mã bản ghi không khớp với dữ liệu gửi lên.',
  outOfScope: 'Bạn không có quyền ghi dữ liệu này (ngoài phạm vi phụ trách).',
  notOwnLog: 'Bạn chỉ được sửa nhật ký của chính mình.',
  reviewByLeaderOnly: 'Chỉ tổ trưởng mới được duyệt nhật ký.',
  alreadyReviewed: 'Nhật ký đã được tổ trưởng duyệt, không thể sửa hoặc xóa nữa.',
} as const;

const allowed: WriteDecision = { isAllowed: true };
const refuse = (reason: RejectReason, message: string): WriteDecision => ({ isAllowed: false, reason, message });

function writableScopes(access: Access, collection: CollectionName): Set<Scope> {
  switch (collection) {
    case 'fieldLog':
      // Restricted kinds (tips, reintegration visits) live in the author's own restricted scope.
      return new Set(access.teamId ? [`team:${access.teamId}` as const, `restricted:${access.teamId}:${access.account.id}` as const] : []);
    case 'household':
      return new Set([...access.householdHamletIds].map((id) => `unit:${id}` as const));
    case 'campaignPlan':
      return new Set([...access.planUnitIds].map((id) => `unit:${id}` as const));
    case 'checklistTemplate':
      return new Set(access.account.role === 'commune-police' ? [`unit:${access.account.orgUnitId}` as const] : []);
  }
}

/**
 * @param next the validated new record and its scope, or null for a delete
 * @param stored the server's copy (possibly a tombstone), or null when it has none
 */
export function checkWrite(
  access: Access,
  collection: CollectionName,
  next: { scope: Scope; data: Record<string, unknown> } | null,
  stored: StoredRecord | null,
): WriteDecision {
  const scopes = writableScopes(access, collection);
  if (stored && !scopes.has(stored.scope as Scope)) return refuse('forbidden', rejectMessages.outOfScope);
  if (next && !scopes.has(next.scope)) return refuse('forbidden', rejectMessages.outOfScope);
  if (collection === 'fieldLog' && access.account.role === 'member') return checkMemberLog(access, next, stored);
  return allowed;
}

function checkMemberLog(access: Access, next: { data: Record<string, unknown> } | null, stored: StoredRecord | null): WriteDecision {
  const self = access.account.id;
  const storedLog = stored && !stored.deleted ? stored.data : null;
  if (storedLog && storedLog.memberId !== self) return refuse('forbidden', rejectMessages.notOwnLog);
  if (storedLog && storedLog.reviewStatus !== 'pending') return refuse('already-reviewed', rejectMessages.alreadyReviewed);
  if (next && next.data.memberId !== self) return refuse('forbidden', rejectMessages.notOwnLog);
  if (next && next.data.reviewStatus !== 'pending') return refuse('forbidden', rejectMessages.reviewByLeaderOnly);
  return allowed;
}
