/**
 * Team (Tổ bảo vệ an ninh, trật tự ở cơ sở) as a synced record: its name, commune, hamlets, the
 * day it was established and its roster, so a device knows its team offline (leaders review
 * the members listed here). Written by the server whenever the team or a member changes;
 * devices never push it. Scope `team:<id>`: the team's members and leader, commune police above.
 */
import { z } from 'zod';
import { teamPositions } from './account.ts';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

export const teamMemberSchema = z.looseObject({
  userId: uuid,
  displayName: z.string(),
  position: z.enum(teamPositions),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.looseObject({
  id: uuid,
  communeId: uuid,
  name: z.string().trim().min(1, 'Nhập tên tổ').max(120, 'Tên tổ quá dài (tối đa 120 ký tự)'),
  hamletIds: z.array(uuid),
  /** The day the commune chairman's decision established the team, or null when not known. */
  establishedOn: isoDaySchema.nullable(),
  /** Active accounts only (a disabled account leaves the roster), leader first. */
  members: z.array(teamMemberSchema),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;

const positionOrder = { leader: 0, deputy: 1, member: 2 } as const;

/** Leader, then deputies, then members, each by name in Vietnamese order. */
export function compareTeamMembers(a: TeamMember, b: TeamMember): number {
  return positionOrder[a.position] - positionOrder[b.position] || a.displayName.localeCompare(b.displayName, 'vi');
}
