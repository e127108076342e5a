/**
 * Roles (README, "Who it is for"), apart from the account schemas so that the app shell's route
 * table reads them without loading zod. account.ts re-exports them.
 */

/** Every role, from a team member up to the province police. */
export const roles = ['member', 'leader', 'commune-police', 'province-admin'] as const;
export type Role = (typeof roles)[number];

/**
 * Roles that write field log entries: team members and leaders, in their own team. The server
 * refuses entries from anyone else (src/server/sync/write-rules.ts), so the app offers the
 * entry forms to these roles only.
 */
export const entryAuthorRoles = ['member', 'leader'] as const satisfies readonly Role[];

/** True when the role writes field log entries (see entryAuthorRoles). */
export function isEntryAuthor(role: Role): boolean {
  return (entryAuthorRoles as readonly Role[]).includes(role);
}
