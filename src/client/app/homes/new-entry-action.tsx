import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/notebook-messages.ts';

/** The main action of an author's home, first on the screen so it is never under the bottom bar. */
export function NewEntryAction() {
  const { t } = useT();
  return <Link href="/nhat-ky/moi" className="button button--primary button--block">{t('entry.chooseTitle')}</Link>;
}
