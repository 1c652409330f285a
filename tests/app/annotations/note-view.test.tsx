import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseNoteMarkdown } from '../../../annotations/model/note-markdown.ts';
import { NoteView } from '../../../app/annotations/note-view.tsx';

const render = (note: string) =>
  renderToStaticMarkup(<NoteView blocks={parseNoteMarkdown(note)} />);

const ALLOWED_TAGS = ['div', 'p', 'ul', 'ol', 'li', 'em', 'strong', 'code', 'a'];
const ALLOWED_ATTRIBUTES = ['class', 'href', 'target', 'rel', 'start'];

describe('NoteView', () => {
  it('renders emphasis, strong, code, lists and safe links as elements', () => {
    const html = render('*a* **b** `c` [d](https://example.org/x)\n\n1. one\n2. two');
    expect(html).toContain('<em>a</em>');
    expect(html).toContain('<strong>b</strong>');
    expect(html).toContain('<code>c</code>');
    expect(html).toContain(
      '<a href="https://example.org/x" target="_blank" rel="noopener noreferrer nofollow">d</a>',
    );
    expect(html).toContain('<ol start="1"><li><p>one</p></li><li><p>two</p></li></ol>');
  });

  describe('when a note holds HTML or unsafe links', () => {
    const payloads = [
      '<script>window.__xss=1</script>',
      '<img src=x onerror="window.__xss=1">',
      '<svg onload="window.__xss=1"></svg>',
      '[click](javascript:window.__xss=1)',
      '[click](JaVaScRiPt:alert(1))',
      '[click](&#106;avascript:alert(1))',
      '[ref][x]\n\n[x]: javascript:alert(1)',
      '<a href="javascript:alert(1)">x</a>',
      '![i](javascript:alert(1))',
    ];
    it.each(payloads)('shows %j as text, with no element or attribute from it', (payload) => {
      const html = render(payload);
      // Every tag in the output is one NoteView makes, with only its own attributes.
      for (const [, name, attrs] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
        expect(ALLOWED_TAGS).toContain(name);
        for (const [, attr, value] of attrs!.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
          expect(ALLOWED_ATTRIBUTES).toContain(attr);
          if (attr === 'href') expect(value).toMatch(/^(https?:|mailto:)/);
        }
      }
      // What the reader typed is still there, as text.
      expect(html.replace(/<[^>]*>/g, '')).toMatch(/\S/);
    });
  });
});
