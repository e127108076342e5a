// Valid entries of every kind, to be broken one field at a time by the schema tests.
import { answerFromTemplate } from '#src/shared/domain/checklist.ts';
import { defaultIncidentChecklist, defaultPatrolChecklist } from '#src/shared/domain/default-checklists.ts';
import type { FieldLogKind, FieldLogOf } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';

export const teamId = uuidv7();
export const memberId = uuidv7();
export const otherMemberId = uuidv7();
export const householdId = uuidv7();

function base(date: string) {
  return {
    id: uuidv7(), teamId, memberId, date, note: '', reviewStatus: 'pending' as const, reviewComment: '',
    reviewedBy: null, reviewedAt: null, photoIds: [], location: null,
    createdAt: '2026-03-05T03:00:00.000Z', updatedAt: '2026-03-05T03:00:00.000Z',
  };
}

function checkedAnswer(template: typeof defaultPatrolChecklist) {
  const answer = answerFromTemplate(template);
  return { ...answer, items: answer.items.map((item) => ({ ...item, isChecked: true })) };
}

/** One valid entry of each kind (times are UTC; 2026-03-05 in Vietnam). */
export const validEntries: { [Kind in FieldLogKind]: FieldLogOf<Kind> } = {
  outreach: {
    ...base('2026-03-05'), kind: 'outreach', householdIds: [householdId], agencyId: null,
    topic: 'Phòng chống lừa đảo qua mạng', form: 'home-visit', peopleReached: 3,
  },
  patrol: {
    ...base('2026-03-05'), kind: 'patrol', startAt: '2026-03-05T13:00:00.000Z', endAt: '2026-03-05T17:00:00.000Z',
    participantIds: [memberId, otherMemberId], area: 'Tuyến đường liên ấp 1–2', checklist: checkedAnswer(defaultPatrolChecklist), findings: '',
  },
  incident: {
    ...base('2026-03-05'), kind: 'incident', incidentType: 'traffic', reportedAt: '2026-03-05T02:00:00.000Z',
    arrivedAt: '2026-03-05T02:10:00.000Z', checklist: checkedAnswer(defaultIncidentChecklist), handedOverAt: null,
    handedOverTo: '', outcome: 'Đã đưa người bị nạn đi trạm y tế', isSerious: false, isUrgent: false, urgentContact: null,
  },
  tip: {
    ...base('2026-03-05'), kind: 'tip', receivedAt: '2026-03-05T01:00:00.000Z', isAnonymous: false, sourceName: 'Bà Lê Thị Hoa',
    content: 'Có người lạ hỏi mua xe máy cũ không giấy tờ', passedToPoliceAt: null, isUrgent: false, urgentContact: null,
  },
  mobilisation: {
    ...base('2026-03-05'), kind: 'mobilisation', mobilisationType: 'fire', calledAt: '2026-03-05T05:00:00.000Z',
    arrivedAt: '2026-03-05T05:20:00.000Z', role: 'Chuyển bình chữa cháy, giữ trật tự', outcome: '',
  },
  'residence-report': {
    ...base('2026-03-05'), kind: 'residence-report', householdId, reportType: 'temporary-residence',
    details: 'Hai công nhân đến ở trọ từ 01/03', passedToPoliceAt: null,
  },
  'reintegration-visit': {
    ...base('2026-03-05'), kind: 'reintegration-visit', personName: 'Trần Văn Hậu', actions: 'Thăm hỏi, giới thiệu việc làm', reoffenceObserved: false,
  },
  'good-deed': {
    ...base('2026-03-05'), kind: 'good-deed', description: 'Trả lại ví nhặt được', beneficiary: 'Ông Phạm Văn Tư',
  },
  model: {
    ...base('2026-03-05'), kind: 'model', name: 'Camera an ninh ấp 1', modelKind: 'crime-prevention', startedOn: '2025-10-01',
    recognisedBy: '', recognisedOn: null,
  },
};
