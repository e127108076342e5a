/**
 * Commune police's view of their teams: each team with its latest entry on the device and how
 * many entries it logged this month, live from the team's rows (the [teamId+date] index: one
 * step and one count per team).
 */
import { useMemo } from 'react';
import { Link } from 'wouter';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useTeamActivity, type TeamActivity } from '#src/client/db/field-log-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { monthSoFar } from '../month.ts';
import '#src/client/i18n/feature-messages.ts';
import '#src/client/i18n/notebook-messages.ts';

export interface TeamSummary {
  id: string;
  name: string;
}

export function CommuneTeamsPanel({ communeName, teams, today }: {
  communeName: string;
  /** The commune's teams; undefined when the stored session predates team lists. */
  teams: readonly TeamSummary[] | undefined;
  today?: string | undefined;
}) {
  const { t } = useT();
  const period = monthSoFar(today);
  const teamIds = useMemo(() => teams?.map((team) => team.id) ?? [], [teams]);
  const activity = useTeamActivity(teamIds, period.startDay, period.endDay);
  const byTeam = new Map(activity?.map((entry) => [entry.teamId, entry]));
  return (
    <section className="stack" aria-labelledby="commune-teams-title">
      <h2 id="commune-teams-title">{t('oversight.teamsTitle', { commune: communeName })}</h2>
      {teams === undefined ? <p className="alert alert--info">{t('oversight.teamsUnknown')}</p>
        : teams.length === 0 ? <p className="empty">{t('oversight.teamsNone')}</p>
        : (
          <ul className="log-list">
            {teams.map((team) => (
              <li key={team.id} className="card stack-tight">
                <h3 className="card__title">{team.name}</h3>
                <TeamActivityLines activity={activity === undefined ? undefined : byTeam.get(team.id)} teamName={team.name} />
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}

function TeamActivityLines({ activity, teamName }: { activity: TeamActivity | undefined; teamName: string }) {
  const { t } = useT();
  if (activity === undefined) return <p>{t('app.loading')}</p>;
  const { latest } = activity;
  return (
    <>
      <p>{t('oversight.monthCount', { count: activity.countInPeriod })}</p>
      {latest === null ? <p className="card__meta">{t('oversight.noEntries')}</p> : (
        <p>
          {t('oversight.latest')}{' '}
          <Link href={`/nhat-ky/${latest.id}`} className="inline-target"
            aria-label={t('oversight.latestName', { team: teamName, kind: t(`kind.${latest.kind}`), date: formatDay(latest.date) })}>
            {t(`kind.${latest.kind}`)}, {formatDay(latest.date)}
          </Link>
        </p>
      )}
    </>
  );
}
