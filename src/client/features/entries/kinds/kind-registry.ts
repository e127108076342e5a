// Every kind's form description, by kind, in the order the notebook offers them.
import { fieldLogKinds, type FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { KindDescription } from '../field-spec.ts';
import { goodDeedKind } from './good-deed.ts';
import { incidentKind } from './incident.ts';
import { mobilisationKind } from './mobilisation.ts';
import { modelKind } from './model.ts';
import { outreachKind } from './outreach.ts';
import { patrolKind } from './patrol.ts';
import { reintegrationVisitKind } from './reintegration-visit.ts';
import { residenceReportKind } from './residence-report.ts';
import { tipKind } from './tip.ts';

export const kindDescriptions: Record<FieldLogKind, KindDescription> = {
  outreach: outreachKind,
  patrol: patrolKind,
  incident: incidentKind,
  tip: tipKind,
  mobilisation: mobilisationKind,
  'residence-report': residenceReportKind,
  'reintegration-visit': reintegrationVisitKind,
  'good-deed': goodDeedKind,
  model: modelKind,
};

export const orderedKinds: KindDescription[] = fieldLogKinds.map((kind) => kindDescriptions[kind]);
