/**
 * Province staff's view: the communes of the province, each with its number of teams, the
 * entries its teams logged this month and the day of the latest one, live from the teams' rows
 * on the device (one index step and one count per team).
 */
import { useMemo } from 'react';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useTeamActivity, type TeamActivity } from '#src/client/db/field-log-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { monthSoFar } from '../month.ts';
import '#src/client/i18n/feature-messages.ts';

export interface CommuneSummary {
  id: string;
  name: string;
}

export interface ProvinceTeam {
  id: string;
  communeId: string;
}

interface CommuneActivity {
  teamCount: number;
  countInPeriod: number;
  latestDay: string | null;
}

function communeActivity(teams: readonly ProvinceTeam[], activity: readonly TeamActivity[]): Map<string, CommuneActivity> {
  const communeOfTeam = new Map(teams.map((team) => [team.id, team.communeId]));
  const result = new Map<string, CommuneActivity>();
  for (const team of teams) {
    const entry = result.get(team.communeId) ?? { teamCount: 0, countInPeriod: 0, latestDay: null };
    entry.teamCount += 1;
    result.set(team.communeId, entry);
  }
  for (const { teamId, latest, countInPeriod } of activity) {
    const entry = result.get(communeOfTeam.get(teamId) ?? '');
    if (!entry) continue;
    entry.countInPeriod += countInPeriod;
    if (latest && (entry.latestDay === null || latest.date > entry.latestDay)) entry.latestDay = latest.date;
  }
  return result;
}

export function ProvinceCommunesPanel({ provinceName, communes, teams, today }: {
  provinceName: string;
  communes: readonly CommuneSummary[];
  /** The province's teams; undefined when the stored session predates team lists. */
  teams: readonly ProvinceTeam[] | undefined;
  today?: string | undefined;
}) {
  const { t } = useT();
  const period = monthSoFar(today);
  const teamIds = useMemo(() => teams?.map((team) => team.id) ?? [], [teams]);
  const activity = useTeamActivity(teamIds, period.startDay, period.endDay);
  const byCommune = activity && teams ? communeActivity(teams, activity) : undefined;
  return (
    <section className="stack" aria-labelledby="province-communes-title">
      <h2 id="province-communes-title">{t('oversight.communesTitle', { province: provinceName })}</h2>
      {teams === undefined && <p className="alert alert--info">{t('oversight.teamsUnknown')}</p>}
      {communes.length === 0 ? <p className="empty">{t('oversight.communesNone')}</p> : (
        <ul className="log-list">
          {communes.map((commune) => {
            const summary = byCommune?.get(commune.id) ?? { teamCount: 0, countInPeriod: 0, latestDay: null };
            return (
              <li key={commune.id} className="card stack-tight">
                <h3 className="card__title">{commune.name}</h3>
                {teams === undefined ? null : byCommune === undefined ? <p>{t('app.loading')}</p> : (
                  <>
                    <p>{t('oversight.teamCount', { count: summary.teamCount })} · {t('oversight.monthCount', { count: summary.countInPeriod })}</p>
                    <p className="card__meta">
                      {summary.latestDay ? t('oversight.latestDay', { date: formatDay(summary.latestDay) }) : t('oversight.noEntries')}
                    </p>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
