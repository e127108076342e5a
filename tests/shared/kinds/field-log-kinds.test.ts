// Every entry kind through the one `fieldLog` schema: a valid entry of each kind passes, and
// each broken field fails with the Vietnamese sentence a member sees beside that field.
import { describe, expect, it } from 'vitest';
import { entryReferences, fieldLogKinds, fieldLogSchema, isRestrictedKind } from '#src/shared/domain/field-log.ts';
import { DEFAULT_INCIDENT_CHECKLIST_ID, DEFAULT_PATROL_CHECKLIST_ID } from '#src/shared/domain/default-checklists.ts';
import { householdId, memberId, otherMemberId, validEntries } from './entry-fixtures.ts';

/** The first message at each path, e.g. { endAt: '…' }. */
function messages(record: unknown): Record<string, string> {
  const result = fieldLogSchema.safeParse(record);
  if (result.success) return {};
  const found: Record<string, string> = {};
  for (const issue of result.error.issues) found[issue.path.join('.') || '_'] ??= issue.message;
  return found;
}

describe('fieldLog schema: every kind', () => {
  it.each(fieldLogKinds)('accepts a valid %s entry', (kind) => {
    expect(messages(validEntries[kind])).toEqual({});
  });

  it('fills defaults of an entry written by an older app (no agency, photos, location)', () => {
    const { agencyId: _agency, photoIds: _photos, location: _location, ...old } = validEntries.outreach;
    const parsed = fieldLogSchema.parse(old);
    expect(parsed).toMatchObject({ agencyId: null, photoIds: [], location: null });
  });

  it('refuses an unknown kind', () => {
    expect(Object.keys(messages({ ...validEntries.outreach, kind: 'picnic' }))).toEqual(['kind']);
  });

  it('marks tips and reintegration visits as restricted, nothing else', () => {
    expect(fieldLogKinds.filter(isRestrictedKind)).toEqual(['tip', 'reintegration-visit']);
  });
});

describe('outreach', () => {
  const valid = validEntries.outreach;
  it.each([
    [{ householdIds: [] }, 'householdIds', 'Chọn ít nhất một hộ'],
    [{ topic: '  ' }, 'topic', 'Nhập nội dung tuyên truyền'],
    [{ topic: 'x'.repeat(301) }, 'topic', 'Quá dài (tối đa 300 ký tự)'],
    [{ form: 'radio' }, 'form', 'Chọn hình thức tuyên truyền'],
    [{ peopleReached: 0 }, 'peopleReached', 'Số người phải từ 1 trở lên'],
    [{ peopleReached: 2.5 }, 'peopleReached', 'Số người phải là số nguyên'],
    [{ peopleReached: undefined }, 'peopleReached', 'Nhập số người được tuyên truyền'],
    [{ date: '2026-02-30' }, 'date', 'Ngày không hợp lệ'],
    [{ householdIds: ['not-an-id'] }, 'householdIds.0', 'Mã không hợp lệ'],
  ])('refuses %o at %s: %s', (change, path, message) => {
    expect(messages({ ...valid, ...change })[path]).toBe(message);
  });

  it('needs no household when an agency was reached', () => {
    expect(messages({ ...valid, householdIds: [], agencyId: householdId })).toEqual({});
  });
});

describe('patrol', () => {
  const valid = validEntries.patrol;
  it.each([
    [{ endAt: valid.startAt }, 'endAt', 'Giờ kết thúc phải sau giờ bắt đầu'],
    [{ endAt: '2026-03-06T13:01:00.000Z' }, 'endAt', 'Một ca tuần tra dài tối đa 24 giờ'],
    [{ participantIds: [] }, 'participantIds', 'Chọn ít nhất một người tham gia'],
    [{ participantIds: [memberId, memberId] }, 'participantIds', 'Một người được chọn hai lần'],
    [{ area: '' }, 'area', 'Nhập địa bàn, tuyến tuần tra'],
    [{ startAt: 'hôm qua' }, 'startAt', 'Thời điểm không hợp lệ'],
    // 23:30 on the 4th in Vietnam is 16:30Z on the 4th: the entry's day must be the 4th.
    [{ startAt: '2026-03-04T16:30:00.000Z', endAt: '2026-03-04T20:00:00.000Z' }, 'date', 'Ngày phải là ngày bắt đầu tuần tra'],
  ])('refuses %o at %s: %s', (change, path, message) => {
    expect(messages({ ...valid, ...change })[path]).toBe(message);
  });

  it('refuses a required checklist item neither checked nor explained, and accepts it explained', () => {
    const items = valid.checklist.items.map((item, index) => (index === 0 ? { ...item, isChecked: false } : item));
    expect(messages({ ...valid, checklist: { ...valid.checklist, items } })['checklist.items.0.note'])
      .toBe('Mục bắt buộc: đánh dấu đã làm, hoặc ghi lý do chưa làm');
    const explained = items.map((item, index) => (index === 0 ? { ...item, note: 'Công an xã đã phân công' } : item));
    expect(messages({ ...valid, checklist: { ...valid.checklist, items: explained } })).toEqual({});
  });
});

describe('incident', () => {
  const valid = validEntries.incident;
  it.each([
    [{ incidentType: 'flood' }, 'incidentType', 'Chọn loại vụ việc'],
    [{ arrivedAt: '2026-03-05T01:59:00.000Z' }, 'arrivedAt', 'Giờ có mặt không được trước giờ nhận tin'],
    [{ handedOverAt: '2026-03-05T01:00:00.000Z', handedOverTo: 'Công an xã' }, 'handedOverAt', 'Giờ bàn giao không được trước giờ nhận tin'],
    [{ handedOverAt: '2026-03-05T03:00:00.000Z' }, 'handedOverTo', 'Nhập người hoặc cơ quan nhận bàn giao'],
    [{ urgentContact: { channel: 'fax', at: '2026-03-05T02:01:00.000Z' } }, 'urgentContact.channel', 'Cách liên lạc không hợp lệ'],
    [{ reportedAt: '2026-03-05T20:00:00.000Z', arrivedAt: null }, 'date', 'Ngày phải là ngày nhận tin vụ việc'],
  ])('refuses %o at %s: %s', (change, path, message) => {
    expect(messages({ ...valid, ...change })[path]).toBe(message);
  });

  it('keeps an urgent call made before sync', () => {
    const urgent = { ...valid, isUrgent: true, urgentContact: { channel: 'call', at: '2026-03-05T02:01:00.000Z' } };
    expect(fieldLogSchema.parse(urgent)).toMatchObject({ isUrgent: true, urgentContact: { channel: 'call' } });
  });
});

describe('tip', () => {
  const valid = validEntries.tip;
  it.each([
    [{ content: '' }, 'content', 'Nhập nội dung nguồn tin'],
    [{ sourceName: '' }, 'sourceName', 'Nhập tên người cung cấp tin, hoặc chọn giấu tên'],
    [{ isAnonymous: true }, 'sourceName', 'Nguồn tin giấu tên thì không ghi tên người cung cấp'],
    [{ passedToPoliceAt: '2026-03-05T00:59:00.000Z' }, 'passedToPoliceAt', 'Giờ báo Công an xã không được trước giờ nhận tin'],
  ])('refuses %o at %s: %s', (change, path, message) => {
    expect(messages({ ...valid, ...change })[path]).toBe(message);
  });

  it('accepts an anonymous tip without a name', () => {
    expect(messages({ ...valid, isAnonymous: true, sourceName: '' })).toEqual({});
  });
});

describe('mobilisation, residence report, reintegration visit, good deed, model', () => {
  it.each([
    ['mobilisation', { mobilisationType: 'flood' }, 'mobilisationType', 'Chọn chữa cháy hoặc cứu nạn, cứu hộ'],
    ['mobilisation', { role: '' }, 'role', 'Nhập nhiệm vụ đã đảm nhận'],
    ['mobilisation', { arrivedAt: '2026-03-05T04:00:00.000Z' }, 'arrivedAt', 'Giờ có mặt không được trước giờ được huy động'],
    ['residence-report', { householdId: undefined }, 'householdId', 'Chọn hộ gia đình'],
    ['residence-report', { reportType: 'x' }, 'reportType', 'Chọn loại thông tin'],
    ['residence-report', { details: ' ' }, 'details', 'Nhập nội dung thông tin'],
    ['reintegration-visit', { personName: '' }, 'personName', 'Nhập họ tên người được giúp đỡ'],
    ['reintegration-visit', { actions: '' }, 'actions', 'Nhập việc đã làm'],
    ['good-deed', { description: '' }, 'description', 'Nhập việc tốt đã làm'],
    ['good-deed', { beneficiary: '' }, 'beneficiary', 'Nhập người hoặc nơi được giúp'],
    ['model', { name: '' }, 'name', 'Nhập tên mô hình'],
    ['model', { modelKind: 'x' }, 'modelKind', 'Chọn loại mô hình'],
    ['model', { recognisedBy: 'Công an huyện' }, 'recognisedOn', 'Nhập ngày được ghi nhận'],
    ['model', { recognisedOn: '2025-12-01' }, 'recognisedBy', 'Nhập cơ quan đã ghi nhận mô hình'],
    ['model', { recognisedBy: 'Công an huyện', recognisedOn: '2025-09-01' }, 'recognisedOn', 'Ngày ghi nhận không được trước ngày bắt đầu'],
  ] as const)('%s: refuses %o at %s: %s', (kind, change, path, message) => {
    expect(messages({ ...validEntries[kind], ...change })[path]).toBe(message);
  });

  it('refuses more than six photos', () => {
    const photoIds = Array.from({ length: 7 }, () => householdId);
    expect(messages({ ...validEntries['good-deed'], photoIds }).photoIds).toBe('Tối đa 6 ảnh');
  });
});

describe('entryReferences', () => {
  it('lists the households, members and checklist templates each kind names', () => {
    expect(entryReferences(validEntries.outreach)).toEqual({ householdIds: [householdId], memberIds: [memberId], checklistTemplateIds: [], agencyIds: [] });
    expect(entryReferences(validEntries.patrol)).toEqual({
      householdIds: [], memberIds: [memberId, otherMemberId], checklistTemplateIds: [DEFAULT_PATROL_CHECKLIST_ID], agencyIds: [],
    });
    expect(entryReferences(validEntries.incident).checklistTemplateIds).toEqual([DEFAULT_INCIDENT_CHECKLIST_ID]);
    expect(entryReferences(validEntries['residence-report']).householdIds).toEqual([householdId]);
    expect(entryReferences({ ...validEntries.outreach, householdIds: [], agencyId: otherMemberId }).agencyIds).toEqual([otherMemberId]);
    expect(entryReferences(validEntries.tip)).toEqual({ householdIds: [], memberIds: [memberId], checklistTemplateIds: [], agencyIds: [] });
  });
});
