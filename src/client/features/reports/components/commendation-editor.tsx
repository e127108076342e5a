/**
 * One commendation list being prepared: candidates ticked in or out, the quota's breaches named
 * beside the list as they happen, the dossier's documents ticked, Save (synced record) and
 * Print (the list in the administrative layout, alone on A4).
 */
import { useState } from 'react';
import type { CampaignPlan, CommendationQuota } from '#src/shared/domain/campaign-plan.ts';
import { checkQuota, type Commendation, type Nominee } from '#src/shared/domain/commendation.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveCommendation } from '#src/client/db/commendation-repository.ts';
import { useReportsT } from '../report-messages.ts';
import { commendationPeriods, problemText } from '../commendation-periods.ts';
import type { ReportSubject } from '../report-subject.ts';
import { CommendationDocument } from './commendation-document.tsx';
import { requestSync } from '#src/client/sync/sync-runner.ts';

export interface CommendationEditorProps {
  subject: ReportSubject;
  plan: CampaignPlan;
  periodKey: string;
  quota: CommendationQuota;
  candidates: readonly Nominee[];
  existing: Commendation | undefined;
  today: string;
  /** The unit the list is saved for (the commune, or the province for its own list). */
  orgUnitId: string;
  /** Where each candidate comes from (by `subject:refId`), shown beside it: the commune's name. */
  origins?: ReadonlyMap<string, string>;
  /** Whether a new list starts with every candidate ticked (the commune's) or none (the province's). */
  isPreselected?: boolean;
}

function NomineeBox({ nominee, isChecked, onToggle, leaderWord, origin }: { nominee: Nominee; isChecked: boolean; onToggle: () => void; leaderWord: string; origin: string | undefined }) {
  const id = `nominee-${nominee.subject}-${nominee.refId}`;
  return (
    <li className="report-check">
      <input type="checkbox" id={id} checked={isChecked} onChange={onToggle} />
      <label htmlFor={id}>
        <strong>{nominee.name}</strong>{nominee.isLeader ? ` (${leaderWord})` : ''} — {nominee.achievements}{origin ? ` (${origin})` : ''}
      </label>
    </li>
  );
}

export function CommendationEditor({ subject, plan, periodKey, quota, candidates, existing, today, orgUnitId, origins, isPreselected = true }: CommendationEditorProps) {
  const { t } = useReportsT();
  const db = useDatabase();
  const keyOf = (nominee: Pick<Nominee, 'subject' | 'refId'>) => `${nominee.subject}:${nominee.refId}`;
  // A saved list keeps its nominees even when the results no longer give them.
  const all = [...(existing?.nominees ?? []), ...candidates.filter((candidate) => !existing?.nominees.some((kept) => keyOf(kept) === keyOf(candidate)))];
  const [chosen, setChosen] = useState(() => new Set((existing?.nominees ?? (isPreselected ? candidates : [])).map(keyOf)));
  const documents = plan.dossiers.flatMap((dossier) => dossier.documents);
  const [ready, setReady] = useState(() => new Set(existing?.dossier.filter((item) => item.isReady).map((item) => item.document) ?? []));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' } | { kind: 'failed'; reason: string }>({ kind: 'idle' });
  const nominees = all.filter((nominee) => chosen.has(keyOf(nominee)));
  const problems = checkQuota(nominees, quota);
  const toggle = <T,>(set: Set<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const save = async () => {
    try {
      await saveCommendation(db, {
        id: existing?.id ?? uuidv7(), planId: plan.planId, orgUnitId, kind: 'award', periodKey, quotaId: quota.id,
        nominees, dossier: documents.map((document) => ({ document, isReady: ready.has(document) })), preparedBy: subject.reader.userId,
      });
      requestSync('local-change');
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const group = (kind: Nominee['subject'], title: string) => {
    const members = all.filter((nominee) => nominee.subject === kind);
    return (
      <fieldset className="stack-tight">
        <legend>{title}</legend>
        {members.length === 0 ? <p className="empty">{t('commendations.none')}</p> : (
          <ul className="report-checks">{members.map((nominee) => (
            <NomineeBox key={keyOf(nominee)} nominee={nominee} isChecked={chosen.has(keyOf(nominee))} onToggle={() => setChosen(toggle(chosen, keyOf(nominee)))} leaderWord={t('commendations.leader')} origin={origins?.get(keyOf(nominee))} />
          ))}</ul>
        )}
      </fieldset>
    );
  };
  const periodName = commendationPeriods(plan).find(({ key }) => key === periodKey)?.name ?? periodKey;
  const dossier = documents.map((document) => ({ document, isReady: ready.has(document) }));
  const download = async () => {
    try {
      // exceljs is loaded only now, never with the app shell.
      const [{ buildCommendationWorkbook }, { saveBytes }] = await Promise.all([import('../commendation-workbook.ts'), import('../report-workbook.ts')]);
      saveBytes(await buildCommendationWorkbook({ issuer: subject.issuer, plan, award: quota.award, periodName, nominees, dossier, issuedOn: today }), `de-nghi-khen-thuong-${periodKey.replace(/[^A-Za-z0-9-]/g, '-')}.xlsx`);
    } catch {
      setStatus({ kind: 'failed', reason: t('reports.xlsxFailed') });
    }
  };
  return (
    <>
      <form className="card stack report-controls" aria-label={quota.award} onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <p>{t('commendations.limits', { collectives: quota.maxCollectives ?? '—', individuals: quota.maxIndividuals ?? '—', percent: quota.maxLeaderSharePercent ?? 100 })}</p>
        {group('collective', t('commendations.collectives'))}
        {group('individual', t('commendations.individuals'))}
        <div role="status" aria-live="polite" className="stack-tight">
          {problems.length === 0 ? <p className="alert alert--info">{t('commendations.ok')}</p>
            : problems.map((problem) => <p key={problem.kind} className="alert alert--error">{problemText(problem, t)}</p>)}
        </div>
        {plan.dossiers.map((dossier) => (
          <fieldset key={dossier.id} className="stack-tight">
            <legend>{t('commendations.dossier', { copies: dossier.copies ?? 1 })}</legend>
            <ul className="report-checks">{dossier.documents.map((document, index) => (
              <li key={document} className="report-check">
                <input type="checkbox" id={`dossier-${dossier.id}-${index}`} checked={ready.has(document)} onChange={() => setReady(toggle(ready, document))} />
                <label htmlFor={`dossier-${dossier.id}-${index}`}>{document}</label>
              </li>
            ))}</ul>
          </fieldset>
        ))}
        <div className="report-actions__buttons">
          <button type="submit" className="button button--primary">{t('commendations.save')}</button>
          <button type="button" className="button" onClick={() => window.print()}>{t('reports.print')}</button>
          <button type="button" className="button" onClick={() => void download()}>{t('reports.downloadXlsx')}</button>
        </div>
        {status.kind === 'saved' && <p className="alert alert--info" role="status">{t('commendations.saved')}</p>}
        {status.kind === 'failed' && <p className="alert alert--error" role="alert">{t('commendations.saveFailed', { reason: status.reason })}</p>}
      </form>
      <CommendationDocument issuer={subject.issuer} plan={plan} award={quota.award} periodName={periodName} nominees={nominees}
        dossier={dossier} issuedOn={today} />
    </>
  );
}
