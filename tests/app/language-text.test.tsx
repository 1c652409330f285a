import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import { LanguageText } from '../../app/views/language-text.tsx';

const render = (text: string) => renderToStaticMarkup(<LanguageText text={text} />);

describe('LanguageText', () => {
  it('marks the Korean and Russian runs of a quote as the pane marks them', () => {
    const note4 = builtinEditions()
      .find((e) => e.id === 'lankov-2007')!
      .footnotes.find((f) => f.n === 4)!.text;
    const html = render(note4.slice(0, 40));
    expect(html).toMatch(/^2006 <span lang="ko">[^<]*\p{Script=Hangul}[^<]*<\/span>/u);
    expect(render('see Толорая Г.Д. Корейский полуостров, 2002')).toBe(
      'see <span lang="ru">Толорая Г.Д. Корейский полуостров</span>, 2002',
    );
  });

  it('leaves Latin text as plain text, and markup as text', () => {
    expect(render('Russia and North Korea')).toBe('Russia and North Korea');
    expect(render('<b>Ким</b>')).toBe('&lt;b&gt;<span lang="ru">Ким</span>&lt;/b&gt;');
  });
});
