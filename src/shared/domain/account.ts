/**
 * Accounts and what the server tells a device about its user at login (the profile). A device
 * keeps the profile so that the session works offline after one online login.
 */
import { z } from 'zod';
import { UUID_PATTERN } from './ids.ts';
import { roles } from './roles.ts';

export { entryAuthorRoles, isEntryAuthor, roles, type Role } from './roles.ts';

/**
 * Kinds of administrative unit. `hamlet` covers every residential unit below a commune (thôn,
 * ấp, bản, buôn, khóm, tổ dân phố); agencies, enterprises and schools take part and are rated
 * too. Depth is data: since 1/7/2025 a province's communes hang straight below it.
 */
export const orgUnitKinds = ['province', 'district', 'commune', 'hamlet', 'agency', 'enterprise', 'school'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

/** A team member's position (chức danh): tổ trưởng, tổ phó, tổ viên. */
export const teamPositions = ['leader', 'deputy', 'member'] as const;
export type TeamPosition = (typeof teamPositions)[number];

export const orgUnitSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  /** The unit above; sent for the units below a supervisor's own unit (absent on older sessions). */
  parentId: z.string().nullable().optional(),
});
export type OrgUnitSummary = z.infer<typeof orgUnitSummarySchema>;

export const profileSchema = z.looseObject({
  user: z.looseObject({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
  }),
  /** The team of a member or leader; null for police and province staff. */
  team: z.looseObject({ id: z.string(), name: z.string() }).nullable(),
  /** Hamlets the user's work covers: the team's hamlets, or all hamlets the user supervises. */
  hamlets: z.array(orgUnitSummarySchema),
  /**
   * The unit the user works from and the units above it (for headings: commune, province), then,
   * for commune police and province staff, the units below it other than hamlets (a province's
   * districts and communes), each with its parentId.
   */
  orgUnits: z.array(orgUnitSummarySchema),
  /**
   * Teams the user supervises (commune police, province staff), with their commune, so a
   * supervisor's device can name the teams whose entries it holds. Empty for members and leaders
   * (their own team is `team`); absent on sessions stored before it was sent.
   */
  teams: z.array(z.looseObject({ id: z.string(), name: z.string(), communeId: z.string() })).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(64),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
  /** How the device names itself in "Thiết bị đã đăng nhập" (browser and system); optional. */
  deviceLabel: z.string().trim().max(120).optional(),
  /** The device's sync client id, when it already has one. */
  clientId: z.string().regex(UUID_PATTERN).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export { APP_HEADER, sessionCookiePath } from './app-header.ts';

export const loginResponseSchema = z.looseObject({
  /** A Bearer token, only for clients that are not the app (the app's session is an HttpOnly cookie). */
  token: z.string().optional(),
  expiresAt: z.string(),
  profile: profileSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
