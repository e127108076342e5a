/**
 * Vietnamese words for every check a shared schema makes without a message of its own, so no
 * person ever reads a raw zod message ("Invalid input: expected string, received undefined").
 * A schema's own message always wins (zod: schema message > per-parse map > global map); these
 * are the fallback, installed once per process by `installVietnameseValidationMessages()`
 * (the client's App module and the server's buildApp call it).
 */
import { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const vietnameseNumber = new Intl.NumberFormat('vi-VN');

function count(value: number | bigint): string {
  return vietnameseNumber.format(value);
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  const minimum = issue.minimum;
  switch (issue.origin) {
    case 'string':
      return Number(minimum) <= 1 ? 'Chưa nhập thông tin bắt buộc.' : `Quá ngắn (ít nhất ${count(minimum)} ký tự).`;
    case 'array':
    case 'set':
      return `Chọn ít nhất ${count(minimum)} mục.`;
    default:
      return issue.inclusive ? `Phải từ ${count(minimum)} trở lên.` : `Phải lớn hơn ${count(minimum)}.`;
  }
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const maximum = issue.maximum;
  switch (issue.origin) {
    case 'string':
      return `Quá dài (tối đa ${count(maximum)} ký tự).`;
    case 'array':
    case 'set':
      return `Quá nhiều mục (tối đa ${count(maximum)}).`;
    default:
      return issue.inclusive ? `Phải từ ${count(maximum)} trở xuống.` : `Phải nhỏ hơn ${count(maximum)}.`;
  }
}

function invalidType(issue: Extract<RawIssue, { code: 'invalid_type' }>): string {
  if (issue.input === undefined || issue.input === null) return 'Chưa có thông tin bắt buộc.';
  if (issue.expected === 'number' || issue.expected === 'int') return 'Phải là một số.';
  return 'Thông tin không đúng dạng.';
}

/**
 * A plain Vietnamese sentence for one failed check. Pure; the message never names zod's types
 * or codes.
 */
export function vietnameseIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return 'Không đúng định dạng.';
    case 'not_multiple_of':
      return `Phải là bội số của ${count(issue.divisor)}.`;
    case 'invalid_value':
      return 'Giá trị này không có trong danh sách được chọn.';
    case 'unrecognized_keys':
      return 'Có thông tin thừa mà máy chủ không nhận.';
    default:
      return 'Thông tin không hợp lệ.';
  }
}

/**
 * Makes `vietnameseIssueMessage` the fallback for every schema in this process (zod's global
 * configuration). Idempotent: call it at start-up.
 */
export function installVietnameseValidationMessages(): void {
  z.config({ customError: vietnameseIssueMessage });
}
