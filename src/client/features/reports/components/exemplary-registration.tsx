/**
 * Exemplary-unit registration (đăng ký xây dựng điển hình, seed 002): the units of the user's
 * area registering this year (at least one commune and one agency, enterprise or school, each
 * gap named), the plan's deadlines of the year with the days left, and a warning when a
 * registration deadline is within 30 days and nothing is registered yet. Saved as the synced
 * commendation record of kind `exemplary` for the year.
 */
import { useState } from 'react';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { checkExemplary, type Commendation, type Nominee } from '#src/shared/domain/commendation.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';
import { daysUntil, deadlinesOfYear, isNear } from '#src/shared/progress/deadlines.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveCommendation, useCommendations, useRegistrableUnits } from '#src/client/db/commendation-repository.ts';
import { useReportsT } from '../report-messages.ts';
import { problemText } from '../commendation-periods.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';

const unitKindOf = (kind: OrgUnit['kind']): Nominee['unitKind'] =>
  kind === 'commune' || kind === 'agency' || kind === 'enterprise' || kind === 'school' ? kind : null;

export function ExemplaryRegistration({ plan, unitId, userId, today }: { plan: CampaignPlan; unitId: string; userId: string; today: string }) {
  const { t } = useReportsT();
  const year = Number(today.slice(0, 4));
  const periodKey = `year:${year}`;
  const lists = useCommendations(plan.planId);
  const units = useRegistrableUnits(unitId);
  if (!lists || !units) return <p>{t('app.loading')}</p>;
  const existing = lists.find((list) => list.kind === 'exemplary' && list.periodKey === periodKey && list.orgUnitId === unitId);
  return <Registration key={periodKey} plan={plan} unitId={unitId} userId={userId} today={today} year={year} units={units} existing={existing} />;
}

function Registration({ plan, unitId, userId, today, year, units, existing }: {
  plan: CampaignPlan; unitId: string; userId: string; today: string; year: number; units: readonly OrgUnit[]; existing: Commendation | undefined;
}) {
  const { t } = useReportsT();
  const db = useDatabase();
  const [chosen, setChosen] = useState(() => new Set(existing?.nominees.map((nominee) => nominee.refId) ?? []));
  const [isSaved, setSaved] = useState(false);
  const nominees: Nominee[] = units.filter((unit) => chosen.has(unit.id)).map((unit) => ({ subject: 'unit', refId: unit.id, name: unit.name, unitKind: unitKindOf(unit.kind), isLeader: false, achievements: '' }));
  const problems = checkExemplary(nominees);
  const deadlines = deadlinesOfYear(plan, year);
  const isRegistered = (existing?.nominees.length ?? 0) > 0;
  const near = deadlines.filter(({ deadline, day }) => deadline.kind === 'registration' && isNear(today, day));
  const save = async () => {
    await saveCommendation(db, { id: existing?.id ?? uuidv7(), planId: plan.planId, orgUnitId: unitId, kind: 'exemplary', periodKey: `year:${year}`, quotaId: null, nominees, dossier: existing?.dossier ?? [], preparedBy: userId });
    requestSync('local-change');
    setSaved(true);
  };
  return (
    <form className="card stack report-controls" aria-labelledby="exemplary-title" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <h2 id="exemplary-title">{t('exemplary.title', { year })}</h2>
      {!isRegistered && near.map(({ deadline, day }) => (
        <p key={deadline.id} className="alert alert--error" role="alert">{t('exemplary.warning', { date: formatDay(day), days: daysUntil(today, day), label: deadline.label })}</p>
      ))}
      {deadlines.length > 0 && (
        <section aria-labelledby="exemplary-deadlines">
          <h3 id="exemplary-deadlines">{t('exemplary.deadlines')}</h3>
          <ul>{deadlines.map(({ deadline, day }) => {
            const left = daysUntil(today, day);
            return <li key={`${deadline.id}-${day}`}>{`${formatDay(day)}: ${deadline.label} — `}{left < 0 ? t('exemplary.passed') : t('exemplary.daysLeft', { days: left })}</li>;
          })}</ul>
        </section>
      )}
      <fieldset className="stack-tight">
        <legend>{t('exemplary.units')}</legend>
        {units.length === 0 ? <p className="empty">{t('exemplary.noUnits')}</p> : (
          <ul className="report-checks">{units.map((unit) => (
            <li key={unit.id} className="report-check">
              <input type="checkbox" id={`exemplary-${unit.id}`} checked={chosen.has(unit.id)} onChange={() => {
                const next = new Set(chosen);
                if (next.has(unit.id)) next.delete(unit.id);
                else next.add(unit.id);
                setChosen(next);
                setSaved(false);
              }} />
              <label htmlFor={`exemplary-${unit.id}`}>{unit.name}</label>
            </li>
          ))}</ul>
        )}
      </fieldset>
      <div role="status" aria-live="polite" className="stack-tight">
        {problems.map((problem) => <p key={problem.kind} className="alert alert--error">{problemText(problem, t)}</p>)}
      </div>
      <button type="submit" className="button button--primary">{t('exemplary.save')}</button>
      {isSaved && <p className="alert alert--info" role="status">{t('commendations.saved')}</p>}
    </form>
  );
}
