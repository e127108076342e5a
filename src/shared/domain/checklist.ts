/**
 * Checklists as data (danh mục kiểm tra): commune police keep the list of steps a patrol or an
 * incident response should cover (collection `checklistTemplate`, scope `unit:<communeId>`);
 * an entry copies the items it was filled with, labels included, so it still opens, unchanged,
 * after its template was edited or withdrawn.
 */
import { z } from 'zod';
import { entryRuleMessages } from './entry-rules.ts';
import { uuidSchema } from './entry-base.ts';

export const checklistKinds = ['patrol', 'incident'] as const;
export type ChecklistKind = (typeof checklistKinds)[number];

export const checklistLimits = { maxItems: 40, labelMaxLength: 200, noteMaxLength: 500, nameMaxLength: 120 } as const;

const itemIdSchema = z.string({ error: 'Thiếu mã mục' }).min(1, 'Thiếu mã mục').max(64, 'Mã mục quá dài');
const labelSchema = z
  .string({ error: 'Nhập nội dung mục' })
  .trim()
  .min(1, 'Nhập nội dung mục')
  .max(checklistLimits.labelMaxLength, `Nội dung mục quá dài (tối đa ${checklistLimits.labelMaxLength} ký tự)`);

function checkUniqueIds(items: ReadonlyArray<{ id?: string; itemId?: string }>, context: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id = item.id ?? item.itemId ?? '';
    if (seen.has(id)) context.addIssue({ code: 'custom', path: ['items', index], message: 'Hai mục trùng mã' });
    seen.add(id);
  });
}

/** One step of a template. */
export const checklistItemSchema = z.looseObject({
  id: itemIdSchema,
  label: labelSchema,
  isRequired: z.boolean().default(false),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** A commune's checklist for patrols or incidents; `version` goes up by one on every edit. */
export const checklistTemplateSchema = z
  .looseObject({
    id: uuidSchema,
    communeId: uuidSchema,
    appliesTo: z.enum(checklistKinds, { error: 'Chọn loại công việc áp dụng' }),
    name: z
      .string({ error: 'Nhập tên danh mục' })
      .trim()
      .min(1, 'Nhập tên danh mục')
      .max(checklistLimits.nameMaxLength, `Tên quá dài (tối đa ${checklistLimits.nameMaxLength} ký tự)`),
    version: z.number({ error: 'Thiếu số phiên bản' }).int('Phiên bản phải là số nguyên').min(1, 'Phiên bản bắt đầu từ 1'),
    items: z
      .array(checklistItemSchema)
      .min(1, 'Danh mục cần ít nhất một mục')
      .max(checklistLimits.maxItems, `Tối đa ${checklistLimits.maxItems} mục`),
    isActive: z.boolean().default(true),
    updatedAt: z.string(),
  })
  .superRefine((template, context) => checkUniqueIds(template.items, context));
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

/** One item as answered in an entry: the template's label copied in. */
export const checklistAnswerItemSchema = z.looseObject({
  itemId: itemIdSchema,
  label: labelSchema,
  isRequired: z.boolean().default(false),
  isChecked: z.boolean({ error: 'Chọn đã làm hoặc chưa' }).default(false),
  note: z
    .string()
    .trim()
    .max(checklistLimits.noteMaxLength, `Ghi chú quá dài (tối đa ${checklistLimits.noteMaxLength} ký tự)`)
    .default(''),
});
export type ChecklistAnswerItem = z.infer<typeof checklistAnswerItemSchema>;

export const REQUIRED_ITEM_MESSAGE = entryRuleMessages.checklistRequiredItem;

/**
 * The checklist as filled in an entry. A required item is either checked or explains, in its
 * note, why it was not done: the entry stays truthful and the leader sees the reason.
 */
export const checklistAnswerSchema = z
  .looseObject({
    templateId: z.string({ error: 'Thiếu danh mục kiểm tra' }).min(1, 'Thiếu danh mục kiểm tra').max(64),
    templateVersion: z.number().int().min(1),
    items: z.array(checklistAnswerItemSchema).max(checklistLimits.maxItems, `Tối đa ${checklistLimits.maxItems} mục`),
  })
  .superRefine((answer, context) => {
    checkUniqueIds(answer.items, context);
    answer.items.forEach((item, index) => {
      if (item.isRequired && !item.isChecked && item.note.trim() === '') {
        context.addIssue({ code: 'custom', path: ['items', index, 'note'], message: REQUIRED_ITEM_MESSAGE });
      }
    });
  });
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

/** A fresh, unchecked answer to a template. */
export function answerFromTemplate(template: Pick<ChecklistTemplate, 'id' | 'version' | 'items'>): ChecklistAnswer {
  return {
    templateId: template.id,
    templateVersion: template.version,
    items: template.items.map((item) => ({ itemId: item.id, label: item.label, isRequired: item.isRequired, isChecked: false, note: '' })),
  };
}

/** Items of an answer that are required, not checked and not explained. */
export function unexplainedRequiredItems(answer: ChecklistAnswer): ChecklistAnswerItem[] {
  return answer.items.filter((item) => item.isRequired && !item.isChecked && item.note.trim() === '');
}
