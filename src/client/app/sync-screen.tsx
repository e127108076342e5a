import type { RejectionRow } from '#src/client/db/database.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { navigate } from '#src/client/components/navigation.ts';
import { SyncDetailsScreen } from '#src/client/features/sync-status/components/sync-details-screen.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { canFixRefusal, draftFromRefusal, fixReplacesDraft } from './refusal-fix.ts';

/** `/dong-bo`: the sync details, with "Sửa lại" on refused entries opening their form (refusal-fix.ts). */
export function SyncScreen({ profile }: ScreenProps) {
  const db = useDatabase();
  const { t } = useT();
  const fixFor = (refusal: RejectionRow) => (canFixRefusal(refusal, profile)
    ? async () => {
      if ((await fixReplacesDraft(db, refusal, profile)) && !window.confirm(t('sync.rejectionFixReplacesDraft'))) return;
      navigate(await draftFromRefusal(db, refusal, profile));
    }
    : null);
  return <SyncDetailsScreen profile={profile} fixFor={fixFor} />;
}
