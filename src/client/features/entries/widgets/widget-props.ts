// What every widget of the form machinery receives.
import type { Profile } from '#src/shared/domain/account.ts';
import type { DraftValues, FieldSpec } from '../field-spec.ts';

export interface FormContext {
  profile: Profile;
  /** The commune whose checklists and duty phone apply (from the profile's org units). */
  communeId: string | null;
  /** The entry's id, known from the start: photos taken for it name it. */
  entryId: string;
}

export interface WidgetProps<Spec extends FieldSpec = FieldSpec> {
  field: Spec;
  values: DraftValues;
  setValue: (key: string, value: unknown) => void;
  /** The message beside this field, if any. */
  error: string | undefined;
  /** Every message of the form (the checklist shows its items' own). */
  errors: Record<string, string>;
  /** Id of the control that receives focus when the field is wrong. */
  inputId: string;
  context: FormContext;
  /** Stores the draft at once (before leaving the app for a call). */
  flushDraft: () => void;
}

export type SpecOf<Widget extends FieldSpec['widget']> = Extract<FieldSpec, { widget: Widget }>;
