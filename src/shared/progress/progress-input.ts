/**
 * What the progress engine reads, as plain shapes the caller fills from wherever it holds the
 * data (the phone's Dexie tables, the server's records): entries of the `fieldLog` collection,
 * the organisation (units, teams, households), values entered by hand and teams' own targets.
 *
 * The entry shapes name only the fields the engine reads, so that every kind's full record
 * (src/shared/domain, one schema per kind) is assignable to them; kinds the engine does not
 * count pass through untouched.
 */
import type { MonthClose } from '../domain/month-close.ts';
import type { ReviewStatus } from '../domain/review.ts';

interface EntryBase {
  id: string;
  teamId: string;
  /** The author (tổ viên). */
  memberId: string;
  /** The Vietnamese day the work happened, `yyyy-MM-dd`. */
  date: string;
  reviewStatus?: ReviewStatus;
  /** The version's last content change (closed months count the version the leader signed). */
  updatedAt?: string;
}

export interface OutreachInput extends EntryBase {
  kind: 'outreach';
  householdIds: readonly string[];
  /** Outreach to an agency, enterprise or school: `peopleReached` counts its staff or students. */
  agencyId?: string | null;
  peopleReached: number;
}
export interface PatrolInput extends EntryBase {
  kind: 'patrol';
  participantIds: readonly string[];
}
export interface IncidentInput extends EntryBase {
  kind: 'incident';
  incidentType: string;
  reportedAt: string;
  arrivedAt: string | null;
  isSerious?: boolean;
}
export interface MobilisationInput extends EntryBase {
  kind: 'mobilisation';
  calledAt: string;
  arrivedAt: string | null;
}
export interface TipInput extends EntryBase {
  kind: 'tip';
  passedToPoliceAt: string | null;
}
export interface ResidenceReportInput extends EntryBase {
  kind: 'residence-report';
  householdId: string;
  passedToPoliceAt: string | null;
}
export interface ReintegrationVisitInput extends EntryBase {
  kind: 'reintegration-visit';
  personName: string;
  reoffenceObserved?: boolean;
}
export interface ModelInput extends EntryBase {
  kind: 'model';
  modelKind: string;
  /** The day the model started. */
  startedOn: string;
  recognisedBy: string;
  recognisedOn: string | null;
}
export interface GoodDeedInput extends EntryBase {
  kind: 'good-deed';
}

/** An entry of the `fieldLog` collection, as far as progress is concerned. */
export type ProgressEntry =
  | OutreachInput
  | PatrolInput
  | IncidentInput
  | MobilisationInput
  | TipInput
  | ResidenceReportInput
  | ReintegrationVisitInput
  | ModelInput
  | GoodDeedInput;

export type UnitKind = 'province' | 'district' | 'commune' | 'hamlet' | 'agency';

/** An org unit (orgUnit collection). `promptMinutes` is the commune's setting (default 30). */
export interface UnitInput {
  id: string;
  kind: UnitKind;
  parentId: string | null;
  settings?: { promptMinutes?: number | null } | null;
}

/** A team (team collection): its commune, the hamlets it covers and its members' account ids. */
export interface TeamInput {
  id: string;
  communeId: string;
  hamletIds: readonly string[];
  memberIds: readonly string[];
}

/** A household; one merged into another (`mergedIntoId`) counts as that one. */
export interface HouseholdInput {
  id: string;
  hamletId: string;
  mergedIntoId?: string | null;
}

/** The organisation the caller passes in: units, teams with their hamlets and members, households. */
export interface OrgInput {
  units: readonly UnitInput[];
  teams: readonly TeamInput[];
  households: readonly HouseholdInput[];
}

export interface EngineOptions {
  /**
   * Count only entries the team leader approved (month close, reports). By default every entry
   * counts except those the leader returned: they count again once resubmitted.
   */
  isApprovedOnly?: boolean;
  /**
   * The leaders' month closes (month-close.ts): in a closed team-month only the entries signed
   * off at their signed version count; late ones wait for the leader. A change of closes means
   * building a new state.
   */
  monthCloses?: Iterable<Pick<MonthClose, 'teamId' | 'month' | 'status' | 'covered' | 'updatedAt'>>;
}

/** Minutes within which the force counts as present promptly when the commune sets none. */
export const DEFAULT_PROMPT_MINUTES = 30;
