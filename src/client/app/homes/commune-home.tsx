/** Commune police's home: the commune's teams with their latest activity. */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { CommuneTeamsPanel } from '#src/client/features/oversight/components/commune-teams-panel.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { MoreWork } from './more-work.tsx';

export function CommuneHome({ profile }: ScreenProps) {
  const { t } = useT();
  const commune = profile.orgUnits.find((unit) => unit.kind === 'commune');
  const teams = commune ? profile.teams?.filter((team) => team.communeId === commune.id) : profile.teams;
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <CommuneTeamsPanel communeName={commune?.name ?? ''} teams={teams} />
      <MoreWork profile={profile} />
    </div>
  );
}
