/**
 * The management API (/api/admin/...) and the account routes around a login (password change,
 * my devices): paths, request and response schemas, shared by the server routes and the admin
 * screens. Reach is enforced on the server: a province admin manages its province's subtree;
 * commune police manage their commune's hamlets, teams and team accounts; a team leader may
 * list and end the sessions of the team's members; nobody else manages anything.
 */
import { z } from 'zod';
import { orgUnitKinds, roles, teamPositions } from './account.ts';
import { isoDaySchema } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';
import { orgUnitSchema, orgUnitSettingsSchema } from './org-unit.ts';

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

/** Route patterns (Fastify syntax); fill `:id` with `pathFor`. */
export const adminPaths = {
  units: '/api/admin/units',
  unit: '/api/admin/units/:id',
  unitSettings: '/api/admin/units/:id/settings',
  teams: '/api/admin/teams',
  team: '/api/admin/teams/:id',
  hamletTeam: '/api/admin/hamlets/:id/team',
  accounts: '/api/admin/accounts',
  account: '/api/admin/accounts/:id',
  accountMove: '/api/admin/accounts/:id/move',
  accountDisable: '/api/admin/accounts/:id/disable',
  accountEnable: '/api/admin/accounts/:id/enable',
  accountResetPassword: '/api/admin/accounts/:id/reset-password',
  accountSessions: '/api/admin/accounts/:id/sessions',
  session: '/api/admin/sessions/:id',
  /** POST: revoke a lost or replaced device (it erases itself after pushing what waits). */
  sessionRevoke: '/api/admin/sessions/:id/revoke',
  import: '/api/admin/import',
  changePassword: '/api/auth/change-password',
  mySessions: '/api/auth/sessions',
  mySession: '/api/auth/sessions/:id',
} as const;

/** A route pattern with its `:id` filled in. */
export function pathFor(pattern: string, id: string): string {
  return pattern.replace(':id', encodeURIComponent(id));
}

export const PASSWORD_MIN_LENGTH = 8;

/** A new password's shape; the server also refuses common passwords (its list). */
export const newPasswordSchema = z
  .string({ error: 'Nhập mật khẩu' })
  .min(PASSWORD_MIN_LENGTH, `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
  .max(200, 'Mật khẩu quá dài (tối đa 200 ký tự)');

/** Lower-case letters, digits, dot, dash, underscore; 3 to 32 characters. */
export const usernameSchema = z
  .string({ error: 'Nhập tên đăng nhập' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'Tên đăng nhập gồm 3–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới');

export const displayNameSchema = z.string({ error: 'Nhập họ tên' }).trim().min(1, 'Nhập họ tên').max(120, 'Họ tên quá dài (tối đa 120 ký tự)');
const unitNameSchema = orgUnitSchema.shape.name;
const teamNameSchema = z.string({ error: 'Nhập tên tổ' }).trim().min(1, 'Nhập tên tổ').max(120, 'Tên tổ quá dài (tối đa 120 ký tự)');

export const adminAccountSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  position: z.enum(teamPositions).nullable(),
  teamId: z.string().nullable(),
  orgUnitId: z.string(),
  isDisabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type AdminAccount = z.infer<typeof adminAccountSchema>;

export const adminTeamSchema = z.looseObject({
  id: z.string(),
  communeId: z.string(),
  name: z.string(),
  hamletIds: z.array(z.string()),
  establishedOn: z.string().nullable(),
});
export type AdminTeam = z.infer<typeof adminTeamSchema>;

/** GET units: every unit the user manages or stands in, as a flat list forming a tree. */
export const unitsResponseSchema = z.looseObject({
  /** The unit the user works from: the root of what the screen shows. */
  rootId: z.string(),
  units: z.array(orgUnitSchema),
});
export type UnitsResponse = z.infer<typeof unitsResponseSchema>;

/** GET unit: the unit, its direct children, its teams (communes) and its accounts. */
export const unitDetailSchema = z.looseObject({
  unit: orgUnitSchema,
  children: z.array(orgUnitSchema),
  teams: z.array(adminTeamSchema),
  accounts: z.array(adminAccountSchema),
  /** What the user may do here (the server checks again on every request). */
  rights: z.looseObject({
    manageUnits: z.boolean(),
    manageTeams: z.boolean(),
    editSettings: z.boolean(),
    /** Rename this unit (not the user's own). */
    editUnit: z.boolean().default(false),
    /** Move this unit under another parent (province admins only). */
    moveUnit: z.boolean().default(false),
    assignableRoles: z.array(z.enum(roles)),
  }),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

export const createUnitRequestSchema = z.object({
  parentId: uuid,
  kind: z.enum(orgUnitKinds, { error: 'Chọn loại đơn vị' }).exclude(['province']),
  name: unitNameSchema,
});
export const updateUnitRequestSchema = z.object({ name: unitNameSchema.optional(), parentId: uuid.optional() });
export const unitSettingsRequestSchema = orgUnitSettingsSchema;

export const createTeamRequestSchema = z.object({
  communeId: uuid,
  name: teamNameSchema,
  hamletIds: z.array(uuid).max(50).default([]),
  establishedOn: isoDaySchema.nullable().default(null),
});
export const updateTeamRequestSchema = z.object({ name: teamNameSchema.optional(), establishedOn: isoDaySchema.nullable().optional() });
/** Move a hamlet to a team of its commune, or to none (null). */
export const hamletTeamRequestSchema = z.object({ teamId: uuid.nullable() });

export const createAccountRequestSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: z.enum(roles, { error: 'Chọn vai trò' }),
  /** Team accounts (member, leader): the team and the position in it. */
  teamId: uuid.nullable().default(null),
  position: z.enum(teamPositions, { error: 'Chọn chức danh' }).nullable().default(null),
  /** Police and province accounts: the unit they work for. Team accounts: ignored (the team's commune). */
  orgUnitId: uuid.nullable().default(null),
  /** A first password; the account must set its own at the first login. */
  password: newPasswordSchema,
});
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;
export const updateAccountRequestSchema = z.object({
  displayName: displayNameSchema.optional(),
  role: z.enum(['member', 'leader'], { error: 'Chọn vai trò' }).optional(),
  position: z.enum(teamPositions, { error: 'Chọn chức danh' }).optional(),
});
export const moveAccountRequestSchema = z.object({ teamId: uuid, position: z.enum(teamPositions, { error: 'Chọn chức danh' }) });
export const resetPasswordRequestSchema = z.object({ temporaryPassword: newPasswordSchema });

/** The answer of a successful change (create returns the new id). */
export const changedResponseSchema = z.looseObject({ id: z.string() });

/**
 * Login with the right password of an account that must set a new one (after a reset) answers
 * 403 with this `action` in the error: the device then asks for a new password and sends it.
 */
export const PASSWORD_CHANGE_ACTION = 'change-password';
export const changePasswordRequestSchema = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(64),
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại').max(200),
  newPassword: newPasswordSchema,
  deviceLabel: z.string().trim().max(120).optional(),
  clientId: uuid.optional(),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const deviceSessionSchema = z.looseObject({
  id: z.string(),
  deviceLabel: z.string(),
  clientId: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The session making this request. */
  isCurrent: z.boolean(),
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;
export const sessionsResponseSchema = z.looseObject({ sessions: z.array(deviceSessionSchema) });
export type SessionsResponse = z.infer<typeof sessionsResponseSchema>;
