/**
 * `/ke-hoach` and `/ke-hoach/:planId`: the plans on this device, starting a new one (from a
 * seed template, empty, or a JSON file), and editing one. Saving publishes a new version of the
 * plan as a synced record (putRecord: record and outbox entry in one transaction); the older
 * versions stay, with the results computed with them.
 */
import { useState } from 'react';
import type { OrgUnitSummary, Profile } from '#src/shared/domain/account.ts';
import { contentOf, type CampaignPlan, type CampaignPlanContent } from '#src/shared/domain/campaign-plan.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { publishPlanVersion, useCurrentPlans, usePlanVersions } from '#src/client/db/campaign-plan-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { Link } from 'wouter';
import { navigate } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { usePlanEditorStore } from '../plan-editor-store.ts';
import { draftOf } from '../plan-draft.ts';
import { PlanEditor } from './plan-editor.tsx';
import { PlanStart, type OpenedDraft } from './plan-start.tsx';
import '#src/client/i18n/plan-messages.ts';

export interface PlansScreenProps {
  profile: Profile;
  planId?: string | undefined;
  /** The URL of a plan's editor, and of the list (the app owns its routes). */
  hrefOfPlan: (planId: string) => string;
  listHref: string;
}

const PLAN_UNIT_KINDS = new Set(['province', 'district', 'commune']);

/** The units this user may publish plans for: the province, district or commune of their account. */
function planUnits(profile: Profile, plan?: CampaignPlan): OrgUnitSummary[] {
  const units = profile.orgUnits.filter((unit) => PLAN_UNIT_KINDS.has(unit.kind));
  if (plan && !units.some((unit) => unit.id === plan.orgUnitId)) units.push({ id: plan.orgUnitId, name: plan.issuer || plan.orgUnitId, kind: 'province' });
  return units;
}

export function PlansScreen(props: PlansScreenProps) {
  const { t } = useT();
  const notice = usePlanEditorStore((state) => state.notice);
  return (
    <section className="stack" aria-labelledby="plans-title">
      <h1 id="plans-title" tabIndex={-1}>{props.planId ? t('plans.editTitle') : t('plans.title')}</h1>
      {notice && <p role="status" className="alert alert--info">{notice}</p>}
      {props.planId ? <ExistingPlan {...props} planId={props.planId} /> : <PlansHome {...props} />}
    </section>
  );
}

function useSave(profile: Profile, planId: string | null, templateId: string | null, hrefOfPlan: (id: string) => string) {
  const db = useDatabase();
  const { t } = useT();
  const showNotice = usePlanEditorStore((state) => state.showNotice);
  return async (content: CampaignPlanContent, orgUnitId: string): Promise<void> => {
    const plan = await publishPlanVersion(db, { content, planId, orgUnitId, templateId });
    requestSync('local-change');
    showNotice(t('plans.saved', { version: plan.version }));
    if (!planId) navigate(hrefOfPlan(plan.planId), { replace: true, force: true });
  };
}

function PlansHome({ profile, hrefOfPlan, listHref }: PlansScreenProps) {
  const { t } = useT();
  const plans = useCurrentPlans();
  const clearNotice = usePlanEditorStore((state) => state.clearNotice);
  const [opened, setOpened] = useState<OpenedDraft | null>(null);
  const save = useSave(profile, null, opened?.templateId ?? null, hrefOfPlan);
  if (opened) {
    const units = planUnits(profile);
    return (
      <>
        {Object.keys(opened.errors).length > 0 && <p className="alert alert--info">{t('plans.imported')}</p>}
        <PlanEditor initial={opened.draft} initialErrors={opened.errors} units={units} initialOrgUnitId={defaultUnit(units)}
          onSave={save} onCancel={() => { setOpened(null); navigate(listHref); }} />
      </>
    );
  }
  return (
    <>
      <section className="card stack" aria-labelledby="plans-list-title">
        <h2 id="plans-list-title">{t('plans.listTitle')}</h2>
        {plans === undefined ? (
          // As tall as one plan (name, then its details), so the card below does not jump when the list arrives.
          <ul className="plan-list" aria-busy="true">
            <li><span className="plan-list__loading">{t('app.loading')}</span><p className="card__meta" aria-hidden="true">&nbsp;</p></li>
          </ul>
        ) : plans.length === 0 ? <p>{t('plans.empty')}</p> : (
          <ul className="plan-list">
            {plans.map((plan) => (
              <li key={plan.id}>
                <Link href={hrefOfPlan(plan.planId)} aria-label={t('plans.edit', { name: plan.name })}>{plan.name}</Link>
                <p className="card__meta">
                  {[plan.issuer, plan.documentNumber, `${formatDay(plan.startDay)} – ${formatDay(plan.endDay)}`, t('plans.version', { version: plan.version })].filter(Boolean).join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PlanStart onOpen={(next) => { clearNotice(); setOpened(next); }} />
    </>
  );
}

function defaultUnit(units: readonly OrgUnitSummary[]): string {
  return (units.find((unit) => unit.kind === 'province') ?? units[0])?.id ?? '';
}

function ExistingPlan({ profile, planId, hrefOfPlan, listHref }: PlansScreenProps & { planId: string }) {
  const { t } = useT();
  const versions = usePlanVersions(planId);
  const latest = versions?.[0];
  const save = useSave(profile, planId, latest?.templateId ?? null, hrefOfPlan);
  if (versions === undefined) return <p>{t('app.loading')}</p>;
  if (!latest) {
    return (
      <>
        <p className="alert alert--info">{t('plans.notFound')}</p>
        <Link href={listHref} className="button">{t('plans.cancel')}</Link>
      </>
    );
  }
  return (
    <>
      <p>{t('plans.currentVersion', { version: latest.version, next: latest.version + 1 })}</p>
      <PlanEditor key={latest.id} initial={draftOf(contentOf(latest))} units={planUnits(profile, latest)} initialOrgUnitId={latest.orgUnitId}
        onSave={save} onCancel={() => navigate(listHref)} />
    </>
  );
}
