import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Address, Inline } from '../../sources/edition.ts';
import { InlineView, isSafeUrl } from '../../app/views/inline-view.tsx';
import { App } from '../../app/app.tsx';
import { builtinEditions } from '../../sources/builtin.ts';

const render = (inlines: Inline[]) => renderToStaticMarkup(<InlineView inlines={inlines} />);

describe('InlineView', () => {
  it('renders emphasis, strong, language runs and safe links', () => {
    const html = render([
      { type: 'emphasis', children: [{ type: 'text', value: 'a' }] },
      { type: 'strong', children: [{ type: 'text', value: 'b' }] },
      { type: 'text', value: 'Толарая', lang: 'ru' },
      { type: 'link', url: 'http://www.rusimpex.ru', children: [{ type: 'text', value: 'site' }] },
    ]);
    expect(html).toContain('<em>a</em>');
    expect(html).toContain('<strong>b</strong>');
    expect(html).toContain('<span lang="ru">Толарая</span>');
    expect(html).toContain(
      '<a href="http://www.rusimpex.ru" target="_blank" rel="noopener noreferrer">site</a>',
    );
  });

  it('renders a footnote reference without a renderer as an ignored superscript', () => {
    expect(render([{ type: 'footnoteRef', n: 3, address: 'x-1:n3' as Address }])).toBe(
      '<sup data-anchor-ignore="">3</sup>',
    );
  });

  describe('when it fails', () => {
    it('shows markup in text as characters, never as elements', () => {
      const html = render([{ type: 'text', value: '<img src=x onerror=alert(1)>' }]);
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img');
    });

    it('renders a link with an unsafe URL as plain text', () => {
      const html = render([
        { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'x' }] },
      ]);
      expect(html).not.toContain('href');
      expect(isSafeUrl('JAVASCRIPT:alert(1)')).toBe(false);
      expect(isSafeUrl('mailto:a@b.c')).toBe(true);
    });
  });
});

describe('App (server render, as prerendered into index.html)', () => {
  const html = renderToStaticMarkup(<App editions={builtinEditions()} />);

  it('renders both texts with their addresses, chrome hidden', () => {
    expect(html).toContain('data-address="lankov-2007:12"');
    expect(html).toContain('data-address="winstanley-chesters-2015:21"');
    expect(html).toMatch(/<div class="block block--chrome" hidden="">/);
    expect(html).not.toContain('aria-current');
  });

  it('marks margin numbers and footnote markers data-anchor-ignore; leaves script-only tools out', () => {
    expect(html).toMatch(/<a class="pnum" href="#lankov-2007:1" data-anchor-ignore=""/);
    expect(html).toMatch(/<span class="fn" data-anchor-ignore="">/);
    expect(html).not.toContain('class="tools"');
  });
});
