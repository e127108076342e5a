/** The team's newest entries, whoever wrote them (the leader's home), live from the device. */
import { useState } from 'react';
import { useTeamLogs } from '#src/client/db/field-log-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { TeamLogList } from './team-log-list.tsx';

const PAGE_SIZE = 10;

export function TeamEntriesPanel({ teamId, teamName, userId, highlightId }: {
  teamId: string;
  teamName: string;
  userId: string;
  highlightId: string | null;
}) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const page = useTeamLogs(teamId, limit);
  return (
    <section className="stack" aria-labelledby="team-entries-title">
      <h2 id="team-entries-title">{t('team.entriesTitle', { team: teamName })}</h2>
      <TeamLogList page={page} empty={t('team.entriesEmpty')} userId={userId} highlightId={highlightId}
        onMore={() => setLimit((current) => current + PAGE_SIZE)} />
    </section>
  );
}
