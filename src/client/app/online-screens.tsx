/**
 * Screens that work online against the management API (organisation, device sessions, the audit trail) in the
 * route table's shape: they take the signed-in session's token from the account database.
 */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { useSession } from '#src/client/db/session-repository.ts';
import { AuditScreen } from '#src/client/features/audit/components/audit-screen.tsx';
import { AdminScreen } from '#src/client/features/admin/components/admin-screen.tsx';
import { DevicesScreen } from '#src/client/features/sessions/components/devices-screen.tsx';

export const adminPath = '/quan-tri';
export const adminUnitPath = (id: string): string => `/quan-tri/don-vi/${encodeURIComponent(id)}`;

export function AdminRouteScreen({ params }: ScreenProps) {
  const session = useSession();
  if (!session) return null;
  return <AdminScreen token={session.token ?? null} unitId={params.unitId ?? null} unitPath={adminUnitPath} homePath={adminPath} />;
}

export const auditPath = '/nhat-ky-kiem-tra';

export function AuditRouteScreen(_props: ScreenProps) {
  const session = useSession();
  if (!session) return null;
  return <AuditScreen token={session.token ?? null} accountId={session.profile.user.id} />;
}

export function DevicesRouteScreen({ profile }: ScreenProps) {
  const session = useSession();
  if (!session) return null;
  return <DevicesScreen profile={profile} token={session.token ?? null} />;
}
