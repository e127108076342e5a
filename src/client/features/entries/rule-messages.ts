/**
 * The entry kinds' cross-field rules in the user's language: Vietnamese as the shared schemas
 * word them (entryRuleMessages, what the server answers too), English from this table. Only the
 * entry forms read it, so it loads with them, not with the app shell.
 */
import { entryRuleKeyOf, entryRuleMessages, MAX_PATROL_HOURS, type EntryRuleKey } from '#src/shared/domain/entry-rules.ts';
import type { Language } from '#src/client/db/prefs-repository.ts';

export const englishRuleMessages: Record<EntryRuleKey, string> = {
  patrolEndBeforeStart: 'The end must be after the start',
  patrolTooLong: `A patrol shift lasts at most ${MAX_PATROL_HOURS} hours`,
  patrolParticipantTwice: 'Someone is chosen twice',
  patrolDay: 'The day must be the day the patrol started',
  incidentArrivedBeforeReport: 'The arrival cannot be before the report came in',
  incidentHandedOverBeforeReport: 'The hand-over cannot be before the report came in',
  incidentHandedOverToMissing: 'Enter the person or agency it was handed over to',
  incidentDay: 'The day must be the day the report came in',
  tipAnonymousWithName: 'An anonymous tip does not name its source',
  tipSourceMissing: 'Enter the name of the source, or choose anonymous',
  tipPassedBeforeReceived: 'Passing it to the commune police cannot be before the tip came in',
  tipDay: 'The day must be the day the tip came in',
  mobilisationArrivedBeforeCalled: 'The arrival cannot be before the call-out',
  mobilisationDay: 'The day must be the day of the call-out',
  modelRecognisedOnMissing: 'Enter the day it was recognised',
  modelRecognisedByMissing: 'Enter the agency that recognised the model',
  modelRecognisedBeforeStart: 'Recognition cannot be before the start',
  checklistRequiredItem: 'Required item: tick it as done, or write why it was not done',
};

/** A schema message in `language` when it is a cross-field rule's; any other message as it is. */
export function inLanguage(message: string, language: Language): string {
  const rule = entryRuleKeyOf(message);
  if (!rule) return message;
  return language === 'en' ? englishRuleMessages[rule] : entryRuleMessages[rule];
}
