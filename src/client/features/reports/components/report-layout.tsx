/**
 * The parts of the administrative layout every report shares: the heading (issuing body and
 * number; national name, motto, place and date), a bordered table that scrolls sideways on a
 * phone, and the recipients with the signature block.
 */
import type { Issuer } from '../report-subject.ts';
import { dateLine, MOTTO, NATIONAL_NAME } from '../report-text.ts';

export function Table({ caption, headers, rows }: { caption: string; headers: readonly string[]; rows: string[][] }) {
  return (
    <div className="report-doc__table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="report-doc__table">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr>{headers.map((header) => <th key={header} scope="col">{header}</th>)}</tr></thead>
        <tbody>{rows.map((row, index) => <tr key={index}>{row.map((cell, column) => <td key={column}>{cell}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

export function Heading({ issuer, issuedOn }: { issuer: Issuer; issuedOn: string }) {
  return (
    <header className="report-doc__head">
      <div className="report-doc__issuer">
        <p>{issuer.superior}</p>
        <p className="report-doc__body">{issuer.body}</p>
        <p>Số: {'\u2003\u2003'}/{issuer.code}</p>
      </div>
      <div className="report-doc__nation">
        <p className="report-doc__national">{NATIONAL_NAME}</p>
        <p className="report-doc__motto">{MOTTO}</p>
        <p className="report-doc__date">{dateLine(issuer.place, issuedOn)}</p>
      </div>
    </header>
  );
}

export function Signature({ issuer }: { issuer: Issuer }) {
  return (
    <footer className="report-doc__sign">
      <div className="report-doc__recipients">
        <p><strong><em>Nơi nhận:</em></strong></p>
        {issuer.recipients.map((recipient) => <p key={recipient}>- {recipient};</p>)}
        <p>- Lưu: VT.</p>
      </div>
      <div className="report-doc__signer" aria-label="Chữ ký">
        <p className="report-doc__signer-title">{issuer.signerTitle}</p>
        <p><em>(Ký, ghi rõ họ tên)</em></p>
        <p className="report-doc__signer-name">{issuer.signerName}</p>
      </div>
    </footer>
  );
}
