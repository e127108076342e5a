import type { RejectionRow } from '#src/client/db/database.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { navigate } from '#src/client/components/navigation.ts';
import { SyncDetailsScreen } from '#src/client/features/sync-status/components/sync-details-screen.tsx';
import { canFixRefusal, draftFromRefusal } from './refusal-fix.ts';

/** `/dong-bo`: the sync details, with "Sửa lại" on refused entries opening their form (refusal-fix.ts). */
export function SyncScreen({ profile }: ScreenProps) {
  const db = useDatabase();
  const fixFor = (refusal: RejectionRow) => (canFixRefusal(refusal, profile)
    ? async () => {
      navigate(await draftFromRefusal(db, refusal, profile));
    }
    : null);
  return <SyncDetailsScreen profile={profile} fixFor={fixFor} />;
}
