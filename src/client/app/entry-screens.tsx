/**
 * The notebook's screens that take URL parameters (features/entries, households) in the route
 * table's shape: the parameters become the screens' own props.
 */
import { fieldLogKinds, type FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { EntryFormScreen } from '#src/client/features/entries/components/entry-form-screen.tsx';
import { HouseholdEditScreen } from '#src/client/features/households/components/household-edit-screen.tsx';


function isKind(value: string | undefined): value is FieldLogKind {
  return (fieldLogKinds as readonly string[]).includes(value ?? '');
}

/** `/nhat-ky/moi/:kind`: a new entry of that kind (an unknown kind shows the chooser's notice). */
export function NewEntryScreen({ profile, params }: ScreenProps) {
  return <EntryFormScreen key={params.kind} profile={profile} kind={isKind(params.kind) ? params.kind : undefined} />;
}

/** `/nhat-ky/:logId`: an existing entry. */
export function EntryScreen({ profile, params }: ScreenProps) {
  return <EntryFormScreen key={params.logId} profile={profile} entryId={params.logId} />;
}

/** `/ho-gia-dinh/moi` and `/ho-gia-dinh/:householdId`. */
export function HouseholdScreen({ profile, params }: ScreenProps) {
  return <HouseholdEditScreen key={params.householdId ?? 'new'} profile={profile} householdId={params.householdId} />;
}
