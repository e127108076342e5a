/**
 * Messages of the screens few phones open (management, month review, progress boards, values
 * entered by hand, backups, imports, devices), in their own file so that the app shell most phones
 * load stays small: every component using these keys imports this module, which adds them to the
 * catalogs (addMessages). vi and en keep the same keys (the compiler checks).
 */
import { addMessages } from './i18n-context.tsx';
import { featureMessagesEn } from './feature-messages.en.ts';
import { featureMessagesVi } from './feature-messages.vi.ts';

export type { FeatureMessageKey } from './feature-messages.vi.ts';

addMessages({ vi: featureMessagesVi, en: featureMessagesEn });
