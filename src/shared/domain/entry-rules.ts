/**
 * The messages of the entry kinds' cross-field rules (what one field may be given another), each
 * under a key. The schemas attach the Vietnamese words (the server answers in Vietnamese); the
 * client finds the key of a message (`entryRuleKeyOf`) and shows it in the user's language.
 */

/** The longest patrol shift the notebook accepts. */
export const MAX_PATROL_HOURS = 24;

export const entryRuleMessages = {
  patrolEndBeforeStart: 'Giờ kết thúc phải sau giờ bắt đầu',
  patrolTooLong: `Một ca tuần tra dài tối đa ${MAX_PATROL_HOURS} giờ`,
  patrolParticipantTwice: 'Một người được chọn hai lần',
  patrolDay: 'Ngày phải là ngày bắt đầu tuần tra',
  incidentArrivedBeforeReport: 'Giờ có mặt không được trước giờ nhận tin',
  incidentHandedOverBeforeReport: 'Giờ bàn giao không được trước giờ nhận tin',
  incidentHandedOverToMissing: 'Nhập người hoặc cơ quan nhận bàn giao',
  incidentDay: 'Ngày phải là ngày nhận tin vụ việc',
  tipAnonymousWithName: 'Nguồn tin giấu tên thì không ghi tên người cung cấp',
  tipSourceMissing: 'Nhập tên người cung cấp tin, hoặc chọn giấu tên',
  tipPassedBeforeReceived: 'Giờ báo Công an xã không được trước giờ nhận tin',
  tipDay: 'Ngày phải là ngày nhận tin',
  mobilisationArrivedBeforeCalled: 'Giờ có mặt không được trước giờ được huy động',
  mobilisationDay: 'Ngày phải là ngày được huy động',
  modelRecognisedOnMissing: 'Nhập ngày được ghi nhận',
  modelRecognisedByMissing: 'Nhập cơ quan đã ghi nhận mô hình',
  modelRecognisedBeforeStart: 'Ngày ghi nhận không được trước ngày bắt đầu',
  checklistRequiredItem: 'Mục bắt buộc: đánh dấu đã làm, hoặc ghi lý do chưa làm',
} as const;

export type EntryRuleKey = keyof typeof entryRuleMessages;

/** The rule a schema message comes from, or null when it is not a cross-field rule's. */
export function entryRuleKeyOf(message: string): EntryRuleKey | null {
  return (Object.keys(entryRuleMessages) as EntryRuleKey[]).find((key) => entryRuleMessages[key] === message) ?? null;
}
