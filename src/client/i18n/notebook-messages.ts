/**
 * Messages of the notebook's screens (entry forms, the logbook, photos, conflicts, households,
 * checklist templates), in their own file so that the app shell (login, navigation, sync bar)
 * stays small: every component using these keys imports this module, which adds them to the
 * catalogs (addMessages). vi and en keep the same keys (the compiler checks).
 */
import { addMessages } from './i18n-context.tsx';
import { notebookMessagesEn } from './notebook-messages.en.ts';
import { notebookMessagesVi } from './notebook-messages.vi.ts';

export type { NotebookMessageKey } from './notebook-messages.vi.ts';

addMessages({ vi: notebookMessagesVi, en: notebookMessagesEn });
