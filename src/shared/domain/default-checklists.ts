/**
 * The checklists a commune starts with, drawn from seed 001 §II.4 (Kế hoạch thi đua đặc biệt):
 * 4.6 patrols (tuần tra bảo đảm an ninh, trật tự, trật tự an toàn giao thông) and 4.1 attending
 * security incidents (có mặt kịp thời, hỗ trợ giải quyết vụ việc). A commune that has not written
 * its own template uses these; commune police edit a copy (checklist-template editor).
 *
 * Their ids are fixed: an entry filled with a default names it in `checklist.templateId`, and the
 * server knows these ids without a record.
 */
import type { ChecklistItem, ChecklistKind } from './checklist.ts';

export interface ChecklistTemplateContent {
  id: string;
  appliesTo: ChecklistKind;
  name: string;
  version: number;
  items: ChecklistItem[];
}

export const DEFAULT_PATROL_CHECKLIST_ID = '0192a000-0000-7000-8000-000000000001';
export const DEFAULT_INCIDENT_CHECKLIST_ID = '0192a000-0000-7000-8000-000000000002';

const item = (id: string, label: string, isRequired = false): ChecklistItem => ({ id, label, isRequired });

/** §II.4.6: support commune police patrols for security, order and traffic safety. */
export const defaultPatrolChecklist: ChecklistTemplateContent = {
  id: DEFAULT_PATROL_CHECKLIST_ID,
  appliesTo: 'patrol',
  name: 'Tuần tra bảo đảm an ninh, trật tự',
  version: 1,
  items: [
    item('assign', 'Phân công người tham gia và tuyến, địa bàn tuần tra', true),
    item('notify-police', 'Báo Công an xã trước khi đi tuần tra', true),
    item('hotspots', 'Kiểm tra khu vực trọng điểm, nơi công cộng, nơi tụ tập đông người'),
    item('violations', 'Phát hiện, nhắc nhở hành vi vi phạm pháp luật, tệ nạn xã hội'),
    item('traffic', 'Hướng dẫn, phân luồng giao thông, giải quyết ùn tắc (khi được huy động)'),
    item('fire-safety', 'Nhắc nhở phòng cháy, chữa cháy tại khu dân cư'),
    item('report', 'Báo cáo kết quả tuần tra cho Công an xã', true),
  ],
};

/** §II.4.1 and §II.4.6: be present promptly, protect the scene, hand over to commune police. */
export const defaultIncidentChecklist: ChecklistTemplateContent = {
  id: DEFAULT_INCIDENT_CHECKLIST_ID,
  appliesTo: 'incident',
  name: 'Hỗ trợ giải quyết vụ việc về an ninh, trật tự',
  version: 1,
  items: [
    item('arrive', 'Có mặt tại nơi xảy ra vụ việc', true),
    item('notify-police', 'Báo ngay cho Công an xã', true),
    item('protect-scene', 'Bảo vệ hiện trường, giữ gìn trật tự', true),
    item('first-aid', 'Sơ cứu, hỗ trợ người bị nạn'),
    item('witnesses', 'Ghi nhận thông tin người liên quan, nhân chứng'),
    item('de-escalate', 'Can ngăn, hòa giải, không để xung đột lan rộng'),
    item('hand-over', 'Bàn giao vụ việc cho Công an xã hoặc cơ quan chức năng', true),
  ],
};

export const defaultChecklists: Record<ChecklistKind, ChecklistTemplateContent> = {
  patrol: defaultPatrolChecklist,
  incident: defaultIncidentChecklist,
};

/** True for the ids of the shipped defaults (known everywhere without a record). */
export function isDefaultChecklistId(id: string): boolean {
  return id === DEFAULT_PATROL_CHECKLIST_ID || id === DEFAULT_INCIDENT_CHECKLIST_ID;
}
