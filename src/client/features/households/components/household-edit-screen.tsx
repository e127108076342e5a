/**
 * `/ho-gia-dinh/moi` and `/ho-gia-dinh/<id>`: add or edit a household (leaders and commune
 * police), and merge a duplicate into the household that is kept. Saves go through putRecord;
 * the shared schema's Vietnamese messages stand beside the fields.
 */
import '../households.css';
import { useState, type FormEvent } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import type { Household } from '#src/shared/domain/household.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveHousehold, useHouseholdsByIds } from '#src/client/db/household-repository.ts';
import { RecordValidationError } from '#src/client/db/record-repository.ts';
import { Field } from '#src/client/components/field.tsx';
import { Link } from 'wouter';
import { navigate } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { canEditHouseholds } from '../households-access.ts';
import { HouseholdMerge } from './household-merge.tsx';
import '#src/client/i18n/feature-messages.ts';
import '#src/client/i18n/notebook-messages.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';

interface HouseholdInput {
  hamletId: string;
  headName: string;
  address: string;
  memberCount: string;
  isRentalHousing: boolean;
  hasConditionalBusiness: boolean;
}

export function HouseholdEditScreen({ profile, householdId }: { profile: Profile; householdId?: string }) {
  const { t } = useT();
  const found = useHouseholdsByIds(householdId ? [householdId] : []);
  if (!canEditHouseholds(profile)) return <p className="alert alert--info">{t('households.readOnly')}</p>;
  if (householdId === undefined) return <HouseholdForm key="new" profile={profile} existing={null} />;
  if (found === undefined) return <p>{t('app.loading')}</p>;
  const existing = found.get(householdId);
  if (!existing) {
    return (
      <section className="stack">
        <h1 tabIndex={-1}>{t('households.notFound')}</h1>
        <Link href="/ho-gia-dinh" className="button">{t('import.back')}</Link>
      </section>
    );
  }
  return (
    <>
      <HouseholdForm key={existing.id} profile={profile} existing={existing} />
      {!existing.mergedIntoId && <HouseholdMerge profile={profile} duplicate={existing} />}
    </>
  );
}

function HouseholdForm({ profile, existing }: { profile: Profile; existing: Household | null }) {
  const { t } = useT();
  const db = useDatabase();
  const [input, setInput] = useState<HouseholdInput>(() => ({
    hamletId: existing?.hamletId ?? profile.hamlets[0]?.id ?? '',
    headName: existing?.headName ?? '',
    address: existing?.address ?? '',
    memberCount: existing ? String(existing.memberCount) : '',
    isRentalHousing: existing?.isRentalHousing ?? false,
    hasConditionalBusiness: existing?.hasConditionalBusiness ?? false,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = <K extends keyof HouseholdInput>(key: K, value: HouseholdInput[K]) => setInput((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const count = input.memberCount.trim();
    if (count !== '' && !/^\d+$/.test(count)) return setErrors({ memberCount: t('error.number') });
    try {
      await saveHousehold(db, {
        ...(existing ?? { id: uuidv7(), mergedIntoId: null }),
        ...input, memberCount: count === '' ? 0 : Number(count),
      });
      requestSync('local-change');
      navigate('/ho-gia-dinh', { force: true });
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      setErrors(error.fields);
      const first = ['headName', 'address', 'memberCount'].find((key) => error.fields[key]);
      if (first) document.getElementById(`household-${first}`)?.focus();
    }
  }

  return (
    <section className="stack" aria-labelledby="household-title">
      <h1 id="household-title" tabIndex={-1}>{existing ? t('households.edit', { name: existing.headName }) : t('households.newTitle')}</h1>
      <form className="stack" noValidate onSubmit={submit}>
        {profile.hamlets.length > 1 && (
          <Field id="household-hamletId" label={t('households.hamlet')} error={errors.hamletId}>
            {(control) => (
              <select {...control} value={input.hamletId} onChange={(event) => update('hamletId', event.target.value)}>
                {profile.hamlets.map((hamlet) => <option key={hamlet.id} value={hamlet.id}>{hamlet.name}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field id="household-headName" label={t('households.headName')} error={errors.headName}>
          {(control) => <input {...control} type="text" value={input.headName} onChange={(event) => update('headName', event.target.value)} />}
        </Field>
        <Field id="household-address" label={t('households.address')} error={errors.address}>
          {(control) => <input {...control} type="text" value={input.address} onChange={(event) => update('address', event.target.value)} />}
        </Field>
        <Field id="household-memberCount" label={t('households.memberCount')} error={errors.memberCount}>
          {(control) => <input {...control} type="text" inputMode="numeric" className="input--short" value={input.memberCount}
            onChange={(event) => update('memberCount', event.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={input.isRentalHousing} onChange={(event) => update('isRentalHousing', event.target.checked)} />
          <span>{t('households.isRentalHousing')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={input.hasConditionalBusiness} onChange={(event) => update('hasConditionalBusiness', event.target.checked)} />
          <span>{t('households.hasConditionalBusiness')}</span>
        </label>
        <div className="actions">
          <button type="submit" className="button button--primary">{t('households.save')}</button>
          <Link href="/ho-gia-dinh" className="button">{t('households.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
