// Checklist templates as data: the shipped defaults (seed 001 §II.4) are valid templates, a
// template refuses bad items in Vietnamese, and an answer copies the labels it was filled with.
import { describe, expect, it } from 'vitest';
import { answerFromTemplate, checklistAnswerSchema, checklistTemplateSchema, unexplainedRequiredItems } from '#src/shared/domain/checklist.ts';
import { defaultChecklists, isDefaultChecklistId } from '#src/shared/domain/default-checklists.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { collections } from '#src/shared/sync/collections.ts';

const communeId = uuidv7();

function template(overrides: object = {}) {
  return { ...defaultChecklists.patrol, id: uuidv7(), communeId, isActive: true, updatedAt: '2026-03-01T00:00:00.000Z', ...overrides };
}

function firstMessage(schema: typeof checklistTemplateSchema, value: unknown): [string, string] | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return [issue.path.join('.'), issue.message];
}

describe('checklist templates', () => {
  it('ships valid defaults for patrols and incidents, with required steps', () => {
    for (const kind of ['patrol', 'incident'] as const) {
      const shipped = defaultChecklists[kind];
      expect(checklistTemplateSchema.safeParse(template(shipped)).success).toBe(true);
      expect(shipped.appliesTo).toBe(kind);
      expect(shipped.items.some((item) => item.isRequired)).toBe(true);
      expect(isDefaultChecklistId(shipped.id)).toBe(true);
    }
    expect(isDefaultChecklistId(uuidv7())).toBe(false);
  });

  it.each([
    [{ name: ' ' }, ['name', 'Nhập tên danh mục']],
    [{ version: 0 }, ['version', 'Phiên bản bắt đầu từ 1']],
    [{ items: [] }, ['items', 'Danh mục cần ít nhất một mục']],
    [{ appliesTo: 'tip' }, ['appliesTo', 'Chọn loại công việc áp dụng']],
    [{ items: [{ id: 'a', label: '', isRequired: false }] }, ['items.0.label', 'Nhập nội dung mục']],
    [{ items: [{ id: 'a', label: 'Một' }, { id: 'a', label: 'Hai' }] }, ['items.1', 'Hai mục trùng mã']],
  ])('refuses %o', (change, expected) => {
    expect(firstMessage(checklistTemplateSchema, template(change))).toEqual(expected);
  });

  it('is a synced collection scoped to its commune', () => {
    const parsed = checklistTemplateSchema.parse(template());
    expect(collections.checklistTemplate.scopeOf(parsed)).toBe(`unit:${communeId}`);
  });
});

describe('checklist answers', () => {
  it('copies labels and required flags, unchecked, with the template version', () => {
    const answer = answerFromTemplate({ id: 't', version: 3, items: [{ id: 'a', label: 'Báo Công an xã', isRequired: true }] });
    expect(answer).toEqual({ templateId: 't', templateVersion: 3, items: [{ itemId: 'a', label: 'Báo Công an xã', isRequired: true, isChecked: false, note: '' }] });
    expect(unexplainedRequiredItems(answer).map((item) => item.itemId)).toEqual(['a']);
    expect(checklistAnswerSchema.safeParse(answer).success).toBe(false);
    const explained = { ...answer, items: [{ ...answer.items[0]!, note: 'Mất sóng điện thoại' }] };
    expect(checklistAnswerSchema.safeParse(explained).success).toBe(true);
    expect(unexplainedRequiredItems(explained)).toEqual([]);
  });
});
