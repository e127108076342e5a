/**
 * Each account's Access (access.ts), kept in memory so a push or pull does not read the
 * organisation again: a team member's reach is four queries, a leader's five.
 *
 * Invalidation: an entry is valid for one organisation epoch. Every change to the tables a reach
 * is read from (units, teams, team hamlets, accounts, restricted scopes) bumps `org_epoch` in its
 * own transaction (migration 0006, triggers), and authentication reads the epoch with the
 * session in one statement on every request. A reach is loaded after the epoch was read, so it
 * is never older than its label: at worst a change committed in between makes the next request
 * load it again. Entries are also keyed by the account's role, team and unit as the session row
 * gives them. Several servers each keep their own cache and all see the same epoch.
 */
import type { Account } from '#src/server/db/accounts-repository.ts';
import type { Access } from './access.ts';

/** Accounts whose access one server keeps (a province's active devices fit many times over). */
const DEFAULT_MAX_ENTRIES = 20_000;

interface Entry {
  epoch: number;
  access: Promise<Access>;
}

export class AccessCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (account: Account) => Promise<Access>,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /** The account's access under organisation epoch `epoch` (read before this call). */
  async get(account: Account, epoch: number): Promise<Access> {
    const key = `${account.id}|${account.role}|${account.teamId ?? ''}|${account.orgUnitId}`;
    const cached = this.entries.get(key);
    if (cached && cached.epoch === epoch) {
      // Most recently used last: the oldest entry is the first to go.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return { ...(await cached.access), account };
    }
    const entry: Entry = { epoch, access: this.load(account) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    try {
      return { ...(await entry.access), account };
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }
}
