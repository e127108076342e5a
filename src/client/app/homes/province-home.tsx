/** Province staff's home: the province's communes with their teams' activity. */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { ProvinceCommunesPanel } from '#src/client/features/oversight/components/province-communes-panel.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { MoreWork } from './more-work.tsx';

export function ProvinceHome({ profile }: ScreenProps) {
  const { t } = useT();
  const province = profile.orgUnits.find((unit) => unit.kind === 'province');
  const communes = profile.orgUnits.filter((unit) => unit.kind === 'commune');
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <ProvinceCommunesPanel provinceName={province?.name ?? ''} communes={communes} teams={profile.teams} />
      <MoreWork profile={profile} />
    </div>
  );
}
