/**
 * `/thiet-bi`: "Thiết bị đã đăng nhập". Everyone sees their own signed-in devices and can sign
 * any other one out (a lost phone). A team leader also sees the devices of the team's members
 * (the roster comes from the synced `team` record, so the list of names works offline) and can
 * sign them out. Online only: offline, the screen says so instead of failing.
 */
import { useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { adminPaths, pathFor } from '#src/shared/domain/admin.ts';
import { useTeam } from '#src/client/db/org-repository.ts';
import { SessionsPanel } from '#src/client/components/session-list.tsx';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';

function TeamDevices({ teamId, selfId, token }: { teamId: string; selfId: string; token: string | null }) {
  const { t } = useT();
  const team = useTeam(teamId);
  const [memberId, setMemberId] = useState('');
  if (team === undefined) return null;
  const members = (team?.members ?? []).filter((member) => member.userId !== selfId);
  return (
    <section className="card stack" aria-labelledby="team-devices-title">
      <h2 id="team-devices-title">{t('devices.team')}</h2>
      {team === null ? <p>{t('devices.noRoster')}</p> : (
        <div className="field">
          <label htmlFor="team-devices-member" className="field__label">{t('devices.teamMember')}</label>
          <select id="team-devices-member" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
            <option value="">{t('devices.chooseMember')}</option>
            {members.map((member) => <option key={member.userId} value={member.userId}>{member.displayName}</option>)}
          </select>
        </div>
      )}
      {memberId && <SessionsPanel key={memberId} token={token} listPath={pathFor(adminPaths.accountSessions, memberId)} endPath={(id) => pathFor(adminPaths.session, id)} revokePath={(id) => pathFor(adminPaths.sessionRevoke, id)} />}
    </section>
  );
}

export function DevicesScreen({ profile, token }: { profile: Profile; token: string | null }) {
  const { t } = useT();
  const isOnline = useOnlineStatus();
  return (
    <section className="stack" aria-labelledby="devices-title">
      <h1 id="devices-title" tabIndex={-1}>{t('devices.title')}</h1>
      <p>{t('devices.intro')}</p>
      {!isOnline ? <p className="alert alert--info">{t('devices.onlineOnly')}</p> : (
        <>
          <SessionsPanel token={token} listPath={adminPaths.mySessions} endPath={(id) => pathFor(adminPaths.mySession, id)} />
          {profile.user.role === 'leader' && profile.team && <TeamDevices teamId={profile.team.id} selfId={profile.user.id} token={token} />}
        </>
      )}
    </section>
  );
}
