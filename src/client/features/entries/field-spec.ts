/**
 * A kind of entry, as data: which fields its form shows, in which order, with which widget and
 * label. The form machinery (components/entry-form.tsx) turns a description into a screen, with
 * drafts, errors beside fields, photos and location; the shared schema of the kind decides what
 * may be saved. Adding a kind is its schema, one file in kinds/, its messages and its tests.
 */
import type { ChecklistKind } from '#src/shared/domain/checklist.ts';
import type { FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { MessageKey } from '#src/client/i18n/vi.ts';

interface FieldBase {
  /** The record field the widget writes (for `urgent`: isUrgent and urgentContact). */
  key: string;
  label: MessageKey;
  hint?: MessageKey;
  /** A required field left empty gets this message (a generic one when absent). */
  requiredMessage?: MessageKey;
  /** Required always, or only while the rest of the input says so (households unless an agency). */
  isRequired?: boolean | ((values: DraftValues) => boolean);
  /** Shown only while this holds (e.g. the source's name unless the tip is anonymous). */
  isShown?: (values: DraftValues) => boolean;
}

export type FieldSpec = FieldBase & (
  | { widget: 'text'; maxLength: number; suggestions?: readonly string[] }
  | { widget: 'longText'; maxLength: number }
  | { widget: 'number'; min: number; max: number }
  /** A calendar day typed dd/MM/yyyy, never in the future. */
  | { widget: 'day' }
  /** An instant typed as a day and a time, in Vietnam; a required one starts at now. */
  | { widget: 'time' }
  | { widget: 'select'; options: readonly string[]; optionLabel: (option: string) => MessageKey }
  | { widget: 'yesNo' }
  /** Households of the user's hamlets; `multiple` stores an id array, otherwise one id. */
  | { widget: 'households'; multiple: boolean }
  | { widget: 'members' }
  /** An agency, enterprise or school of the commune (org units the device holds); hidden when none. */
  | { widget: 'agency' }
  | { widget: 'checklist'; appliesTo: ChecklistKind }
  /** isUrgent, and the one-tap call or SMS to the commune police duty number. */
  | { widget: 'urgent' }
);

export type Widget = FieldSpec['widget'];

/** A kind's form. Every kind also gets note, photos and location (entry-form.tsx). */
export interface KindDescription {
  kind: FieldLogKind;
  /** The kind's name, e.g. "Tuần tra". */
  name: MessageKey;
  /** One line on the kind chooser. */
  description: MessageKey;
  fields: readonly FieldSpec[];
  /**
   * Time-based kinds: the entry's `date` is the Vietnamese day of this field's instant (the
   * start, the report…). Others show a day field for `date`.
   */
  dateFrom?: string;
}

/** Input as typed, by field key; the values each widget holds are in draft-values.ts. */
export type DraftValues = Record<string, unknown>;
