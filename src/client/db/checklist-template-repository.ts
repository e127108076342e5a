/**
 * Checklist templates on the device (synced collection `checklistTemplate`, scope
 * `unit:<commune>`). Forms take the commune's active template for a kind, or the shipped default
 * when the commune has none; commune police save edits through putRecord (record and outbox
 * in one transaction), each edit one version up.
 */
import type { ChecklistItem, ChecklistKind, ChecklistTemplate } from '#src/shared/domain/checklist.ts';
import { defaultChecklists, type ChecklistTemplateContent } from '#src/shared/domain/default-checklists.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord } from './record-repository.ts';

/** The commune's templates, newest first. A commune keeps a handful: read whole by the index. */
export async function listChecklistTemplates(db: AnttDatabase, communeId: string): Promise<ChecklistTemplate[]> {
  const rows = await db.checklistTemplate.where('communeId').equals(communeId).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The template a new entry of `kind` is filled with: the commune's newest active one, or the default. */
export async function templateForKind(
  db: AnttDatabase,
  communeId: string | null,
  kind: ChecklistKind,
): Promise<ChecklistTemplateContent> {
  if (communeId !== null) {
    const own = (await listChecklistTemplates(db, communeId)).find((template) => template.appliesTo === kind && template.isActive);
    if (own) return own;
  }
  return defaultChecklists[kind];
}

/**
 * Saves an edit of a template (or a first template for the commune): the version goes one up
 * from the stored copy, so every device can tell an entry filled with an older list.
 */
export interface ChecklistTemplateEdit {
  id: string;
  communeId: string;
  appliesTo: ChecklistKind;
  name: string;
  items: ChecklistItem[];
  isActive: boolean;
}

export async function saveChecklistTemplate(
  db: AnttDatabase,
  template: ChecklistTemplateEdit,
  now: Date = new Date(),
): Promise<ChecklistTemplate> {
  const stored = await db.checklistTemplate.get(template.id);
  return putRecord(db, 'checklistTemplate', { ...stored, ...template, version: (stored?.version ?? 0) + 1, updatedAt: now.toISOString() }, now);
}

export function useChecklistTemplates(communeId: string): ChecklistTemplate[] | undefined {
  return useDbQuery((db) => listChecklistTemplates(db, communeId), [communeId]);
}

export function useTemplateForKind(communeId: string | null, kind: ChecklistKind): ChecklistTemplateContent | undefined {
  return useDbQuery((db) => templateForKind(db, communeId, kind), [communeId, kind]);
}
