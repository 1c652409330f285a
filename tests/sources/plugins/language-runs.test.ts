import { describe, expect, it } from 'vitest';
import { splitLanguageRuns } from '../../../sources/split-language-runs.ts';

describe('languageRuns', () => {
  it('tags a Cyrillic run, initials and spaces included, as ru', () => {
    expect(splitLanguageRuns('See Толарая Г.Д. Международные проекты, 2007.')).toEqual([
      { value: 'See ' },
      { value: 'Толарая Г.Д. Международные проекты', lang: 'ru' },
      { value: ', 2007.' },
    ]);
  });
  it('tags a Hangul run as ko', () => {
    expect(splitLanguageRuns('2006 년 북한 의 대외 무역 동향. 서울, KOTRA')).toEqual([
      { value: '2006 ' },
      { value: '년 북한 의 대외 무역 동향. 서울', lang: 'ko' },
      { value: ', KOTRA' },
    ]);
  });
  it('leaves Latin text alone', () => {
    expect(splitLanguageRuns('Koreiskii poluostrov i Rossiya')).toEqual([
      { value: 'Koreiskii poluostrov i Rossiya' },
    ]);
  });
});
