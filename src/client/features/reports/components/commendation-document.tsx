/** A commendation list on paper: heading, title, collectives, individuals, the dossier checklist, signature. */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { Nominee } from '#src/shared/domain/commendation.ts';
import type { Issuer } from '../report-subject.ts';
import { basisText } from '../report-text.ts';
import { Heading, Signature, Table } from './report-layout.tsx';

export function CommendationDocument({ issuer, plan, award, periodName, nominees, dossier, issuedOn }: {
  issuer: Issuer;
  plan: CampaignPlan;
  award: string;
  periodName: string;
  nominees: readonly Nominee[];
  dossier: ReadonlyArray<{ document: string; isReady: boolean }>;
  issuedOn: string;
}) {
  const collectives = nominees.filter((nominee) => nominee.subject === 'collective');
  const individuals = nominees.filter((nominee) => nominee.subject === 'individual');
  return (
    <article className="report-doc" aria-labelledby="commendation-doc-title">
      <Heading issuer={issuer} issuedOn={issuedOn} />
      <h2 id="commendation-doc-title" className="report-doc__title">DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG</h2>
      <p className="report-doc__subtitle">{award} — {periodName}</p>
      <p className="report-doc__para">{basisText(plan)}, {issuer.bodyName} đề nghị khen thưởng các tập thể, cá nhân sau:</p>
      <h3 className="report-doc__section">I. TẬP THỂ ({collectives.length})</h3>
      <Table caption="Tập thể đề nghị khen thưởng" headers={['STT', 'Tên tập thể', 'Thành tích']} rows={collectives.map((n, i) => [String(i + 1), n.name, n.achievements])} />
      <h3 className="report-doc__section">II. CÁ NHÂN ({individuals.length})</h3>
      <Table caption="Cá nhân đề nghị khen thưởng" headers={['STT', 'Họ và tên', 'Lãnh đạo', 'Thành tích']} rows={individuals.map((n, i) => [String(i + 1), n.name, n.isLeader ? 'x' : '', n.achievements])} />
      <h3 className="report-doc__section">III. HỒ SƠ KÈM THEO</h3>
      <Table caption="Hồ sơ kèm theo" headers={['STT', 'Giấy tờ', 'Đã có']} rows={dossier.map((item, i) => [String(i + 1), item.document, item.isReady ? '☑' : '☐'])} />
      <Signature issuer={issuer} />
    </article>
  );
}
