/**
 * The team leader's review of an entry (tổ trưởng duyệt), as a state machine the server keeps:
 *
 *   pending ──leader──▶ approved | returned
 *   returned ──author──▶ resubmitted          (the author fixes the entry and sends it again)
 *   resubmitted ──leader──▶ approved | returned
 *   approved ──leader──▶ returned             (reopened, with a comment, while the month is open)
 *
 * The author edits an entry only while it is pending, returned or resubmitted; saving a returned
 * entry resubmits it. An edit that reaches the server after the leader approved the entry is not
 * applied over the approval: it becomes a conflict both people see (sync/conflicts).
 */
import { z } from 'zod';

export const reviewStatuses = ['pending', 'approved', 'returned', 'resubmitted'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusSchema = z.enum(reviewStatuses);

/** Who moves an entry from one status to another. */
export type ReviewActor = 'author' | 'leader';

const transitions: Record<ReviewStatus, Partial<Record<ReviewStatus, ReviewActor>>> = {
  pending: { approved: 'leader', returned: 'leader' },
  returned: { resubmitted: 'author' },
  resubmitted: { approved: 'leader', returned: 'leader' },
  approved: { returned: 'leader' },
};

/** True when `actor` may move an entry from `from` to `to` (staying put is not a transition). */
export function isReviewTransitionAllowed(from: ReviewStatus, to: ReviewStatus, actor: ReviewActor): boolean {
  return transitions[from][to] === actor;
}

/** True while the author may still change the entry's content. */
export function isEditableByAuthor(status: ReviewStatus): boolean {
  return status !== 'approved';
}

/** The status an author's save gives the entry: a returned entry is resubmitted by fixing it. */
export function statusAfterAuthorSave(status: ReviewStatus): ReviewStatus {
  return status === 'returned' ? 'resubmitted' : status;
}

/** A returned entry must say why, so the author knows what to fix. */
export const REVIEW_COMMENT_MAX_LENGTH = 1000;
