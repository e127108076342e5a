import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { SignOutSection } from '#src/client/features/auth/components/sign-out-section.tsx';
import { LanguageSettings } from '#src/client/features/settings/components/language-settings.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';

/** `/cai-dat`: language (this device) and the account (sign out). */
export function SettingsScreen({ profile }: ScreenProps) {
  const { t } = useT();
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>{t('settings.title')}</h1>
      <LanguageSettings />
      <SignOutSection profile={profile} />
    </section>
  );
}
