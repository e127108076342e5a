/**
 * Who a report is made by and on what, from the signed-in profile: the reader (what they may
 * read), the scopes they may report on (a leader: their team; commune police: the commune and
 * each of its teams), and the issuing body, place and signature of the administrative layout.
 */
import type { Profile } from '#src/shared/domain/account.ts';
import type { Reader } from '#src/shared/domain/readable.ts';
import type { ScopeRef } from '#src/shared/progress/org-index.ts';
import type { TeamInput } from '#src/shared/progress/progress-input.ts';

export interface ReportScopeChoice {
  scope: ScopeRef;
  name: string;
  /** The teams whose entries the scope covers (as the profile knows them). */
  teams: TeamInput[];
}

/** The heading block of the layout (top left), the document number's suffix and the signature. */
export interface Issuer {
  /** The body above the issuer, e.g. "CÔNG AN XÃ TÂN LẬP". */
  superior: string;
  /** The issuing body, e.g. "TỔ BẢO VỆ AN NINH, TRẬT TỰ ẤP 1–2". */
  body: string;
  /** The issuing body as written in a sentence, e.g. "Tổ bảo vệ ANTT Ấp 1–2". */
  bodyName: string;
  /** The document code after the number, e.g. "BC-TBV". */
  code: string;
  /** The place before the date: the commune or province without its kind. */
  place: string;
  signerTitle: string;
  signerName: string;
  /** Recipients (Nơi nhận) besides the archive. */
  recipients: string[];
}

export interface ReportSubject {
  reader: Reader;
  choices: ReportScopeChoice[];
  issuer: Issuer;
}

const upper = (text: string): string => text.toLocaleUpperCase('vi');
/** "Xã Tân Lập" → "Tân Lập"; "Tỉnh Đồng Nai" → "Đồng Nai". */
export const placeName = (name: string): string => name.replace(/^(xã|phường|thị trấn|tỉnh|thành phố)\s+/iu, '');

/** The subject of a leader's, commune police's or province staff's reports; null for members. */
export function reportSubject(profile: Profile): ReportSubject | null {
  const { user, team } = profile;
  const commune = profile.orgUnits.find((unit) => unit.kind === 'commune');
  const province = profile.orgUnits.find((unit) => unit.kind === 'province');
  const communeName = commune?.name ?? '';
  const hamletIds = profile.hamlets.map((hamlet) => hamlet.id);
  if (user.role === 'leader' && team) {
    const teams = [{ id: team.id, communeId: commune?.id ?? '', hamletIds, memberIds: [user.id] }];
    return {
      reader: { userId: user.id, role: user.role, teamId: team.id, supervisedTeamIds: [] },
      choices: [{ scope: { level: 'team', id: team.id }, name: team.name, teams }],
      issuer: { superior: upper(`Công an ${communeName}`), body: upper(team.name), bodyName: team.name, code: 'BC-TBV', place: placeName(communeName), signerTitle: 'TỔ TRƯỞNG', signerName: user.displayName, recipients: [`Công an ${communeName}`] },
    };
  }
  if (user.role === 'province-admin' && province) {
    // Province staff report on the communes from the server's figures (province-report.tsx).
    return {
      reader: { userId: user.id, role: user.role, teamId: null, supervisedTeamIds: (profile.teams ?? []).map((candidate) => candidate.id) },
      choices: [],
      issuer: { superior: upper(`UBND ${province.name}`), body: upper(`Công an ${province.name}`), bodyName: `Công an ${province.name}`, code: 'BC-CAT', place: placeName(province.name), signerTitle: 'NGƯỜI LẬP BÁO CÁO', signerName: user.displayName, recipients: [`UBND ${province.name}`] },
    };
  }
  if (user.role !== 'commune-police' || !commune) return null;
  const supervised = (profile.teams ?? []).filter((candidate) => candidate.communeId === commune.id);
  // The profile does not say which hamlets each team covers: the team records on the device do.
  const teams = supervised.map((candidate) => ({ id: candidate.id, communeId: commune.id, hamletIds: [], memberIds: [] }));
  return {
    reader: { userId: user.id, role: user.role, teamId: null, supervisedTeamIds: supervised.map((candidate) => candidate.id) },
    choices: [
      { scope: { level: 'commune', id: commune.id }, name: communeName, teams },
      ...supervised.map((candidate, index) => ({ scope: { level: 'team' as const, id: candidate.id }, name: candidate.name, teams: [teams[index]!] })),
    ],
    issuer: { superior: upper(`Công an ${province?.name ?? ''}`).trim(), body: upper(`Công an ${communeName}`), bodyName: `Công an ${communeName}`, code: 'BC-CAX', place: placeName(communeName), signerTitle: 'NGƯỜI LẬP BÁO CÁO', signerName: user.displayName, recipients: [`Công an ${province?.name ?? 'tỉnh'}`, `UBND ${communeName}`] },
  };
}
