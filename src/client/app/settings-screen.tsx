import type { Profile } from '#src/shared/domain/account.ts';
import { SignOutSection } from '#src/client/features/auth/components/sign-out-section.tsx';
import { LanguageSettings } from '#src/client/features/settings/components/language-settings.tsx';
import { Link } from '#src/client/components/link.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { canAdminister, paths } from './routes.ts';

/** `/cai-dat`: language (this device), the signed-in devices, the backup, administration (police, province), sign out. */
export default function SettingsScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>{t('settings.title')}</h1>
      <LanguageSettings />
      <div className="stack">
        <Link href={paths.devices} className="button button--block">{t('settings.devicesLink')}</Link>
        <Link href={paths.backup} className="button button--block">{t('settings.backupLink')}</Link>
        {canAdminister(profile) && <Link href={paths.admin} className="button button--block">{t('settings.adminLink')}</Link>}
      </div>
      <SignOutSection profile={profile} />
    </section>
  );
}
