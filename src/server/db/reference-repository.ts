/**
 * What push needs to know beyond the records it writes: the facts of the writer's teams (commune,
 * start day, current members) and the records an entry refers to. Read inside the push
 * transaction, once per batch, by its opening statement (push-repository.ts), so from one
 * snapshot. They are not locked: an organisation change or a household move committed while a
 * push is in flight counts as made just after it, as if the push had arrived a moment earlier;
 * the entry's own record is locked.
 */

export interface TeamFacts {
  id: string;
  communeId: string;
  /** yyyy-MM-dd, or null when unknown. */
  establishedOn: string | null;
  /** Accounts that belong to the team now. */
  memberIds: string[];
  hamletIds: string[];
}

export interface EntryReferences {
  teams: Map<string, TeamFacts>;
  /** Live households by id, with their scope. */
  households: Map<string, string>;
  /** Live checklist templates by id, with their scope. */
  templates: Map<string, string>;
}
