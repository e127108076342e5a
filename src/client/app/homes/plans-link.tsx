/** The way from a supervisor's home to the campaign plans they write. */
import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';

export function PlansLink() {
  const { t } = useT();
  return <Link href="/ke-hoach" className="button button--block">{t('plans.open')}</Link>;
}
