/**
 * The progress engine's state: per-key counters and sets built from entries and entered values,
 * to which one new, changed or deleted entry is applied without rescanning the others. Each
 * applied entry's facts (entry-facts.ts) are kept, so a change takes back the old facts and adds
 * the new ones, and a delete takes them back. `ProgressState.build` computes the same state
 * from scratch (the check the property tests run: any sequence of puts and deletes ends where a
 * fresh build of the final entries does).
 *
 * Memory: one small record per entry plus counters per key and day; a commune-year of 50,000
 * entries stays well within a phone's means (see `npm run bench`).
 */
import type { ManualValue } from '../domain/manual-value.ts';
import { bump, type DayCounts } from './day-counts.ts';
import { closedMonths } from '../domain/month-close.ts';
import { factsOf, isCounted, type ClosedMonth, type EntryFacts, type ModelFact } from './entry-facts.ts';
import { OrgIndex } from './org-index.ts';
import type { EngineOptions, OrgInput, ProgressEntry } from './progress-input.ts';

/** Where an entry sits, counted or not: the completeness of a scope counts unsent entries by it. */
export interface EntryPlace {
  teamId: string;
  memberId: string;
  date: string;
}

/** Where an entered value applies: `team:<id>` or `unit:<id>`. */
export const manualTargetOf = (value: Pick<ManualValue, 'teamId' | 'orgUnitId'>): string =>
  (value.teamId ? `team:${value.teamId}` : `unit:${value.orgUnitId}`);

/** Indexes built from entries and entered values; apply changes one at a time with putEntry, deleteEntry, putManualValue and deleteManualValue. */
export class ProgressState {
  readonly org: OrgIndex;
  readonly options: EngineOptions;
  /** `<counter key>|t:<teamId>` and `<counter key>|m:<memberId>` → counts by day. */
  readonly counters = new Map<string, DayCounts>();
  /** Household → days reached by outreach; `<memberId>|<household>` for a member's own. */
  readonly reached = new Map<string, DayCounts>();
  readonly residence = new Map<string, DayCounts>();
  /** Member → days they took part in a patrol. */
  readonly patrolled = new Map<string, DayCounts>();
  /** `<teamId>|<person>` → days a re-offence was observed; people by team in `reoffendersOfTeam`. */
  readonly reoffences = new Map<string, DayCounts>();
  readonly reoffendersOfTeam = new Map<string, Set<string>>();
  /** Agency → staff or students reached, by day. */
  readonly agencyPeople = new Map<string, DayCounts>();
  readonly models = new Map<string, ModelFact & { teamId: string }>();
  /** `<team:id | unit:id>|<key>` → entered values by id. */
  readonly manual = new Map<string, Map<string, ManualValue>>();
  readonly places = new Map<string, EntryPlace>();
  /** Closed team-months (EngineOptions.monthCloses), keyed `<teamId>|<yyyy-MM>`. */
  readonly closed: ReadonlyMap<string, ClosedMonth>;
  private readonly facts = new Map<string, EntryFacts>();
  private readonly manualSlot = new Map<string, string>();

  constructor(org: OrgInput | OrgIndex, options: EngineOptions = {}) {
    this.org = org instanceof OrgIndex ? org : new OrgIndex(org);
    this.options = options;
    this.closed = closedMonths(options.monthCloses ?? []);
  }

  /** A state built from scratch: the full recomputation incremental updates must equal. */
  static build(org: OrgInput | OrgIndex, entries: Iterable<ProgressEntry>, values: Iterable<ManualValue> = [], options: EngineOptions = {}): ProgressState {
    const state = new ProgressState(org, options);
    for (const entry of entries) state.putEntry(entry);
    for (const value of values) state.putManualValue(value);
    return state;
  }

  /** Applies a new or changed entry (the previous version's facts are taken back first). */
  putEntry(entry: ProgressEntry): void {
    this.deleteEntry(entry.id);
    this.places.set(entry.id, { teamId: entry.teamId, memberId: entry.memberId, date: entry.date });
    if (!isCounted(entry, this.options, this.closed)) return;
    const facts = factsOf(entry, this.org);
    this.facts.set(entry.id, facts);
    this.apply(entry.id, facts, 1);
  }

  /** Takes back a deleted entry; unknown ids change nothing. */
  deleteEntry(id: string): void {
    this.places.delete(id);
    const facts = this.facts.get(id);
    if (!facts) return;
    this.facts.delete(id);
    this.apply(id, facts, -1);
  }

  putManualValue(value: ManualValue): void {
    this.deleteManualValue(value.id);
    const slot = `${manualTargetOf(value)}|${value.key}`;
    let values = this.manual.get(slot);
    if (!values) {
      values = new Map();
      this.manual.set(slot, values);
    }
    values.set(value.id, value);
    this.manualSlot.set(value.id, slot);
  }

  deleteManualValue(id: string): void {
    const slot = this.manualSlot.get(id);
    if (slot === undefined) return;
    this.manualSlot.delete(id);
    const values = this.manual.get(slot)!;
    values.delete(id);
    if (values.size === 0) this.manual.delete(slot);
  }

  private apply(id: string, facts: EntryFacts, sign: 1 | -1): void {
    const { teamId, memberId, date } = facts;
    for (const key of facts.counterKeys) {
      bump(this.counters, `${key}|t:${teamId}`, date, sign);
      bump(this.counters, `${key}|m:${memberId}`, date, sign);
    }
    for (const household of facts.reached) {
      bump(this.reached, household, date, sign);
      bump(this.reached, `${memberId}|${household}`, date, sign);
    }
    for (const household of facts.residence) {
      bump(this.residence, household, date, sign);
      bump(this.residence, `${memberId}|${household}`, date, sign);
    }
    for (const member of facts.patrolled) bump(this.patrolled, member, date, sign);
    if (facts.reoffender !== null) this.applyReoffence(teamId, facts.reoffender, date, sign);
    if (facts.agencyReach) bump(this.agencyPeople, facts.agencyReach.agencyId, date, sign * facts.agencyReach.people);
    if (facts.model && sign > 0) this.models.set(id, { ...facts.model, teamId });
    if (facts.model && sign < 0) this.models.delete(id);
  }

  private applyReoffence(teamId: string, person: string, date: string, sign: 1 | -1): void {
    const key = `${teamId}|${person}`;
    bump(this.reoffences, key, date, sign);
    const people = this.reoffendersOfTeam.get(teamId) ?? new Set<string>();
    if (this.reoffences.has(key)) people.add(person);
    else people.delete(person);
    if (people.size > 0) this.reoffendersOfTeam.set(teamId, people);
    else this.reoffendersOfTeam.delete(teamId);
  }

  /**
   * Every index as sorted plain data: two states that count the same things have equal
   * snapshots, however they were built.
   */
  snapshot(): Record<string, unknown> {
    const sortMap = (map: ReadonlyMap<string, unknown>) => [...map.entries()]
      .map(([key, value]): [string, unknown] => [key, value instanceof Map ? sortMap(value) : value instanceof Set ? [...value].sort() : value])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      counters: sortMap(this.counters), reached: sortMap(this.reached), residence: sortMap(this.residence),
      patrolled: sortMap(this.patrolled), reoffences: sortMap(this.reoffences), reoffendersOfTeam: sortMap(this.reoffendersOfTeam),
      agencyPeople: sortMap(this.agencyPeople), models: sortMap(this.models), manual: sortMap(this.manual), places: sortMap(this.places),
    };
  }
}
