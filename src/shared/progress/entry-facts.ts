/**
 * What one entry contributes to progress, worked out once when the entry is applied: the
 * counters it adds to, the households it reached, the members who patrolled, and so on. The
 * engine state keeps each entry's facts, so a changed or deleted entry takes back exactly what
 * it added, without rescanning anything.
 *
 * Counter keys (per team and per member, by day):
 * - `kind:<kind>`: every counted entry;
 * - `attendance:incident`, `attendance:incident:<type>`, `attendance:mobilisation`, and the same
 *   with `attendance-prompt:`: incidents and mobilisations, and those attended promptly
 *   (arrival − report or call ≤ the commune's minutes; an arrival before the report counts as
 *   prompt, no arrival as not prompt);
 * - `tip-passed`: tips passed to commune police;
 * - `event:serious-traffic-accident`: serious traffic incidents.
 */
import { closeStanding, type MonthClose } from '../domain/month-close.ts';
import { foldDiacritics } from '../domain/text.ts';
import type { OrgIndex } from './org-index.ts';
import type { EngineOptions, ProgressEntry } from './progress-input.ts';

export interface ModelFact {
  modelKind: string;
  startedOn: string;
  /** The day it was recognised, or null while it is not. */
  recognisedOn: string | null;
}

export interface EntryFacts {
  teamId: string;
  memberId: string;
  date: string;
  counterKeys: string[];
  /** Households (as counted: merged duplicates resolved) reached by outreach. */
  reached: string[];
  /** Households whose residence information reached commune police. */
  residence: string[];
  /** Members who took part in a patrol: the participants and the author. */
  patrolled: string[];
  /** The person, folded, when a reintegration visit observed a re-offence. */
  reoffender: string | null;
  model: ModelFact | null;
  agencyReach: { agencyId: string; people: number } | null;
}

const MINUTE_MS = 60_000;

/** A closed team-month as the engine reads it. */
export type ClosedMonth = Pick<MonthClose, 'teamId' | 'month' | 'status' | 'covered' | 'updatedAt'>;

function isPrompt(fromInstant: string, arrivedAt: string | null, minutes: number): boolean {
  if (arrivedAt === null) return false;
  const delay = Date.parse(arrivedAt) - Date.parse(fromInstant);
  return Number.isFinite(delay) && delay <= minutes * MINUTE_MS;
}

function roots(org: OrgIndex, householdIds: readonly string[]): string[] {
  const found = new Set<string>();
  for (const id of householdIds) {
    const root = org.householdRoot(id);
    if (root) found.add(root);
  }
  return [...found];
}

/**
 * Whether the entry counts at all under the options: returned entries never do, and in a month
 * its leader closed only the entries signed off at their signed version (late ones wait).
 */
export function isCounted(entry: ProgressEntry, options: EngineOptions, closed?: ReadonlyMap<string, ClosedMonth>): boolean {
  const status = entry.reviewStatus ?? 'pending';
  const isStatusCounted = options.isApprovedOnly ? status === 'approved' : status !== 'returned';
  return isStatusCounted && (!closed || closeStanding(entry, closed) !== 'late');
}

/** The facts an entry contributes, resolving households through merges and judging promptness with its commune's minutes. */
export function factsOf(entry: ProgressEntry, org: OrgIndex): EntryFacts {
  const facts: EntryFacts = {
    teamId: entry.teamId, memberId: entry.memberId, date: entry.date,
    counterKeys: [`kind:${entry.kind}`], reached: [], residence: [], patrolled: [], reoffender: null, model: null, agencyReach: null,
  };
  const minutes = () => org.promptMinutesOfTeam(entry.teamId);
  switch (entry.kind) {
    case 'outreach':
      facts.reached = roots(org, entry.householdIds);
      if (entry.agencyId) facts.agencyReach = { agencyId: entry.agencyId, people: entry.peopleReached };
      break;
    case 'patrol':
      facts.patrolled = [...new Set([entry.memberId, ...entry.participantIds])];
      break;
    case 'incident': {
      const kinds = ['incident', `incident:${entry.incidentType}`];
      facts.counterKeys.push(...kinds.map((kind) => `attendance:${kind}`));
      if (isPrompt(entry.reportedAt, entry.arrivedAt, minutes())) facts.counterKeys.push(...kinds.map((kind) => `attendance-prompt:${kind}`));
      if (entry.incidentType === 'traffic' && entry.isSerious) facts.counterKeys.push('event:serious-traffic-accident');
      break;
    }
    case 'mobilisation':
      facts.counterKeys.push('attendance:mobilisation');
      if (isPrompt(entry.calledAt, entry.arrivedAt, minutes())) facts.counterKeys.push('attendance-prompt:mobilisation');
      break;
    case 'tip':
      if (entry.passedToPoliceAt) facts.counterKeys.push('tip-passed');
      break;
    case 'residence-report':
      if (entry.passedToPoliceAt) facts.residence = roots(org, [entry.householdId]);
      break;
    case 'reintegration-visit':
      if (entry.reoffenceObserved) facts.reoffender = foldDiacritics(entry.personName);
      break;
    case 'model':
      facts.model = { modelKind: entry.modelKind, startedOn: entry.startedOn, recognisedOn: entry.recognisedBy.trim() ? (entry.recognisedOn ?? entry.date) : null };
      break;
    case 'good-deed':
      break;
  }
  return facts;
}
