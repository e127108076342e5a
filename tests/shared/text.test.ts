import { describe, expect, it } from 'vitest';
import { foldDiacritics, matchesSearch } from '#src/shared/domain/text.ts';

describe('search that ignores Vietnamese diacritics', () => {
  it('folds tones, vowel marks and đ', () => {
    expect(foldDiacritics('Nguyễn Thị Đường')).toBe('nguyen thi duong');
    expect(foldDiacritics('ẤP  3, XÃ TÂN LẬP')).toBe('ap 3, xa tan lap');
  });

  it('finds names typed without marks, in any case, word by word', () => {
    expect(matchesSearch('Nguyễn Văn An', 'nguyen')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'NGUYEN an')).toBe(true);
    expect(matchesSearch('Đỗ Thị Hương', 'do huong')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'tran')).toBe(false);
  });

  it('matches text already typed with marks, composed or decomposed', () => {
    expect(matchesSearch('Nguyễn Văn An', 'Nguyễn')).toBe(true);
    expect(matchesSearch('Nguyễn Văn An', 'Nguyễn'.normalize('NFD'))).toBe(true);
  });
});
