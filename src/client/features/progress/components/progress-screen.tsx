/**
 * `/tien-do`: progress toward the running campaign plan, per role, through the shared engine.
 * A member sees their month and phase; a leader the team per indicator with each member's part;
 * commune police every team of the commune in one sortable table (all on the phone, offline);
 * province staff every commune, computed by the server. Each view says how complete it is.
 */
import { useId, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { completenessOf } from '#src/shared/progress/completeness.ts';
import type { ScopeRef } from '#src/shared/progress/org-index.ts';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { useSession } from '#src/client/db/session-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useCompleteness } from '../hooks/use-completeness.ts';
import { spanOfBoard, useProgressBoard, type ProgressBoard } from '../hooks/use-progress-board.ts';
import { CommuneProgress } from './commune-progress.tsx';
import { CompletenessNote } from './completeness-note.tsx';
import { MemberProgress } from './member-progress.tsx';
import { ProvinceProgress } from './province-progress.tsx';
import { TeamProgress } from './team-progress.tsx';
import '#src/client/i18n/feature-messages.ts';

const communeOf = (profile: Profile) => profile.orgUnits.find((unit) => unit.kind === 'commune') ?? null;

function supervisedTeams(profile: Profile): { id: string; name: string }[] {
  if (profile.team) return [profile.team];
  const commune = communeOf(profile);
  return (profile.teams ?? []).filter((team) => !commune || team.communeId === commune.id);
}

function scopeOf(profile: Profile): ScopeRef | null {
  const role = profile.user.role;
  if (role === 'member') return { level: 'member', id: profile.user.id };
  if (role === 'leader') return profile.team ? { level: 'team', id: profile.team.id } : null;
  const commune = communeOf(profile);
  return role === 'commune-police' && commune ? { level: 'commune', id: commune.id } : null;
}

function Completeness({ board, profile, today }: { board: ProgressBoard; profile: Profile; today: string }) {
  const teams = supervisedTeams(profile);
  const source = useCompleteness(profile.user.role, teams.map((team) => team.id));
  const scope = scopeOf(profile);
  if (!source || !scope) return null;
  const completeness = completenessOf(board.state, board.state.org.resolve(scope), spanOfBoard(board.plan, today), source.input);
  return <CompletenessNote completeness={completeness} names={board.inputs.names} staleAfterDays={3} reportedAt={source.reportedAt} />;
}

function RoleView({ board, profile, today }: { board: ProgressBoard; profile: Profile; today: string }) {
  const session = useSession();
  const role = profile.user.role;
  if (role === 'province-admin') return session ? <ProvinceProgress plan={board.plan} token={session.token ?? null} today={today} /> : null;
  return (
    <>
      {role === 'member' && <MemberProgress board={board} memberId={profile.user.id} today={today} />}
      {role === 'leader' && profile.team && <TeamProgress board={board} teamId={profile.team.id} today={today} />}
      {role === 'commune-police' && <CommuneProgress board={board} communeId={communeOf(profile)?.id ?? null} teams={supervisedTeams(profile)} today={today} />}
      <Completeness board={board} profile={profile} today={today} />
    </>
  );
}

export function ProgressScreen({ profile, today = dayInVietnam() }: ScreenProps & { today?: string }) {
  const { t } = useT();
  const selectId = useId();
  const [planId, setPlanId] = useState<string | null>(null);
  const { board, plans } = useProgressBoard(planId, today);
  return (
    <section className="stack" aria-labelledby="board-title">
      <h1 id="board-title" tabIndex={-1}>{t('board.title')}</h1>
      {plans.length > 1 && (
        <div className="field">
          <label htmlFor={selectId} className="field__label">{t('board.choosePlan')}</label>
          <select id={selectId} value={board?.plan.planId ?? ''} onChange={(event) => setPlanId(event.target.value)}>
            {plans.map((plan) => <option key={plan.planId} value={plan.planId}>{plan.name}</option>)}
          </select>
        </div>
      )}
      {board === undefined ? <p>{t('app.loading')}</p> : board === null ? <p className="empty">{t('board.noPlan')}</p> : (
        <>
          <p className="card__meta">{board.plan.name}</p>
          <RoleView board={board} profile={profile} today={today} />
        </>
      )}
    </section>
  );
}
