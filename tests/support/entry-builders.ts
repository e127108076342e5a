/**
 * Valid entries of every kind written by a demo account in team Ấp 1–2, and the other synced
 * records a server test pushes (checklist templates, entered values, team targets). Built from the
 * shared schemas' own fixtures, re-addressed to the demo organisation.
 */
import { DEMO_IDS } from '#src/server/db/demo-data.ts';
import { demoId } from '#src/server/db/demo-households.ts';
import { defaultPatrolChecklist } from '#src/shared/domain/default-checklists.ts';
import type { FieldLog, FieldLogKind } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { validEntries } from '../shared/kinds/entry-fixtures.ts';

/** A new entry of `kind` by `memberId` in team Ấp 1–2, naming only what that team reaches. */
export function teamEntry(kind: FieldLogKind, memberId: string, overrides: Record<string, unknown> = {}): FieldLog {
  const at = new Date().toISOString();
  const entry = {
    ...validEntries[kind], id: uuidv7(), teamId: DEMO_IDS.teamAp12, memberId, createdAt: at, updatedAt: at,
  } as Record<string, unknown>;
  const household = demoId(`household:${DEMO_IDS.hamlets[0]}:0`);
  if (kind === 'outreach') entry.householdIds = [household];
  if (kind === 'residence-report') entry.householdId = household;
  if (kind === 'patrol') entry.participantIds = [memberId];
  return { ...entry, ...overrides } as unknown as FieldLog;
}

export function checklistTemplate(communeId: string): Record<string, unknown> {
  return { ...defaultPatrolChecklist, id: uuidv7(), communeId, name: 'Tuần tra đêm (xã)', version: 1, updatedAt: new Date().toISOString() };
}

export function manualValue(orgUnitId: string, enteredBy: string, teamId: string | null = null): Record<string, unknown> {
  return {
    id: uuidv7(), orgUnitId, teamId, key: 'tips-received', startDay: '2026-03-01', endDay: '2026-03-31', value: 12, note: '',
    enteredBy, updatedAt: new Date().toISOString(),
  };
}

export function targetAssignment(teamId: string, orgUnitId: string, assignedBy: string): Record<string, unknown> {
  return {
    id: uuidv7(), planId: uuidv7(), indicatorId: 'households-reached', teamId, orgUnitId, periodKey: null, value: 85, note: '',
    assignedBy, updatedAt: new Date().toISOString(),
  };
}
