/**
 * The words of the reports and commendations screens, in Vietnamese and English. They live
 * with the feature, not in src/client/i18n, so that they load with these screens and not with
 * the app shell (its size budget, tests/e2e/app-shell-budget.spec.ts); the links to the screens
 * (reports.open, commendations.open) stay in the shell's dictionaries. `useReportsT` falls back
 * to the app's dictionaries for their keys (app.loading…).
 */
import { formatNumber, useT, type Params } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';

const vi = {
  'commendations.title': 'Đề nghị khen thưởng',
  'commendations.notForRole': 'Danh sách đề nghị khen thưởng và đăng ký điển hình do Công an xã, Công an tỉnh lập.',
  'commendations.noQuota': 'Kế hoạch này không quy định số lượng khen thưởng.',
  'commendations.quota': 'Hình thức khen thưởng',
  'commendations.limits': 'Tối đa {collectives} tập thể, {individuals} cá nhân; lãnh đạo không quá {percent}% số cá nhân.',
  'commendations.collectives': 'Tập thể đạt các chỉ tiêu',
  'commendations.individuals': 'Cá nhân theo số nhật ký được duyệt',
  'commendations.none': 'Chưa có ai đạt điều kiện trong kỳ này.',
  'commendations.leader': 'lãnh đạo',
  'commendations.dossier': 'Hồ sơ đề nghị ({copies} bộ)',
  'commendations.save': 'Lưu danh sách',
  'commendations.saved': 'Đã lưu danh sách. Danh sách sẽ được gửi khi có mạng.',
  'commendations.saveFailed': 'Chưa lưu được danh sách: {reason}',
  'commendations.ok': 'Danh sách đúng số lượng quy định.',
  'commendations.problem.collectives': 'Đề nghị {count} tập thể, vượt số lượng cho phép (tối đa {limit} tập thể).',
  'commendations.problem.individuals': 'Đề nghị {count} cá nhân, vượt số lượng cho phép (tối đa {limit} cá nhân).',
  'commendations.problem.leaders': 'Có {leaders} lãnh đạo trong {individuals} cá nhân được đề nghị, vượt tỷ lệ {percent}% (tối đa {max} người).',
  'commendations.problem.commune': 'Chưa đăng ký xã nào xây dựng điển hình (cần ít nhất 01 xã).',
  'commendations.problem.agency': 'Chưa đăng ký cơ quan, doanh nghiệp hoặc nhà trường nào xây dựng điển hình (cần ít nhất 01).',
  'commendations.provinceTitle': 'Danh sách đề nghị khen thưởng của tỉnh',
  'commendations.fromCommunes': 'Chọn từ {count} danh sách đã lưu của các xã cho kỳ và hình thức khen thưởng này.',
  'commendations.noCommuneLists': 'Chưa có danh sách nào của các xã cho kỳ và hình thức khen thưởng này. Hãy đồng bộ khi có mạng.',
  'commendations.unknownUnit': 'đơn vị chưa có trên máy',
  'exemplary.title': 'Đăng ký xây dựng điển hình năm {year}',
  'exemplary.deadlines': 'Thời hạn trong năm',
  'exemplary.daysLeft': 'còn {days} ngày',
  'exemplary.passed': 'đã qua',
  'exemplary.warning': 'Sắp đến hạn {date} (còn {days} ngày): {label}. Chưa đăng ký đơn vị nào.',
  'exemplary.units': 'Đơn vị đăng ký',
  'exemplary.noUnits': 'Máy chưa có danh sách xã, cơ quan, doanh nghiệp, nhà trường. Hãy đồng bộ khi có mạng.',
  'exemplary.save': 'Lưu đăng ký',
  'reports.title': 'Báo cáo kết quả',
  'reports.notForRole': 'Báo cáo dành cho tổ trưởng, Công an xã và Công an tỉnh.',
  'reports.noPlan': 'Chưa có kế hoạch thi đua nào trên máy. Hãy đồng bộ khi có mạng.',
  'reports.choose': 'Chọn nội dung báo cáo',
  'reports.scope': 'Báo cáo của',
  'reports.plan': 'Kế hoạch',
  'reports.period': 'Kỳ báo cáo',
  'reports.months': 'Theo tháng',
  'reports.month': 'Tháng {month}',
  'reports.phases': 'Theo đợt',
  'reports.print': 'In hoặc lưu PDF',
  'reports.downloadXlsx': 'Tải tệp Excel',
  'reports.preparing': 'Đang tạo tệp…',
  'reports.onlineOnly': 'Báo cáo theo xã cần có mạng: {reason}',
  'reports.xlsxFailed': 'Chưa tạo được tệp Excel. Nếu máy đang không có mạng, hãy thử lại khi có mạng.',
} as const;

type ReportsKey = keyof typeof vi;

const en: Record<ReportsKey, string> = {
  'commendations.title': 'Commendation proposals',
  'commendations.notForRole': 'Commendation lists and exemplary registrations are prepared by commune police and province staff.',
  'commendations.noQuota': 'This plan sets no commendation quota.',
  'commendations.quota': 'Award',
  'commendations.limits': 'At most {collectives} collectives, {individuals} individuals; leaders at most {percent}% of the individuals.',
  'commendations.collectives': 'Collectives meeting the indicators',
  'commendations.individuals': 'Individuals by approved entries',
  'commendations.none': 'Nobody qualifies in this period yet.',
  'commendations.leader': 'leader',
  'commendations.dossier': 'Dossier ({copies} sets)',
  'commendations.save': 'Save the list',
  'commendations.saved': 'List saved. It is sent when the phone is online.',
  'commendations.saveFailed': 'The list could not be saved: {reason}',
  'commendations.ok': 'The list is within the quota.',
  'commendations.problem.collectives': '{count} collectives proposed, more than allowed (at most {limit}).',
  'commendations.problem.individuals': '{count} individuals proposed, more than allowed (at most {limit}).',
  'commendations.problem.leaders': '{leaders} leaders among {individuals} individuals, above {percent}% (at most {max}).',
  'commendations.problem.commune': 'No commune registered as exemplary (at least one is needed).',
  'commendations.problem.agency': 'No agency, enterprise or school registered as exemplary (at least one is needed).',
  'commendations.provinceTitle': 'The province\'s commendation list',
  'commendations.fromCommunes': 'Chosen from {count} saved commune lists for this period and award.',
  'commendations.noCommuneLists': 'No commune list for this period and award yet. Sync when online.',
  'commendations.unknownUnit': 'unit not on this phone',
  'exemplary.title': 'Exemplary-unit registration {year}',
  'exemplary.deadlines': 'Deadlines this year',
  'exemplary.daysLeft': '{days} days left',
  'exemplary.passed': 'passed',
  'exemplary.warning': 'Due {date} ({days} days left): {label}. Nothing is registered yet.',
  'exemplary.units': 'Units registering',
  'exemplary.noUnits': 'No communes, agencies, enterprises or schools on this phone yet. Sync when online.',
  'exemplary.save': 'Save the registration',
  'reports.title': 'Reports',
  'reports.notForRole': 'Reports are for team leaders, commune police and province staff.',
  'reports.noPlan': 'No campaign plan on this phone yet. Sync when you are online.',
  'reports.choose': 'What to report on',
  'reports.scope': 'Report for',
  'reports.plan': 'Plan',
  'reports.period': 'Period',
  'reports.months': 'Months',
  'reports.month': 'Month {month}',
  'reports.phases': 'Phases',
  'reports.print': 'Print or save as PDF',
  'reports.downloadXlsx': 'Download Excel file',
  'reports.preparing': 'Preparing the file…',
  'reports.onlineOnly': 'The report by commune needs a connection: {reason}',
  'reports.xlsxFailed': 'The Excel file could not be made. If the phone is offline, try again once it is online.',
};

/** A key of this feature's words or of the app's. */
export type ReportsTranslate = (key: ReportsKey | MessageKey, params?: Params) => string;

const isOwnKey = (key: string): key is ReportsKey => key in vi;

/** t() over this feature's words, then the app's, in the language chosen in settings. */
export function useReportsT(): { t: ReportsTranslate } {
  const { t: appT, language } = useT();
  const messages = language === 'vi' ? vi : en;
  const t: ReportsTranslate = (key, params) => {
    if (!isOwnKey(key)) return appT(key, params);
    const text: string = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value, language) : value;
    });
  };
  return { t };
}
