/**
 * Whether one mutation may be applied, given who pushes it and the server's current copy. Pure:
 * push.ts reads the copy in the push transaction with the record's row locked until commit, so
 * the decision and the write see the same state (a leader's approval cannot slip in between the
 * check and a member's edit).
 *
 * - fieldLog: members and leaders write entries in their own team only, as themselves. The author
 *   edits while the review allows it (review.ts); a returned entry the author fixes becomes
 *   resubmitted; an author's edit of an entry the leader approved meanwhile is not applied over
 *   the approval but becomes a conflict (push.ts). The leader moves review states along the state
 *   machine (a return needs a comment) and may correct the team's entries.
 * - household: leaders (their team's hamlets) and commune police (their commune's hamlets).
 * - campaignPlan: province staff (any unit of the province) and commune police (their commune).
 * - conflict: written by the server; a device only resolves one (status, choices), and only the
 *   leader, commune police or someone whose value is in it.
 * - orgUnit, team: nobody; the server writes them when the organisation changes.
 * - manualValue: commune police and province staff, for the units they publish plans or keep
 *   households for and the teams they supervise.
 * - targetAssignment: commune police and province staff, for the teams they supervise.
 * - checklistTemplate: commune police of that commune only (the account's own unit).
 * - commendation: like campaignPlan (province staff: their subtree; commune police: their commune).
 * - monthClose: the team's leader only, signing as themselves (closedBy is the writer).
 * - photos (not a collection): mayUploadEntryPhoto, for the routes of photos.
 * Both the stored copy and the new one must be writable: a record cannot be moved into, or out
 * of, a scope its writer does not hold.
 */
import type { StoredRecord } from '#src/server/db/sync-repository.ts';
import { isReviewTransitionAllowed, statusAfterAuthorSave, type ReviewStatus } from '#src/shared/domain/review.ts';
import type { CollectionName, Scope } from '#src/shared/sync/collections.ts';
import type { RejectReason } from '#src/shared/sync/protocol.ts';
import type { Access } from './access.ts';

export type WriteDecision =
  | { isAllowed: true; isReviewConflict?: boolean; normalise?: Record<string, unknown> }
  | { isAllowed: false; reason: RejectReason; message: string };

export const rejectMessages = {
  unknownCollection: 'Máy chủ không nhận loại dữ liệu này. Hãy cập nhật ứng dụng.',
  idMismatch: 'Mã bản ghi không khớp với dữ liệu gửi lên.',
  invalidRecord: 'Dữ liệu không hợp lệ.',
  outOfScope: 'Bạn không có quyền ghi dữ liệu này (ngoài phạm vi phụ trách).',
  notOwnLog: 'Bạn chỉ được sửa nhật ký của chính mình.',
  reviewByLeaderOnly: 'Chỉ tổ trưởng mới được duyệt nhật ký.',
  reviewTransition: 'Không thể chuyển trạng thái duyệt như vậy.',
  returnNeedsComment: 'Khi trả lại nhật ký, hãy ghi lý do để tổ viên biết cần sửa gì.',
  approvedNoDelete: 'Nhật ký đã được tổ trưởng duyệt, không xoá được.',
  deleted: 'Bản ghi này đã bị xoá trên máy chủ.',
  serverWritten: 'Dữ liệu này do máy chủ quản lý, thiết bị không sửa được.',
  conflictResolveOnly: 'Chỉ được chọn giá trị để giải quyết xung đột, không sửa nội dung xung đột.',
  conflictNotYours: 'Bạn không có quyền giải quyết xung đột này.',
} as const;

const allowed: WriteDecision = { isAllowed: true };
const refuse = (reason: RejectReason, message: string): WriteDecision => ({ isAllowed: false, reason, message });

/** Review bookkeeping of an entry: not content. */
const REVIEW_FIELDS = new Set(['reviewStatus', 'reviewComment', 'reviewedBy', 'reviewedAt', 'updatedAt']);
const CONFLICT_RESOLUTION_FIELDS = new Set(['status', 'choices', 'resolvedBy', 'resolvedAt']);

function writableScopes(access: Access, collection: CollectionName): ReadonlySet<string> {
  switch (collection) {
    case 'fieldLog': {
      if (!access.teamId) return new Set();
      const team = access.teamId;
      const scopes = new Set<string>([`team:${team}`, `restricted:${team}:${access.account.id}`]);
      // A leader reviews the restricted entries of the team too.
      if (access.reviewedTeamIds.has(team)) for (const scope of access.readable) if (scope.startsWith(`restricted:${team}:`)) scopes.add(scope);
      return scopes;
    }
    case 'household':
      return new Set([...access.householdHamletIds].map((id) => `unit:${id}`));
    case 'campaignPlan':
    case 'commendation':
      return new Set([...access.planUnitIds].map((id) => `unit:${id}`));
    case 'conflict':
      return access.readable;
    case 'orgUnit':
    case 'team':
      // Server-authored (admin routes republish them): no device writes these.
      return new Set();
    case 'manualValue':
      return new Set([...supervisedTeamScopes(access), ...supervisedUnitScopes(access)]);
    case 'targetAssignment':
      return supervisedTeamScopes(access);
    case 'checklistTemplate':
      return new Set(access.account.role === 'commune-police' ? [`unit:${access.account.orgUnitId}`] : []);
    case 'monthClose':
      return new Set([...access.reviewedTeamIds].map((id) => `team:${id}`));
  }
}

const isSupervisor = (access: Access): boolean => access.account.role === 'commune-police' || access.account.role === 'province-admin';

/** The teams commune police and province staff read are the teams they supervise. */
function supervisedTeamScopes(access: Access): Set<string> {
  if (!isSupervisor(access)) return new Set();
  return new Set(access.readScopes.filter((scope) => scope.startsWith('team:')));
}

function supervisedUnitScopes(access: Access): Set<string> {
  if (!isSupervisor(access)) return new Set();
  return new Set([...access.planUnitIds, ...access.householdHamletIds].map((id) => `unit:${id}`));
}

/**
 * Whether the account may upload a photo for an entry that names it: the entry's author, or the
 * leader who reviews (and may correct) the entry's team, while the entry's scope is one they write.
 */
export function mayUploadEntryPhoto(access: Access, entry: { scope: string; teamId: string; memberId: string }): boolean {
  if (!writableScopes(access, 'fieldLog').has(entry.scope)) return false;
  return entry.memberId === access.account.id || access.reviewedTeamIds.has(entry.teamId);
}

export interface WriteAttempt {
  scope: Scope;
  data: Record<string, unknown>;
  /** Top-level fields whose value differs from the stored copy. */
  changed: ReadonlySet<string>;
}

/**
 * @param next the validated new record, its scope and what it changes; null for a delete
 * @param stored the server's live copy, or null when it has none
 */
export function checkWrite(access: Access, collection: CollectionName, next: WriteAttempt | null, stored: StoredRecord | null): WriteDecision {
  const scopes = writableScopes(access, collection);
  if (stored && !scopes.has(stored.scope)) return refuse('forbidden', rejectMessages.outOfScope);
  if (next && !scopes.has(next.scope)) return refuse('forbidden', rejectMessages.outOfScope);
  if (collection === 'fieldLog') return checkEntry(access, next, stored);
  if (collection === 'conflict') return checkConflictResolution(access, next, stored);
  if (collection === 'monthClose' && next) return { isAllowed: true, normalise: { closedBy: access.account.id } };
  return allowed;
}

function checkEntry(access: Access, next: WriteAttempt | null, stored: StoredRecord | null): WriteDecision {
  const self = access.account.id;
  const storedEntry = stored?.data ?? null;
  const isLeader = access.teamId !== null && access.reviewedTeamIds.has(access.teamId);
  if (!storedEntry) {
    if (next && next.data.memberId !== self) return refuse('forbidden', rejectMessages.notOwnLog);
    if (next && next.data.reviewStatus !== 'pending') return refuse('forbidden', rejectMessages.reviewByLeaderOnly);
    return allowed;
  }
  const from = storedEntry.reviewStatus as ReviewStatus;
  const isAuthor = storedEntry.memberId === self;
  if (!next) {
    if (!isAuthor && !isLeader) return refuse('forbidden', rejectMessages.notOwnLog);
    if (from === 'approved' && !isLeader) return refuse('forbidden', rejectMessages.approvedNoDelete);
    return allowed;
  }
  if (next.data.memberId !== storedEntry.memberId) return refuse('forbidden', rejectMessages.notOwnLog);
  const to = next.data.reviewStatus as ReviewStatus;
  const contentChanged = [...next.changed].some((field) => !REVIEW_FIELDS.has(field));
  if (isLeader) return checkLeaderEdit(access, next, from, to);
  if (!isAuthor) return refuse('forbidden', rejectMessages.notOwnLog);
  const reviewFieldsChanged = ['reviewComment', 'reviewedBy', 'reviewedAt'].some((field) => next.changed.has(field));
  if (reviewFieldsChanged) return refuse('forbidden', rejectMessages.reviewByLeaderOnly);
  if (from === 'approved' && (contentChanged || to !== from)) {
    if (to !== from && to !== 'pending' && to !== 'resubmitted') return refuse('review-transition', rejectMessages.reviewByLeaderOnly);
    return { isAllowed: true, isReviewConflict: true };
  }
  const expected = contentChanged ? statusAfterAuthorSave(from) : from;
  if (to === expected) return allowed;
  if (to === from && expected !== from) return { isAllowed: true, normalise: { reviewStatus: expected } };
  if (isReviewTransitionAllowed(from, to, 'author')) return allowed;
  return refuse(to === 'approved' || to === 'returned' ? 'forbidden' : 'review-transition', to === 'approved' || to === 'returned' ? rejectMessages.reviewByLeaderOnly : rejectMessages.reviewTransition);
}

function checkLeaderEdit(access: Access, next: WriteAttempt, from: ReviewStatus, to: ReviewStatus): WriteDecision {
  if (to === from) return allowed;
  const isOwn = next.data.memberId === access.account.id;
  const isAllowedMove = isReviewTransitionAllowed(from, to, 'leader') || (isOwn && isReviewTransitionAllowed(from, to, 'author'));
  if (!isAllowedMove) return refuse('review-transition', rejectMessages.reviewTransition);
  if (to === 'returned' && String(next.data.reviewComment ?? '').trim() === '') {
    return refuse('review-transition', rejectMessages.returnNeedsComment);
  }
  if (to === 'approved' || to === 'returned') return { isAllowed: true, normalise: { reviewedBy: access.account.id } };
  return allowed;
}

function checkConflictResolution(access: Access, next: WriteAttempt | null, stored: StoredRecord | null): WriteDecision {
  if (!stored || !stored.data || !next) return refuse('forbidden', rejectMessages.serverWritten);
  if ([...next.changed].some((field) => !CONFLICT_RESOLUTION_FIELDS.has(field))) {
    return refuse('forbidden', rejectMessages.conflictResolveOnly);
  }
  const role = access.account.role;
  const fields = (stored.data.fields ?? []) as Array<{ values: Array<{ userId: string | null }> }>;
  const isParty = fields.some((field) => field.values.some((value) => value.userId === access.account.id));
  const isReviewer = role === 'leader' || role === 'commune-police';
  if (stored.data.kind === 'edited-after-review' ? !isReviewer : !isReviewer && !isParty) {
    return refuse('forbidden', rejectMessages.conflictNotYours);
  }
  return { isAllowed: true, normalise: { resolvedBy: access.account.id } };
}
