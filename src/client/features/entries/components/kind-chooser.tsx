/** `/nhat-ky/moi`: the kinds of work to log, each with a line saying what it is, drafts marked. */
import '../entries.css';
import type { Profile } from '#src/shared/domain/account.ts';
import { useDrafts } from '#src/client/db/draft-repository.ts';
import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { orderedKinds } from '../kinds/kind-registry.ts';
import '#src/client/i18n/notebook-messages.ts';

export function KindChooser({ profile }: { profile: Profile }) {
  const { t } = useT();
  const drafts = useDrafts(profile.user.id);
  const withDraft = new Set((drafts ?? []).filter((draft) => draft.key.startsWith('new:')).map((draft) => draft.kind));
  return (
    <section className="stack" aria-labelledby="kind-chooser-title">
      <h1 id="kind-chooser-title" tabIndex={-1}>{t('entry.chooseTitle')}</h1>
      {profile.team === null ? <p className="alert alert--info">{t('entry.notAllowed')}</p> : (
        <>
          <p>{t('entry.chooseIntro')}</p>
          <ul className="kind-list">
            {orderedKinds.map((description) => (
              <li key={description.kind}>
                <Link href={`/nhat-ky/moi/${description.kind}`} className="kind-list__link">
                  <span className="kind-list__name">{t(description.name)}</span>
                  <span className="kind-list__description">{t(description.description)}</span>
                  {withDraft.has(description.kind) && <span className="badge badge--pending-sync">{t('entry.draftWaiting')}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
