/** The values entered for the plan's keys on this phone, newest days first, with who they are for. */
import type { Profile } from '#src/shared/domain/account.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useManualValues } from '#src/client/db/plan-input-repository.ts';
import { formatNumber, useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';

export function ManualValueList({ plan, profile }: { plan: CampaignPlan; profile: Profile }) {
  const { t, language } = useT();
  const values = useManualValues(plan.manualInputs.map((input) => input.key));
  if (!values || values.length === 0) return null;
  const labelOf = (key: string) => plan.manualInputs.find((input) => input.key === key)?.label ?? key;
  const placeOf = (unitId: string, teamId: string | null) =>
    (teamId ? profile.teams?.find((team) => team.id === teamId)?.name : undefined) ?? profile.orgUnits.find((unit) => unit.id === unitId)?.name ?? '';
  return (
    <section className="stack" aria-labelledby="manual-values-title">
      <h2 id="manual-values-title">{t('planInputs.listTitle')}</h2>
      <ul className="log-list">
        {values.map((value) => (
          <li key={value.id} className="card stack-tight">
            <p className="card__title">{labelOf(value.key)}: {formatNumber(value.value, language)}</p>
            <p className="card__meta">{placeOf(value.orgUnitId, value.teamId)} · {formatDay(value.startDay)} – {formatDay(value.endDay)}</p>
            {value.note && <p>{value.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
