import { Link } from 'wouter';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { SignOutSection } from '#src/client/features/auth/components/sign-out-section.tsx';
import { LanguageSettings } from '#src/client/features/settings/components/language-settings.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { adminPath, auditPath } from './online-screens.tsx';
import { administratorRoles } from './routes.ts';

/** `/cai-dat`: language (this device), the signed-in devices, the backup, administration (police, province), sign out. */
export function SettingsScreen({ profile }: ScreenProps) {
  const { t } = useT();
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>{t('settings.title')}</h1>
      <LanguageSettings />
      <div className="stack">
        <Link href="/thiet-bi" className="button button--block">{t('settings.devicesLink')}</Link>
        <Link href="/sao-luu" className="button button--block">{t('settings.backupLink')}</Link>
        {administratorRoles.includes(profile.user.role) && <Link href={adminPath} className="button button--block">{t('settings.adminLink')}</Link>}
        {profile.user.role === 'province-admin' && <Link href={auditPath} className="button button--block">{t('settings.auditLink')}</Link>}
      </div>
      <SignOutSection profile={profile} />
    </section>
  );
}
