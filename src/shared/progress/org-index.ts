/**
 * The organisation, indexed for the progress engine: which teams, members, hamlets and
 * households a scope covers, which household a merged duplicate counts as, and each team's
 * prompt-attendance setting. Built once per engine state; an org change (a team's hamlets, a
 * merge, a setting) means building a new state.
 *
 * Who belongs to a scope:
 * - member: the member, their team, its hamlets (entries: the member's own);
 * - team: the team, its members, its hamlets;
 * - hamlet: the hamlet and every team covering it (a team covering two hamlets counts in both);
 * - commune, district, province: every hamlet below the unit, every team whose commune is below
 *   (or is) the unit, and their members;
 * - agency: the agency itself (outreach to it, values entered for it).
 */
import type { IndicatorLevel } from '../domain/plan-metric.ts';
import { DEFAULT_PROMPT_MINUTES, type OrgInput, type TeamInput, type UnitInput } from './progress-input.ts';

/** A scope of progress: an indicator level and the id of a member, team or org unit. */
export interface ScopeRef {
  level: IndicatorLevel;
  id: string;
}

export interface ResolvedScope {
  ref: ScopeRef;
  teamIds: ReadonlySet<string>;
  memberIds: ReadonlySet<string>;
  hamletIds: ReadonlySet<string>;
  /** Households counted in the scope (merged duplicates left out: they count as their target). */
  householdIds: readonly string[];
  /** The org unit whose entered values apply (units, agencies), or null (members, teams). */
  unitId: string | null;
}

/** The organisation indexed for scopes, household merges and prompt minutes; immutable once built. */
export class OrgIndex {
  private readonly units = new Map<string, UnitInput>();
  private readonly children = new Map<string, string[]>();
  private readonly teams = new Map<string, TeamInput>();
  private readonly memberTeam = new Map<string, string>();
  private readonly rootOf = new Map<string, string>();
  private readonly householdsOfHamlet = new Map<string, string[]>();
  private readonly resolved = new Map<string, ResolvedScope>();

  constructor(input: OrgInput) {
    for (const unit of input.units) {
      this.units.set(unit.id, unit);
      if (unit.parentId) this.children.set(unit.parentId, [...(this.children.get(unit.parentId) ?? []), unit.id]);
    }
    for (const team of input.teams) {
      this.teams.set(team.id, team);
      for (const member of team.memberIds) this.memberTeam.set(member, team.id);
    }
    this.indexHouseholds(input);
  }

  private indexHouseholds(input: OrgInput): void {
    const byId = new Map(input.households.map((household) => [household.id, household]));
    for (const household of input.households) {
      let root = household;
      const seen = new Set([household.id]);
      for (let next = root.mergedIntoId ? byId.get(root.mergedIntoId) : undefined; next && !seen.has(next.id); next = next.mergedIntoId ? byId.get(next.mergedIntoId) : undefined) {
        seen.add(next.id);
        root = next;
      }
      this.rootOf.set(household.id, root.id);
      if (root.id === household.id) this.householdsOfHamlet.set(household.hamletId, [...(this.householdsOfHamlet.get(household.hamletId) ?? []), household.id]);
    }
  }

  /** The household a reached household counts as (itself unless merged), or null when unknown. */
  householdRoot(householdId: string): string | null {
    return this.rootOf.get(householdId) ?? null;
  }

  /** The team's commune's prompt-attendance minutes (default 30). */
  promptMinutesOfTeam(teamId: string): number {
    const communeId = this.teams.get(teamId)?.communeId;
    const minutes = communeId ? this.units.get(communeId)?.settings?.promptMinutes : null;
    return typeof minutes === 'number' && minutes > 0 ? minutes : DEFAULT_PROMPT_MINUTES;
  }

  unit(id: string): UnitInput | undefined {
    return this.units.get(id);
  }

  /** The units directly below `id`. */
  childUnits(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /** The teams of a commune or any unit above it. */
  teamsUnder(unitId: string): string[] {
    const below = this.subtree(unitId);
    return [...this.teams.values()].filter((team) => below.has(team.communeId)).map((team) => team.id);
  }

  private subtree(unitId: string): Set<string> {
    const found = new Set<string>();
    const stack = [unitId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (found.has(id)) continue;
      found.add(id);
      stack.push(...this.childUnits(id));
    }
    return found;
  }

  resolve(ref: ScopeRef): ResolvedScope {
    const cacheKey = `${ref.level}:${ref.id}`;
    let scope = this.resolved.get(cacheKey);
    if (!scope) {
      scope = this.resolveUncached(ref);
      this.resolved.set(cacheKey, scope);
    }
    return scope;
  }

  private resolveUncached(ref: ScopeRef): ResolvedScope {
    switch (ref.level) {
      case 'member': {
        const team = this.teams.get(this.memberTeam.get(ref.id) ?? '');
        return this.scopeOf(ref, team ? [team.id] : [], [ref.id], team?.hamletIds ?? [], null);
      }
      case 'team': {
        const team = this.teams.get(ref.id);
        return this.scopeOf(ref, team ? [team.id] : [], team?.memberIds ?? [], team?.hamletIds ?? [], null);
      }
      case 'hamlet': {
        const teams = [...this.teams.values()].filter((team) => team.hamletIds.includes(ref.id));
        return this.scopeOf(ref, teams.map((t) => t.id), teams.flatMap((t) => t.memberIds), [ref.id], ref.id);
      }
      case 'agency':
        return this.scopeOf(ref, [], [], [], ref.id);
      default: {
        const teamIds = this.teamsUnder(ref.id);
        const hamlets = [...this.subtree(ref.id)].filter((id) => this.units.get(id)?.kind === 'hamlet');
        return this.scopeOf(ref, teamIds, teamIds.flatMap((id) => this.teams.get(id)!.memberIds), hamlets, ref.id);
      }
    }
  }

  private scopeOf(ref: ScopeRef, teamIds: readonly string[], memberIds: readonly string[], hamletIds: readonly string[], unitId: string | null): ResolvedScope {
    const hamlets = new Set(hamletIds);
    return {
      ref,
      teamIds: new Set(teamIds),
      memberIds: new Set(memberIds),
      hamletIds: hamlets,
      householdIds: [...hamlets].flatMap((id) => this.householdsOfHamlet.get(id) ?? []),
      unitId,
    };
  }
}
