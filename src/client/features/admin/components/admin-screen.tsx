/**
 * `/quan-tri` and `/quan-tri/don-vi/<id>`: management for commune police and province admins.
 * The first page is the unit tree the user manages; a unit's page has its settings, units
 * below it, teams, accounts and the CSV import. Everything is online (the admin API checks
 * reach on every request); offline, the screen says so instead of failing.
 */
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';
import { adminPaths, unitsResponseSchema } from '#src/shared/domain/admin.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { Link } from 'wouter';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { UnitPage } from './unit-page.tsx';
import '#src/client/i18n/feature-messages.ts';

export interface AdminLinks {
  unitPath: (id: string) => string;
  homePath: string;
}

function UnitTree({ units, parentId, links }: { units: OrgUnit[]; parentId: string | null; links: AdminLinks }) {
  const { t } = useT();
  const children = units.filter((unit) => unit.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className="unit-tree">
      {children.map((unit) => (
        <li key={unit.id}>
          <Link href={links.unitPath(unit.id)} className="unit-tree__link">
            {unit.name} <span className="card__meta">({t(`admin.kind.${unit.kind}` as MessageKey)})</span>
          </Link>
          <UnitTree units={units} parentId={unit.id} links={links} />
        </li>
      ))}
    </ul>
  );
}

function UnitsOverview({ token, links }: { token: string | null; links: AdminLinks }) {
  const { t } = useT();
  const units = useApiResource(() => apiRequest({ method: 'GET', path: adminPaths.units, token, schema: unitsResponseSchema }), [token]);
  if (units.error) return <p className="alert alert--error">{units.error.message}</p>;
  if (!units.data) return <p>{t('admin.loading')}</p>;
  const root = units.data.units.find((unit) => unit.id === units.data!.rootId);
  return (
    <nav aria-label={t('admin.units')} className="card stack">
      <h2>{t('admin.units')}</h2>
      {root && (
        <ul className="unit-tree">
          <li>
            <Link href={links.unitPath(root.id)} className="unit-tree__link">{root.name}</Link>
            <UnitTree units={units.data.units} parentId={root.id} links={links} />
          </li>
        </ul>
      )}
    </nav>
  );
}

export function AdminScreen({ token, unitId, unitPath, homePath }: { token: string | null; unitId: string | null } & AdminLinks) {
  const { t } = useT();
  const isOnline = useOnlineStatus();
  const links = { unitPath, homePath };
  return (
    <section className="stack" aria-labelledby="admin-title">
      <h1 id="admin-title" tabIndex={-1}>{t('admin.title')}</h1>
      {!isOnline ? <p className="alert alert--info">{t('admin.onlineOnly')}</p>
        : unitId ? <UnitPage key={unitId} token={token} unitId={unitId} links={links} />
          : <UnitsOverview token={token} links={links} />}
    </section>
  );
}
