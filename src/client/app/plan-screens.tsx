/** The plan editor (features/plan-editor) in the route table's shape. */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { PlansScreen } from '#src/client/features/plan-editor/components/plans-screen.tsx';

export const plansPath = '/ke-hoach';
const planPath = (planId: string): string => `/ke-hoach/${encodeURIComponent(planId)}`;

export function PlansRouteScreen({ profile, params }: ScreenProps) {
  return <PlansScreen profile={profile} planId={params.planId} hrefOfPlan={planPath} listHref={plansPath} />;
}
